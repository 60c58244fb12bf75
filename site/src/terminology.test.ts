import fs from 'node:fs';
import path from 'node:path';
import { catalog } from '@workshop/catalog';
import { glossary, koreanTerms, rejectedSpellings } from './data/glossary';

const repo = path.resolve(__dirname, '..', '..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

/** Every Korean text a learner reads: the Korean site, the glossary, the catalog and the checker's rule messages. */
function koreanSources(): { where: string; text: string }[] {
  const pages = filesUnder(path.join(repo, 'site', 'i18n', 'ko'), /\.(mdx?|json)$/).map((file) => ({
    where: path.relative(repo, file),
    text: fs.readFileSync(file, 'utf8'),
  }));
  const rules = filesUnder(path.join(repo, 'checker', 'src', 'rules'), /^(?!.*\.test\.ts$).*\.ts$/).map((file) => ({
    where: path.relative(repo, file),
    text: fs.readFileSync(file, 'utf8'),
  }));
  const glossaryKo = glossary.map((entry) => `${entry.term.ko} ${entry.definition.ko}`).join('\n');
  const catalogKo = JSON.stringify(catalog.labs, (key, value: unknown) => (key === 'en' ? undefined : value), 1);
  return [...pages, ...rules, { where: 'site/src/data/glossary.json', text: glossaryKo }, { where: 'labs/catalog.json', text: catalogKo }];
}

describe('Korean terminology: one term for one thing', () => {
  it('has a term table whose rejected spellings are valid patterns and never match the term itself', () => {
    expect(koreanTerms.length).toBeGreaterThanOrEqual(5);
    for (const term of koreanTerms) {
      expect(term.reject.length).toBeGreaterThan(0);
      expect(rejectedSpellings(term.use, [term])).toEqual([]);
      for (const spelling of term.avoid) expect(rejectedSpellings(spelling, [term]).length).toBeGreaterThan(0);
    }
  });

  it('finds a rejected spelling with its line, and leaves look-alikes alone', () => {
    expect(rejectedSpellings('첫 줄\n두 가용영역에 걸친 VPC')).toEqual([{ line: 2, found: '가용영역', use: '가용 영역' }]);
    expect(rejectedSpellings('도메인 이름과 서브넷, 스택을 배포합니다')).toEqual([]);
  });

  it('uses none of the rejected spellings in the Korean docs, glossary, catalog or checker messages', () => {
    const problems = koreanSources().flatMap(({ where, text }) =>
      rejectedSpellings(text).map((hit) => `${where}:${hit.line}: "${hit.found}", write "${hit.use}"`),
    );
    expect(problems).toEqual([]);
  });
});
