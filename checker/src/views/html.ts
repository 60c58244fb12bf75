import fs from 'node:fs';
import type { Lang } from '@workshop/catalog';
import { inputError } from '../errors';

/** One diagram of the page: a heading and its Mermaid source. */
export interface HtmlDiagram {
  readonly heading: string;
  readonly mermaid: string;
}

/** What the HTML report shows. */
export interface HtmlReport {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly diagrams: readonly HtmlDiagram[];
  /** Headed lists under the diagrams (what is missing, the cost estimate...). */
  readonly sections: ReadonlyArray<{ readonly heading: string; readonly lines: readonly string[] }>;
}

/**
 * Mermaid's browser bundle, read from node_modules (the site depends on mermaid, so a workshop
 * install has it) to be inlined: the page then opens from disk with no network.
 */
export function mermaidBundle(resolve: (id: string) => string = require.resolve): string {
  let file: string;
  try {
    file = resolve('mermaid/dist/mermaid.min.js');
  } catch {
    throw inputError(
      'mermaid is not installed, so the HTML report cannot draw: run npm ci in the workshop folder, or use the Mermaid text (npx checker diagram <lab>).',
      'mermaid가 설치되어 있지 않아 HTML 보고서에 그림을 그릴 수 없습니다. 워크숍 폴더에서 npm ci를 실행하거나 Mermaid 텍스트(npx checker diagram <실습>)를 쓰세요.',
    );
  }
  return fs.readFileSync(file, 'utf8');
}

/** A self-contained HTML page (Mermaid inlined, no network) with the diagrams side by side. */
export function htmlReport(report: HtmlReport, bundle: string): string {
  const diagrams = report.diagrams
    .map(
      (diagram) =>
        `<figure><figcaption>${escape(diagram.heading)}</figcaption><pre class="mermaid">${escape(diagram.mermaid)}</pre></figure>`,
    )
    .join('\n');
  const sections = report.sections
    .filter((section) => section.lines.length > 0)
    .map(
      (section) =>
        `<section><h2>${escape(section.heading)}</h2><ul>${section.lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(report.title)}</title>
<style>
body { font-family: system-ui, "Noto Sans KR", sans-serif; margin: 1.5rem; color: #1f2328; }
.diagrams { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1.5rem; }
figure { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 1rem; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 0.5rem; }
</style>
</head>
<body>
<h1>${escape(report.title)}</h1>
<p>${escape(report.subtitle)}</p>
<div class="diagrams">
${diagrams}
</div>
${sections}
<script>${bundle.replace(/<\/script/gi, '<\\/script')}</script>
<script>mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', flowchart: { htmlLabels: false } });</script>
</body>
</html>
`;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
