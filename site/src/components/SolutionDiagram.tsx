/// <reference types="@docusaurus/theme-mermaid" />
import React from 'react';
import Mermaid from '@theme/Mermaid';
import targets from '../../../labs/architectures.generated.json';
import { useLang } from '../lib/i18n';
import CommandBlock from './CommandBlock';

/** Props of SolutionDiagram: the lab whose target is drawn. */
export interface SolutionDiagramProps {
  lab: string;
}

// Top to bottom on the page: the guide's column is narrow, and a left-to-right chain would shrink its text.
const drawings = (targets as { labs: Record<string, { mermaid: { en: string; ko: string } }> }).labs;

/**
 * The lab's target as the checker draws it from the solution's template (labs/architectures.generated.json),
 * and the command that draws the learner's own architecture the same way, with what is missing dashed in red.
 */
export default function SolutionDiagram({ lab }: SolutionDiagramProps): React.JSX.Element {
  const lang = useLang();
  const ko = lang === 'ko';
  const drawing = drawings[lab];
  if (!drawing)
    throw new Error(
      `<SolutionDiagram lab="${lab}">: labs/architectures.generated.json has no such lab; run npm run architectures -w checker.`,
    );
  return (
    <figure className="ws-solution-diagram">
      <figcaption>
        {ko
          ? '목표 아키텍처: 체커가 이 실습 솔루션의 템플릿에서 그린 그림입니다(내 아키텍처를 그리는 것과 같은 코드).'
          : "The target: the checker's drawing of this lab's solution, from its template (the same code that draws yours)."}
      </figcaption>
      <Mermaid value={drawing.mermaid[lang].replace(/^flowchart LR/, 'flowchart TB')} />
      <p>
        {ko
          ? '내 아키텍처를 같은 방식으로 그려 보세요. 목표에 있고 내 구성에 없는 것은 빨간 점선으로 표시됩니다. 만들어진 HTML 파일을 브라우저로 여세요.'
          : 'Draw yours the same way: what the target has and yours lacks is dashed in red. Open the HTML file it writes in your browser.'}
      </p>
      <CommandBlock command={`npx checker diagram ${lab} --html my-architecture.html`} />
    </figure>
  );
}
