import React from 'react';
import Link from '@docusaurus/Link';
import { guideRoute } from '@workshop/catalog/core';
import { catalog } from '../data/workshop';
import { formatMinutes, formatUsd, useLang } from '../lib/i18n';

/** Every lab in catalog order with its time and hourly cost, and the totals for the whole workshop. */
export default function LabList(): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  const minutes = catalog.labs.reduce((sum, lab) => sum + lab.durationMinutes, 0);
  // A learner deploys one lab at a time and destroys it before the next: the worst case is each
  // lab's stack running for as long as the lab takes.
  const cost = catalog.labs.reduce((sum, lab) => sum + (lab.cost.hourlyUsd * lab.durationMinutes) / 60, 0);
  return (
    <div className="ws-table-wrap">
      <table className="ws-labs">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{ko ? '실습' : 'Lab'}</th>
            <th scope="col">{ko ? '시간' : 'Time'}</th>
            <th scope="col">{ko ? '실제 AWS 시간당 비용' : 'Real AWS per hour'}</th>
          </tr>
        </thead>
        <tbody>
          {catalog.labs.map((lab, index) => (
            <tr key={lab.id}>
              <td>{index + 1}</td>
              <td>
                <Link to={guideRoute(lab.id)}>{lab.title[lang]}</Link>
              </td>
              <td>{formatMinutes(lab.durationMinutes, lang)}</td>
              <td>{formatUsd(lab.cost.hourlyUsd, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {ko ? '전체 워크숍' : 'Whole workshop'}
            </th>
            <td>{formatMinutes(minutes, lang)}</td>
            <td>
              {ko
                ? `실습마다 배포하고 끝나면 삭제하면 약 ${formatUsd(cost, lang, 2)}`
                : `about ${formatUsd(cost, lang, 2)} if you deploy each lab for its duration, then destroy it`}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="ws-note">
        {catalog.pricing.note[lang]}{' '}
        {ko ? '로컬 대상(내장 에뮬레이터, LocalStack)은 무료입니다.' : 'Local targets (the embedded emulator, LocalStack) cost nothing.'}
      </p>
    </div>
  );
}
