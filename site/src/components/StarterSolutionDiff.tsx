import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import { labById } from '../data/workshop';
import { unifiedDiff } from '../lib/code';
import { useLang } from '../lib/i18n';

/** Props of StarterSolutionDiff. `starter` and `solution` are filled in at build time by the lab-files remark plugin. */
export interface StarterSolutionDiffProps {
  lab: string;
  /** Path inside the lab folder, the same in labs/<lab> and solutions/<lab>. */
  path: string;
  /** Unchanged lines shown around each change. @default 3 */
  context?: number;
  starter?: string;
  solution?: string;
}

/** What the learner changes in one file: the real diff between the starter and the solution, computed at build time. */
export default function StarterSolutionDiff({ lab, path, context = 3, starter, solution }: StarterSolutionDiffProps): React.JSX.Element {
  labById(lab);
  const lang = useLang();
  if (starter === undefined || solution === undefined) {
    throw new Error(`<StarterSolutionDiff lab="${lab}" path="${path}"> got no files: use it directly in an .mdx page.`);
  }
  const diff = unifiedDiff(lab, path, starter, solution, context);
  if (!diff) {
    return (
      <p className="ws-note">
        {lang === 'ko' ? `${path}는 시작 코드와 정답이 같습니다.` : `${path} is the same in the starter and the solution.`}
      </p>
    );
  }
  return (
    <CodeBlock language="diff" title={lang === 'ko' ? `시작 코드 → 정답: ${path}` : `Starter → solution: ${path}`}>
      {diff}
    </CodeBlock>
  );
}
