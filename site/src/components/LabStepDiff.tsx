import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import { parsePatch } from 'diff';
import { labById } from '../data/workshop';
import { useLang } from '../lib/i18n';

/** Props of LabStepDiff. `patch` is filled in at build time by the lab-files remark plugin. */
export interface LabStepDiffProps {
  lab: string;
  /** The step number of the catalog hint, as in `TODO(<lab-id>) step N`. */
  step: number | string;
  /** Only this file of the step (a path inside the lab); every file the step changes by default. */
  file?: string;
  patch?: string;
}

const fileName = (name: string | undefined): string | undefined =>
  name === undefined || name === '/dev/null' ? undefined : name.replace(/^[ab]\//, '');

/** What the learner changes in one step: the step's patch (labs/steps/<lab>/step-N.patch), one diff per file. */
export default function LabStepDiff({ lab, step, file, patch }: LabStepDiffProps): React.JSX.Element {
  labById(lab);
  const lang = useLang();
  if (patch === undefined) throw new Error(`<LabStepDiff lab="${lab}" step="${step}"> got no patch: use it directly in an .mdx page.`);
  const files = parsePatch(patch)
    .map((diff) => ({ path: fileName(diff.newFileName) ?? fileName(diff.oldFileName) ?? '', diff }))
    .filter((entry) => file === undefined || entry.path === file);
  if (files.length === 0)
    throw new Error(`<LabStepDiff lab="${lab}" step="${step}" file="${file}">: step ${step} does not change ${file}.`);
  return (
    <>
      {files.map(({ path, diff }) => {
        const lines = [
          `--- ${diff.oldFileName}`,
          `+++ ${diff.newFileName}`,
          ...diff.hunks.flatMap((hunk) => [
            `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
            ...hunk.lines.filter((line) => !line.startsWith('\\')),
          ]),
        ];
        return (
          <CodeBlock key={path} language="diff" title={lang === 'ko' ? `${step}단계: ${path}` : `Step ${step}: ${path}`}>
            {lines.join('\n')}
          </CodeBlock>
        );
      })}
    </>
  );
}
