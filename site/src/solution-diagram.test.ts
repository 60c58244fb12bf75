import fs from 'node:fs';
import path from 'node:path';
import { catalog } from '@workshop/catalog';
import targets from '../../labs/architectures.generated.json';

const guides = [
  path.join(__dirname, '..', 'docs', 'labs'),
  path.join(__dirname, '..', 'i18n', 'ko', 'docusaurus-plugin-content-docs', 'current', 'labs'),
];

describe('the target drawn next to each guide', () => {
  it.each(catalog.labs.map((lab) => lab.id))('%s: both guides show its own solution drawing, which exists', (id) => {
    for (const folder of guides) {
      const text = fs.readFileSync(path.join(folder, `${id}.mdx`), 'utf8');
      expect([folder, [...text.matchAll(/<SolutionDiagram lab="([^"]+)" \/>/g)].map((match) => match[1])]).toEqual([folder, [id]]);
    }
    expect((targets as { labs: Record<string, { mermaid: { en: string; ko: string } }> }).labs[id]?.mermaid.ko).toMatch(/^flowchart LR/);
  });
});
