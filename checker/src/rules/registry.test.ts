import fs from 'node:fs';
import path from 'node:path';
import { catalog, findLab } from '@workshop/catalog';
import { allRules, labRules, loadRule, ruleIds } from './registry';
import type { Rule } from './types';

/** Every rule exported by a file of a rule area (rules/<area>/*.ts), as "<area>/<file> <id>". */
function ruleFiles(): string[] {
  const areas = fs.readdirSync(__dirname, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'fixtures');
  return areas.flatMap((area) =>
    fs
      .readdirSync(path.join(__dirname, area.name))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .flatMap((name) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(path.join(__dirname, area.name, name)) as Record<string, unknown>;
        return Object.values(exports)
          .filter((value): value is Rule => typeof (value as Rule | undefined)?.evaluate === 'function')
          .map((rule) => `${area.name}/${name.replace(/\.ts$/, '')} ${rule.id}`);
      }),
  );
}

describe('the lazy rule registry', () => {
  it('lists every rule file of the rule areas, under its area, and each loads the rule named after it', () => {
    const listed = ruleIds.map((id) => `${loadRule(id)!.area}/${id} ${loadRule(id)!.id}`);
    expect([...listed].sort()).toEqual(ruleFiles().sort());
  });

  it("gives a lab's rules in the lab's order, without the ids the checker does not define", () => {
    for (const lab of catalog.labs) expect(labRules(lab).map((rule) => rule.id)).toEqual(lab.checks);
    const lab = findLab('vpc-migration')!;
    expect(labRules({ checks: ['vpc-cidr', 'not-a-rule', 'rds-private'] }).map((rule) => rule.id)).toEqual(['vpc-cidr', 'rds-private']);
    expect(loadRule('not-a-rule')).toBeUndefined();
    expect(loadRule('constructor')).toBeUndefined();
    expect(labRules(lab)[0]).toBe(loadRule(lab.checks[0]));
  });

  it('gives every rule in report order', () => {
    expect(allRules().map((rule) => rule.id)).toEqual(ruleIds);
  });
});
