import React from 'react';
import { catalog, labById } from '../data/workshop';
import { formatUsd, useLang } from '../lib/i18n';

/** Props of CostTable: the lab whose billable resources are listed. */
export interface CostTableProps {
  lab: string;
}

/** What costs money while a lab is deployed on real AWS, item by item, from labs/catalog.json. */
export default function CostTable({ lab }: CostTableProps): React.JSX.Element {
  const lang = useLang();
  const entry = labById(lab);
  const ko = lang === 'ko';
  return (
    <div className="ws-table-wrap">
      <table className="ws-cost-table">
        <thead>
          <tr>
            <th scope="col">{ko ? '비용이 드는 리소스' : 'Resource that costs money'}</th>
            <th scope="col">{ko ? '시간당(USD)' : 'Per hour (USD)'}</th>
          </tr>
        </thead>
        <tbody>
          {entry.cost.items.map((item) => (
            <tr key={item.price}>
              <td>{item.resource[lang]}</td>
              <td>{formatUsd(item.usd, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{ko ? '합계' : 'Total'}</th>
            <td>
              <strong>{formatUsd(entry.cost.hourlyUsd, lang)}</strong>
              {ko
                ? ` (하루 약 ${formatUsd(entry.cost.hourlyUsd * 24, lang, 2)})`
                : ` (about ${formatUsd(entry.cost.hourlyUsd * 24, lang, 2)} a day)`}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="ws-note">
        {catalog.pricing.note[lang]} {ko ? `가격 기준일: ${catalog.priceDate}.` : `Prices as of ${catalog.priceDate}.`}
      </p>
    </div>
  );
}
