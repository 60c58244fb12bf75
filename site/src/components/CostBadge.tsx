import React from 'react';
import { catalog, labById } from '../data/workshop';
import { formatUsd, useLang } from '../lib/i18n';

/** Props of CostBadge: one lab's hourly cost on real AWS, or the most expensive lab's when `lab` is omitted. */
export interface CostBadgeProps {
  lab?: string;
}

/** The hourly cost of a lab on real AWS while it is deployed, from labs/catalog.json. */
export default function CostBadge({ lab }: CostBadgeProps): React.JSX.Element {
  const lang = useLang();
  const usd = lab ? labById(lab).cost.hourlyUsd : Math.max(...catalog.labs.map((entry) => entry.cost.hourlyUsd));
  const label = lang === 'ko' ? '실제 AWS 시간당 비용' : 'Real AWS cost per hour';
  return (
    <span className="ws-badge ws-badge--cost" title={catalog.pricing.note[lang]}>
      {label}: {lang === 'ko' ? '약 ' : '~'}
      {formatUsd(usd, lang)}
    </span>
  );
}
