import React from 'react';
import Link from '@docusaurus/Link';
import { guideRoute } from '@workshop/catalog/core';
import { catalog, labById, ruleById, rules } from '../data/workshop';
import { useLang } from '../lib/i18n';

/** Props of LabChecks: the lab whose checks (from labs/catalog.json) are listed with their rule metadata. */
export interface LabChecksProps {
  lab: string;
  /** Show only the checks this lab introduces, not those carried forward from earlier labs. @default false */
  newOnly?: boolean;
}

/** The first lab (in catalog order) whose checks include this id. */
function introducedIn(checkId: string): string {
  return catalog.labs.find((lab) => lab.checks.includes(checkId))?.id ?? '';
}

/** The checks the checker runs for a lab: what each verifies, its points and modes, and where it was introduced. */
export default function LabChecks({ lab, newOnly = false }: LabChecksProps): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  const entry = labById(lab);
  const checks = entry.checks.filter((id) => !newOnly || introducedIn(id) === lab);
  return (
    <div className="ws-table-wrap">
      {rules.length === 0 && (
        <p className="ws-note">
          {ko
            ? '체커에 아직 규칙이 없어 검사 ID만 보여 줍니다. 규칙이 추가되면 설명과 배점이 여기에 나타납니다.'
            : 'The checker has no rules yet, so only the check ids are shown. Their descriptions and points appear here once the rules exist.'}
        </p>
      )}
      <table className="ws-checks">
        <thead>
          <tr>
            <th scope="col">{ko ? '검사' : 'Check'}</th>
            <th scope="col">{ko ? '통과 조건' : 'Passes when'}</th>
            <th scope="col">{ko ? '배점' : 'Points'}</th>
            <th scope="col">{ko ? '모드' : 'Modes'}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((id) => {
            const rule = ruleById(id);
            const origin = introducedIn(id);
            return (
              <tr key={id}>
                <td>
                  <code>{id}</code>
                  {origin !== lab && (
                    <div className="ws-carried">
                      {ko ? '이전 실습에서 이어짐: ' : 'carried forward from '}
                      <Link to={guideRoute(origin)}>{labById(origin).title[lang]}</Link>
                    </div>
                  )}
                </td>
                <td>{rule ? rule.title[lang] : ko ? '(아직 규칙이 없습니다)' : '(no rule yet)'}</td>
                <td>{rule ? rule.points : '–'}</td>
                <td>{rule ? rule.modes.join(', ') : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="ws-note">
        {ko ? '각 규칙의 이유와 고치는 방법은 ' : 'Why each rule matters and how to fix a failure: see the '}
        <Link to="/docs/checker-reference">{ko ? '체커 레퍼런스' : 'checker reference'}</Link>
        {ko ? '에 있습니다.' : '.'}
      </p>
    </div>
  );
}
