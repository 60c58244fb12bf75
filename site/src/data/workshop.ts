import type { PricedLab } from '@workshop/catalog';
import { catalog } from '@workshop/catalog/core';
import rulesJson from '@generated/workshop-data/default/rules.json';
import cliJson from '@generated/workshop-data/default/cli.json';
import type { CliHelp, RuleMeta } from './types';

/** labs/catalog.json, each lab priced from labs/prices.json: the catalog core the checker reads too. */
export { catalog };

/** Rule metadata exported by the checker; empty until the checker has rules. */
export const rules = rulesJson as RuleMeta[];

/** The checker's help text, or null while the checker has no executable. */
export const cliHelp = cliJson as CliHelp | null;

/** The lab with this id; throws so a typo in a guide fails the build. */
export function labById(id: string): PricedLab {
  const lab = catalog.labs.find((candidate) => candidate.id === id);
  if (!lab) throw new Error(`Unknown lab "${id}": use an id from labs/catalog.json (${catalog.labs.map((l) => l.id).join(', ')}).`);
  return lab;
}

/** The rule with this id, if the checker has it. */
export function ruleById(id: string): RuleMeta | undefined {
  return rules.find((rule) => rule.id === id);
}

/** A lab's position in the workshop, starting at 1. */
export function labNumber(id: string): number {
  return catalog.labs.findIndex((lab) => lab.id === id) + 1;
}
