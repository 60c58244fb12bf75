import React from 'react';
import { labById, labNumber } from '../data/workshop';
import { useLang } from '../lib/i18n';
import CostBadge from './CostBadge';
import DurationBadge from './DurationBadge';

/** Props of LabOverview: the lab whose catalog entry opens its guide page. */
export interface LabOverviewProps {
  lab: string;
}

/** The top of a lab guide: its number, summary, time and cost badges, objectives and the seed sections it retells. */
export default function LabOverview({ lab }: LabOverviewProps): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  const entry = labById(lab);
  return (
    <div className="ws-overview">
      <p className="ws-overview__kicker">{ko ? `실습 ${labNumber(lab)}` : `Lab ${labNumber(lab)}`}</p>
      <p className="ws-overview__summary">{entry.summary[lang]}</p>
      <p className="ws-badges">
        <DurationBadge lab={lab} /> <CostBadge lab={lab} />{' '}
        <span className="ws-badge">
          {ko ? '스택' : 'Stack'}: <code>{entry.stackName}</code>
        </span>
      </p>
      <p>
        <strong>{ko ? '이 실습을 마치면' : 'By the end of this lab you can'}</strong>
      </p>
      <ul>
        {entry.objectives.map((objective) => (
          <li key={objective.en}>{objective[lang]}</li>
        ))}
      </ul>
      <p className="ws-note">
        {ko ? '다시 읽는 원문: ' : 'Retells: '}
        {entry.seedSections.map((section) => section.title[lang]).join(' · ')}
      </p>
    </div>
  );
}
