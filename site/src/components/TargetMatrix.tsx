import React from 'react';
import Link from '@docusaurus/Link';
import { guideRoute } from '@workshop/catalog/core';
import { catalog } from '../data/workshop';
import { targetsData, type Capability } from '../data/targets';
import { useLang } from '../lib/i18n';

const STATUS_TEXT = {
  pending: { en: 'pending measurement', ko: '측정 전' },
  full: { en: 'deploys fully', ko: '전부 배포됨' },
  partial: { en: 'partly', ko: '일부만' },
  none: { en: 'does not deploy', ko: '배포 안 됨' },
} as const;

function Cell({ capability }: { capability: Capability | undefined }): React.JSX.Element {
  const lang = useLang();
  const status = capability?.status ?? 'pending';
  return (
    <td className={`ws-cap ws-cap--${status}`}>
      {STATUS_TEXT[status][lang]}
      {capability?.note && <div className="ws-cap__note">{capability.note[lang]}</div>}
    </td>
  );
}

/** The capability table of deploy targets per lab, read from src/data/targets.json (filled in by measurement). */
export default function TargetMatrix(): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  const pending = Object.values(targetsData.labs).some((row) => Object.values(row).some((cell) => cell.status === 'pending'));
  return (
    <div className="ws-table-wrap">
      <table className="ws-targets">
        <caption>
          {ko
            ? '대상별로 실습이 얼마나 배포되는가 (src/data/targets.json)'
            : 'How much of each lab each target deploys (src/data/targets.json)'}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ko ? '실습' : 'Lab'}</th>
            {targetsData.targets.map((target) => (
              <th scope="col" key={target.id}>
                {target.name[lang]}
                <div className="ws-cap__note">{target.needs[lang]}</div>
                <div className="ws-cap__note">{target.cost[lang]}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {catalog.labs.map((lab) => (
            <tr key={lab.id}>
              <th scope="row">
                <Link to={guideRoute(lab.id)}>{lab.title[lang]}</Link>
              </th>
              {targetsData.targets.map((target) => (
                <Cell key={target.id} capability={targetsData.labs[lab.id]?.[target.id]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ws-note">{targetsData.source[lang]}</p>
      {pending && (
        <p className="ws-note">
          <strong>
            {ko
              ? '"측정 전" 칸은 아직 측정되지 않았습니다. 추측한 값을 적지 않았습니다.'
              : 'Cells that say "pending measurement" have not been measured yet; no figure has been guessed.'}
          </strong>
        </p>
      )}
    </div>
  );
}
