import fs from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../catalog.schema.json';
import { guidePath } from './paths';
import { labStacks, secondaryRegion } from './core';
import { priceTable, type PriceTable } from './prices';
import type { Catalog, Lab } from './types';

/** What the validator needs besides the catalog itself. */
export interface ValidateOptions {
  /** Repository root holding labs/, solutions/ and site/. */
  root: string;
  /** Ids of the rules the checker defines; when given, every check id must be one of them. */
  ruleIds?: ReadonlySet<string>;
  /** The price table cost lines must be priced in. @default labs/prices.json */
  prices?: PriceTable;
}

/** Files and folders every lab app has, as `cdk init` lays them out. */
export const LAB_APP_SHAPE = ['bin', 'lib', 'test', 'cdk.json', 'package.json', 'project.json', 'README.md'];

let compiled: ValidateFunction | undefined;

/**
 * The schema validator, built on first use: loading and compiling Ajv takes about 80 ms, which
 * `checker check` (it imports this package but never validates) should not pay on every run.
 */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    compiled = new Ajv({ allErrors: true }).compile(schema);
  }
  return compiled;
}

/**
 * Validates the catalog and returns one line per problem, each naming the lab and what to do;
 * an empty list means the catalog is sound.
 */
export function validateCatalog(data: unknown, options: ValidateOptions): string[] {
  const validateSchema = schemaValidator();
  if (!validateSchema(data)) {
    return (validateSchema.errors ?? []).map((error) => describeSchemaError(data, error));
  }
  const catalog = data as unknown as Catalog;
  const problems: string[] = [];
  const seenIds = new Set<string>();
  const seenStacks = new Map<string, string>();
  for (const lab of catalog.labs) {
    const where = `lab "${lab.id}"`;
    if (seenIds.has(lab.id)) problems.push(`${where} appears twice: give each lab a unique id.`);
    seenIds.add(lab.id);
    for (const name of new Set([lab.stackName, ...labStacks(lab).map((stack) => stack.name)])) {
      const other = seenStacks.get(name);
      if (other) problems.push(`${where} reuses stack name "${name}" of lab "${other}": stack names must be unique.`);
      seenStacks.set(name, lab.id);
    }
    problems.push(...stackProblems(lab, where));

    for (const folder of ['labs', 'solutions']) {
      const dir = path.join(options.root, folder, lab.id);
      if (!fs.existsSync(dir)) {
        problems.push(
          `${where}: folder ${folder}/${lab.id} is missing: create it (a cdk init-shaped app) or remove the lab from labs/catalog.json.`,
        );
        continue;
      }
      const missing = LAB_APP_SHAPE.filter((entry) => !fs.existsSync(path.join(dir, entry)));
      if (missing.length > 0)
        problems.push(`${where}: ${folder}/${lab.id} lacks ${missing.join(', ')}: every lab app has ${LAB_APP_SHAPE.join(', ')}.`);
    }

    for (const [lang, file] of [
      ['English', guidePath(lab.id, 'en')],
      ['Korean', guidePath(lab.id, 'ko')],
    ]) {
      if (!fs.existsSync(path.join(options.root, 'site', file)))
        problems.push(`${where}: the ${lang} guide site/${file} is missing: write it.`);
    }

    const duplicateChecks = lab.checks.filter((id, i) => lab.checks.indexOf(id) !== i);
    if (duplicateChecks.length > 0)
      problems.push(`${where} lists check(s) ${[...new Set(duplicateChecks)].join(', ')} more than once: list each once.`);
    if (options.ruleIds) {
      const unknown = lab.checks.filter((id) => !options.ruleIds?.has(id));
      if (unknown.length > 0)
        problems.push(
          `${where} lists check(s) ${unknown.join(', ')} that the checker does not define: add the rule under checker/src/rules/ or fix the id.`,
        );
    }

    const prices = options.prices ?? priceTable;
    const hasSecondary = labStacks(lab).some((stack) => stack.region === 'secondary');
    for (const item of lab.costPerHour) {
      const region = item.region === 'secondary' ? secondaryRegion(lab, catalog) : catalog.pricing.region;
      if (item.region === 'secondary' && !hasSecondary)
        problems.push(
          `${where}: cost price "${item.price}" is in the secondary Region, but the lab has no stack there: list its stacks in "stacks" or drop "region".`,
        );
      if (prices.prices[item.price]?.usd[region] === undefined)
        problems.push(`${where}: cost price "${item.price}" has no ${region} price in labs/prices.json: add it there or fix the key.`);
    }

    lab.hints.forEach((hint, i) => {
      if (hint.step !== i + 1)
        problems.push(`${where}: hint ${i + 1} has step ${hint.step}: number hints 1, 2, 3... in the order of the starter's TODO marks.`);
      if (fs.existsSync(path.join(options.root, 'labs', lab.id)) && !fs.existsSync(path.join(options.root, 'labs', lab.id, hint.file))) {
        problems.push(`${where}: hint ${hint.step} points at ${hint.file}, which labs/${lab.id} does not have: fix the path.`);
      }
    });
  }
  return problems;
}

/** What is wrong with a lab's `stacks`: duplicates, the main stack missing or not primary, parameters that read no earlier stack. */
function stackProblems(lab: Lab, where: string): string[] {
  if (!lab.stacks) return [];
  const problems: string[] = [];
  const names = lab.stacks.map((stack) => stack.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length)
    problems.push(`${where} lists stack(s) ${[...new Set(repeated)].join(', ')} more than once in "stacks": list each once.`);
  const main = lab.stacks.find((stack) => stack.name === lab.stackName);
  if (!main) problems.push(`${where}: "stacks" does not list its stackName "${lab.stackName}": add it, in the primary Region.`);
  else if (main.region !== 'primary')
    problems.push(`${where}: its stackName "${lab.stackName}" is in the ${main.region} Region: the main stack is in the primary Region.`);
  lab.stacks.forEach((stack, i) => {
    const earlier = names.slice(0, i);
    for (const [parameter, source] of Object.entries(stack.parameters ?? {})) {
      if (!earlier.includes(source.stack))
        problems.push(
          `${where}: stack ${stack.name} parameter ${parameter} reads stack ${source.stack}, which is not deployed before it: list ${source.stack} earlier in "stacks" or fix the name.`,
        );
    }
  });
  return problems;
}

function describeSchemaError(data: unknown, error: ErrorObject): string {
  const segments = error.instancePath.split('/').filter(Boolean);
  let where = 'the catalog';
  let rest = segments;
  if (segments[0] === 'labs' && segments.length > 1) {
    const lab = (data as { labs?: Array<{ id?: unknown }> }).labs?.[Number(segments[1])];
    where = typeof lab?.id === 'string' && lab.id ? `lab "${lab.id}"` : `lab #${Number(segments[1]) + 1}`;
    rest = segments.slice(2);
  }
  const field = rest.join('.') || '(the entry itself)';
  switch (error.keyword) {
    case 'required':
      return `${where}: ${rest.length ? `${field}.` : ''}${String(error.params.missingProperty)} is missing: add it.`;
    case 'minLength':
      return `${where}: ${field} is empty: write it.`;
    case 'additionalProperties':
      return `${where}: ${field} has unknown field "${String(error.params.additionalProperty)}": remove it or fix its spelling.`;
    case 'pattern':
      return `${where}: ${field} "${String(valueAt(data, error.instancePath))}" does not match ${String(error.params.pattern)}.`;
    default:
      return `${where}: ${field} ${error.message ?? 'is invalid'}.`;
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}
