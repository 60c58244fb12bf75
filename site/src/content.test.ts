import fs from 'node:fs';
import path from 'node:path';
import { catalog } from '@workshop/catalog';
import { glossary } from './data/glossary';
import { CAPABILITY_STATUSES, targetsData } from './data/targets';
import { loadRules } from './plugins/workshop-data';

const siteDir = path.resolve(__dirname, '..');
const KO_DOCS = 'i18n/ko/docusaurus-plugin-content-docs/current';
const KO_PAGES = 'i18n/ko/docusaurus-plugin-content-pages';

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.mdx?$/.test(entry.name) && !entry.name.startsWith('_') ? [full] : [];
  });
}

/** Front matter and body of an MDX page. */
function readPage(file: string): { title?: string; body: string } {
  const text = fs.readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  const title = match ? /^title:\s*['"]?(.*?)['"]?\s*$/m.exec(match[1])?.[1] : undefined;
  return { title, body: (match ? match[2] : text).replace(/^import .*$/gm, '').trim() };
}

/** The heading ids a page declares as `## Heading {#id}`. */
function headingIds(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/^#{1,6} .*\{#([\w-]+)\}\s*$/gm)].map((match) => match[1]);
}

const pairs = [
  ['docs', KO_DOCS],
  ['src/pages', KO_PAGES],
].flatMap(([en, ko]) =>
  files(path.join(siteDir, en)).map((file) => {
    const relative = path.relative(path.join(siteDir, en), file);
    return { relative: path.join(en, relative), en: file, ko: path.join(siteDir, ko, relative) };
  }),
);

describe('every page exists in English and Korean', () => {
  it('finds the English pages', () => {
    expect(pairs.map((pair) => pair.relative)).toEqual(expect.arrayContaining(['docs/getting-started.mdx', 'src/pages/index.mdx']));
  });

  it.each(pairs.map((pair) => [pair.relative, pair]))('%s has a Korean page, and neither is empty', (_name, pair) => {
    if (!fs.existsSync(pair.ko)) throw new Error(`${path.relative(siteDir, pair.ko)} is missing: translate ${pair.relative} into Korean.`);
    for (const file of [pair.en, pair.ko]) {
      const { title, body } = readPage(file);
      if (!title) throw new Error(`${path.relative(siteDir, file)} has no title in its front matter.`);
      if (body.length < 20) throw new Error(`${path.relative(siteDir, file)} is empty: write its content.`);
    }
  });

  it('has no Korean page without an English one', () => {
    const english = new Set(pairs.map((pair) => pair.ko));
    const orphans = [...files(path.join(siteDir, KO_DOCS)), ...files(path.join(siteDir, KO_PAGES))].filter((file) => !english.has(file));
    expect(orphans.map((file) => path.relative(siteDir, file))).toEqual([]);
  });
});

describe('lab guides follow the catalog', () => {
  it.each(catalog.labs.map((lab) => [lab.id, lab]))('%s has its catalog title in both languages', (id, lab) => {
    expect(readPage(path.join(siteDir, 'docs/labs', `${id}.mdx`)).title).toBe(lab.title.en);
    expect(readPage(path.join(siteDir, KO_DOCS, 'labs', `${id}.mdx`)).title).toBe(lab.title.ko);
  });

  it('has no guide for a lab the catalog does not list', () => {
    const guides = files(path.join(siteDir, 'docs/labs')).map((file) => path.basename(file).replace(/\.mdx?$/, ''));
    expect(guides.sort()).toEqual(catalog.labs.map((lab) => lab.id).sort());
  });

  it('links every rule to a section that exists in its guide, in both languages', () => {
    const problems = loadRules().flatMap((rule) => {
      if (!rule.guide) return [];
      return [path.join(siteDir, 'docs/labs', `${rule.guide.lab}.mdx`), path.join(siteDir, KO_DOCS, 'labs', `${rule.guide.lab}.mdx`)]
        .filter((file) => !fs.existsSync(file) || !headingIds(file).includes(rule.guide!.section))
        .map(
          (file) =>
            `rule "${rule.id}" points to #${rule.guide!.section}: add a heading "## ... {#${rule.guide!.section}}" to ${path.relative(siteDir, file)} or fix the rule's guide.section.`,
        );
    });
    expect(problems).toEqual([]);
  });
});

describe('src/data/targets.json', () => {
  it('has a row per catalog lab and a cell per target, with known statuses', () => {
    const problems: string[] = [];
    const targetIds = targetsData.targets.map((target) => target.id);
    expect(targetIds).toEqual(['emulator', 'localstack-free', 'localstack-paid', 'aws']);
    for (const lab of catalog.labs) {
      const row = targetsData.labs[lab.id];
      if (!row) problems.push(`labs.${lab.id} is missing: add a row for it.`);
      for (const target of targetIds) {
        const cell = row?.[target];
        if (row && !cell) problems.push(`labs.${lab.id}.${target} is missing: use {"status": "pending"} until it is measured.`);
        if (cell && !CAPABILITY_STATUSES.includes(cell.status))
          problems.push(`labs.${lab.id}.${target}.status "${cell.status}" must be one of ${CAPABILITY_STATUSES.join(', ')}.`);
        if (cell?.note && (!cell.note.en || !cell.note.ko)) problems.push(`labs.${lab.id}.${target}.note needs both en and ko.`);
      }
    }
    for (const id of Object.keys(targetsData.labs)) {
      if (!catalog.labs.some((lab) => lab.id === id)) problems.push(`labs.${id} is not a lab of labs/catalog.json: remove it.`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the glossary', () => {
  /** Every term the issue and the seeds ask for. */
  const required = [
    'ec2',
    'elb',
    'alb',
    'nlb',
    'rds',
    'route53',
    'asg',
    'launch-template',
    'az',
    'region',
    'vpc',
    'cidr',
    'subnet',
    'igw',
    'nat-gateway',
    'security-group',
    'security-chain',
    'nacl',
    'multi-az',
    'read-replica',
    'sync-replication',
    'async-replication',
    's3',
    'vpc-endpoint',
    'cloudfront',
    'edge-location',
    'origin',
    'bastion',
    'waf',
    'shield',
    'cloudtrail',
    'cloudwatch',
    'guardduty',
    'elasticache',
    'aurora',
    'on-premises',
    'spof',
    'route-table',
    'longest-prefix-match',
    'elastic-ip',
    'public-subnet',
    'private-subnet',
    'static-website-hosting',
    'cdn',
    'master-slave',
    'target-group',
    'dms',
  ];

  it('defines every seed term in English and Korean', () => {
    const ids = glossary.map((entry) => entry.id);
    expect(required.filter((id) => !ids.includes(id))).toEqual([]);
    for (const entry of glossary) {
      for (const text of [entry.term.en, entry.term.ko, entry.definition.en, entry.definition.ko]) expect(text.trim()).not.toBe('');
    }
  });

  it('has unique ids and links only to catalog labs', () => {
    expect(new Set(glossary.map((entry) => entry.id)).size).toBe(glossary.length);
    const labs = catalog.labs.map((lab) => lab.id);
    expect(glossary.filter((entry) => entry.lab && !labs.includes(entry.lab)).map((entry) => entry.id)).toEqual([]);
  });
});
