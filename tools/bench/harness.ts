import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** One measured case. Cases sharing a `group` are compared with the group's baseline. */
export interface BenchCase {
  group: string;
  name: string;
  /** The case the others in the group are compared with (ratio = baseline median / case median). */
  baseline?: boolean;
  /** Runs once before the timed runs (warms caches that a learner would have warm too). */
  setup?: () => Promise<void> | void;
  /** Runs before each timed run, untimed (puts back the state the timed work starts from, e.g. the deployed starter). */
  beforeEach?: () => Promise<void> | void;
  /** The work to time; it may return extra figures to record (API calls, peak memory...). */
  run: () => Promise<Record<string, number> | void> | Record<string, number> | void;
}

/** Figures of one case. */
export interface BenchResult {
  group: string;
  name: string;
  baseline: boolean;
  runs: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** Baseline median divided by this case's median: above 1 means faster than the baseline. */
  speedupVsBaseline: number | null;
  extra: Record<string, number>;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs every case `runs` times and computes min/median/max and ratios to each group's baseline. */
export async function runBench(cases: BenchCase[], runs: number, log: (line: string) => void = console.log): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const benchCase of cases) {
    await benchCase.setup?.();
    const times: number[] = [];
    const extras: Record<string, number[]> = {};
    for (let i = 0; i < runs; i++) {
      await benchCase.beforeEach?.();
      const start = performance.now();
      const extra = await benchCase.run();
      times.push(performance.now() - start);
      for (const [key, value] of Object.entries(extra ?? {})) (extras[key] ??= []).push(value);
    }
    const result: BenchResult = {
      group: benchCase.group,
      name: benchCase.name,
      baseline: Boolean(benchCase.baseline),
      runs,
      minMs: Math.min(...times),
      medianMs: median(times),
      maxMs: Math.max(...times),
      speedupVsBaseline: null,
      extra: Object.fromEntries(Object.entries(extras).map(([key, values]) => [key, median(values)])),
    };
    results.push(result);
    log(formatLine(result));
  }
  for (const result of results) {
    const baseline = results.find((other) => other.group === result.group && other.baseline);
    if (baseline && baseline !== result) result.speedupVsBaseline = baseline.medianMs / result.medianMs;
  }
  return results;
}

/** A fixed-width table of all results, with ratios, for the terminal. */
export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.group,
    r.name + (r.baseline ? ' (baseline)' : ''),
    ms(r.minMs),
    ms(r.medianMs),
    ms(r.maxMs),
    r.speedupVsBaseline === null ? '' : `${r.speedupVsBaseline.toFixed(2)}x`,
    Object.entries(r.extra)
      .map(([key, value]) => `${key}=${Math.round(value * 10) / 10}`)
      .join(' '),
  ]);
  const header = ['group', 'case', 'min', 'median', 'max', 'vs baseline', 'extra'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Writes results as JSON with the machine's description, and returns the file path. */
export function writeResults(results: BenchResult[], dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bench.json');
  const payload = {
    schemaVersion: 1,
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    totalMemGiB: Math.round(os.totalmem() / 2 ** 30),
    results,
  };
  fs.writeFileSync(file, JSON.stringify(payload, null, 2) + '\n');
  return file;
}

function formatLine(r: BenchResult): string {
  return `${r.group} / ${r.name}: median ${ms(r.medianMs)} (min ${ms(r.minMs)}, max ${ms(r.maxMs)}, ${r.runs} runs)`;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}
