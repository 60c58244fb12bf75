import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import { labById } from '../data/workshop';
import { languageOf, sliceLines } from '../lib/code';

/** Props of LabFile. `code` is filled in at build time by the lab-files remark plugin; never write it by hand. */
export interface LabFileProps {
  lab: string;
  /** Path inside the lab folder, e.g. "lib/shop-stack.ts". */
  path: string;
  /** Which tree to read. @default "solution" */
  from?: 'starter' | 'solution';
  /** Only these lines, 1-based and inclusive, e.g. "12-40". @default the whole file */
  lines?: string;
  /** Caption above the code. @default "<labs|solutions>/<lab>/<path>" */
  title?: string;
  code?: string;
}

/** A real file from a lab's starter or solution, embedded at build time so the guide never drifts from the code. */
export default function LabFile({ lab, path, from = 'solution', lines, title, code }: LabFileProps): React.JSX.Element {
  labById(lab);
  if (code === undefined) throw new Error(`<LabFile lab="${lab}" path="${path}"> got no code: use it directly in an .mdx page.`);
  const { text, first } = sliceLines(code, lines);
  const where = `${from === 'starter' ? 'labs' : 'solutions'}/${lab}/${path}`;
  return (
    <CodeBlock language={languageOf(path)} title={title ?? (lines ? `${where} (${lines})` : where)} showLineNumbers={first}>
      {text}
    </CodeBlock>
  );
}
