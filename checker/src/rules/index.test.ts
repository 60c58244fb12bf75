import fs from 'node:fs';
import path from 'node:path';
import { catalog, findLab } from '@workshop/catalog';
import { rules } from './index';

const SEEDS = new Set(catalog.labs.flatMap((lab) => lab.seedSections.map((section) => section.seed)));

describe('the rule registry', () => {
  it('has unique ids, each rule in rules/<area>/<id>.ts', () => {
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    const misplaced = rules
      .filter((rule) => !fs.existsSync(path.join(__dirname, rule.area, `${rule.id}.ts`)))
      .map((rule) => `${rule.area}/${rule.id}.ts`);
    expect(misplaced).toEqual([]);
  });

  it('gives every rule complete metadata in English and Korean', () => {
    const problems = rules.flatMap((rule) => {
      const found: string[] = [];
      for (const [field, text] of Object.entries({ title: rule.title, why: rule.why, fix: rule.fix })) {
        if (!text.en.trim() || !text.ko.trim()) found.push(`${rule.id}: ${field} needs English and Korean`);
      }
      const lab = findLab(rule.guide.lab);
      if (!lab?.checks.includes(rule.id)) found.push(`${rule.id}: guide.lab ${rule.guide.lab} does not list it in its checks`);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.guide.section))
        found.push(`${rule.id}: guide.section "${rule.guide.section}" is not a heading anchor`);
      if (!SEEDS.has(rule.seed.seed)) found.push(`${rule.id}: seed ${rule.seed.seed} is not a seed of the catalog`);
      if ((rule.severity === 'info') !== (rule.points === 0)) found.push(`${rule.id}: only info rules have 0 points`);
      if (rule.modes.length === 0) found.push(`${rule.id}: judges in no mode`);
      return found;
    });
    expect(problems).toEqual([]);
  });
});
