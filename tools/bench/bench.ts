/**
 * npm run bench -- [--runs N] [--filter text] [--out dir]
 * Runs named cases several times, prints min/median/max and ratios to each group's baseline, and
 * writes the figures to bench-results/bench.json.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@workshop/catalog';
import { formatTable, runBench, writeResults, type BenchCase } from './harness';
import { architectureCases } from './cases/architecture';
import { checkerCases } from './cases/checker';
import { gradingCases } from './cases/grading';
import { localCases } from './cases/local';
import { siteCases } from './cases/site';
import { synthCases } from './cases/synth';
import { watchCases } from './cases/watch';

const USAGE = 'npm run bench -- [--runs N] [--filter text] [--out dir]';

function parseOptions(): { runs?: string; filter?: string; out?: string } {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        filter: { type: 'string' },
        out: { type: 'string', default: path.join(repoRoot, 'bench-results') },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}. Usage: ${USAGE}`);
    process.exit(2);
  }
}

const values = parseOptions();

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1, not "${values.runs}".`);
  process.exit(2);
}

const all: BenchCase[] = [
  ...synthCases(),
  ...checkerCases(),
  ...gradingCases(),
  ...siteCases(),
  ...localCases(),
  ...architectureCases(),
  ...watchCases(),
];
const selected = values.filter ? all.filter((c) => `${c.group} / ${c.name}`.includes(values.filter as string)) : all;
if (selected.length === 0) {
  console.error(`No bench case matches "${values.filter}". Cases: ${[...new Set(all.map((c) => c.group))].join(', ')}`);
  process.exit(2);
}

runBench(selected, runs).then((results) => {
  console.log(`\n${formatTable(results)}\n`);
  console.log(`Figures written to ${path.relative(process.cwd(), writeResults(results, values.out as string))}`);
});
