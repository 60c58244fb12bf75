import fs from 'node:fs';
import path from 'node:path';
import { catalog } from '@workshop/catalog';
import { LAB_COMMAND_KINDS, labCommands } from './lab-commands';

const siteDir = path.resolve(__dirname, '../..');
const guides = catalog.labs.flatMap((lab) =>
  ['docs/labs', 'i18n/ko/docusaurus-plugin-content-docs/current/labs'].map((dir) => path.join(siteDir, dir, `${lab.id}.mdx`)),
);

describe('the command blocks every guide shows', () => {
  it('are generated from the lab id, in both languages', () => {
    const block = labCommands('vpc-migration', 'local');
    expect(block.lines).toEqual(['npm run local -- up', 'npm run deploy -- vpc-migration', 'npx checker check vpc-migration --live']);
    for (const kind of LAB_COMMAND_KINDS) {
      const { lines, title } = labCommands('multi-az-rds', kind);
      expect(lines.join('\n')).toMatch(/multi-az-rds|local -- down/);
      expect(title.en).not.toBe('');
      expect(title.ko).not.toBe('');
    }
  });

  it.each(guides.map((file) => [path.relative(siteDir, file), file]))(
    '%s uses <LabCommands> for all six and pastes none of them',
    (_name, file) => {
      const text = fs.readFileSync(file, 'utf8');
      const lab = path.basename(file, '.mdx');
      for (const kind of LAB_COMMAND_KINDS) {
        if (!text.includes(`<LabCommands lab="${lab}" kind="${kind}" />`))
          throw new Error(`add <LabCommands lab="${lab}" kind="${kind}" /> to the guide.`);
      }
      const pasted = [...text.matchAll(/<CommandBlock command=\{?[`"]([^`"]*)[`"]/g)]
        .flatMap((match) => match[1].split('\\n'))
        .filter((line) => /^npm run (deploy|destroy|local) |^npx checker check \S+( --live| --app)/.test(line));
      if (pasted.length > 0) throw new Error(`replace the pasted command(s) ${pasted.join(' | ')} with <LabCommands>.`);
    },
  );
});
