import React from 'react';
import Admonition from '@theme/Admonition';
import { labById } from '../data/workshop';
import { useLang } from '../lib/i18n';

/** Props of LabHint: the lab and the step number of its `TODO(<lab-id>) step N` mark. */
export interface LabHintProps {
  lab: string;
  step: number;
}

/** The catalog's hint for one step of a lab, the same text the checker prints next to a failure. */
export default function LabHint({ lab, step }: LabHintProps): React.JSX.Element {
  const lang = useLang();
  const hint = labById(lab).hints.find((candidate) => candidate.step === step);
  if (!hint) throw new Error(`Lab "${lab}" has no hint for step ${step} in labs/catalog.json.`);
  const title = lang === 'ko' ? `힌트: ${step}단계 (${hint.file})` : `Hint: step ${step} (${hint.file})`;
  return (
    <Admonition type="tip" title={title}>
      <p>{hint[lang]}</p>
    </Admonition>
  );
}
