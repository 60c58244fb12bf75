import React from 'react';
import { regionName } from '@workshop/catalog/core';
import { catalog, labById } from '../data/workshop';
import { formatUsd, useLang } from '../lib/i18n';

/** Props of CostTable: the lab whose billable resources are listed. */
export interface CostTableProps {
  lab: string;
}

/** What costs money while a lab is deployed on real AWS, item by item (Region by Region, for a lab in two), from labs/catalog.json. */
export default function CostTable({ lab }: CostTableProps): React.JSX.Element {
  const lang = useLang();
  const entry = labById(lab);
  const ko = lang === 'ko';
  const unconfirmed = entry.cost.items.filter((item) => item.unverified);
  const twoRegions = entry.cost.regions.length > 1;
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
          {entry.cost.regions.map((region) => {
            const name = regionName(region.region, lang);
            return (
              <React.Fragment key={region.role}>
                {twoRegions && (
                  <tr>
                    <th scope="rowgroup" colSpan={2}>
                      {name}
                    </th>
                  </tr>
                )}
                {entry.cost.items
                  .filter((item) => (item.region ?? 'primary') === region.role)
                  .map((item) => (
                    <tr key={`${region.role}-${item.price}`}>
                      <td>{item.resource[lang]}</td>
                      <td>
                        {formatUsd(item.usd, lang)}
                        {item.unverified && <sup title={item.unverified[lang]}>*</sup>}
                      </td>
                    </tr>
                  ))}
                {twoRegions && (
                  <tr>
                    <th scope="row">{ko ? `${name} 소계` : `Subtotal, ${name}`}</th>
                    <td>{formatUsd(region.hourlyUsd, lang)}</td>
                  </tr>
                )}
              </React.Fragment>
            );
          })}
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
        {catalog.pricing.note[lang]} {ko ? `가격표 확인일: ${catalog.priceDate}.` : `Price table checked on ${catalog.priceDate}.`}
      </p>
      {unconfirmed.length > 0 && (
        <ul className="ws-note">
          {unconfirmed.map((item) => (
            <li key={`${item.region ?? 'primary'}-${item.price}`}>
              * {ko ? '확인되지 않은 가격' : 'Unconfirmed price'}: {item.resource[lang]}: {item.unverified?.[lang]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
