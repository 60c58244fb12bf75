import React from 'react';
import { catalog, labById } from '../data/workshop';
import { formatMinutes, useLang } from '../lib/i18n';

/** Props of DurationBadge: one lab's estimated time, or the whole workshop's when `lab` is omitted. */
export interface DurationBadgeProps {
  lab?: string;
}

/** The estimated time of a lab (or of every lab together), from labs/catalog.json. */
export default function DurationBadge({ lab }: DurationBadgeProps): React.JSX.Element {
  const lang = useLang();
  const minutes = lab ? labById(lab).durationMinutes : catalog.labs.reduce((sum, l) => sum + l.durationMinutes, 0);
  const label = lang === 'ko' ? '예상 소요 시간' : 'Estimated time';
  return (
    <span className="ws-badge ws-badge--time">
      {label}: {formatMinutes(minutes, lang)}
    </span>
  );
}
