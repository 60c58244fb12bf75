import fs from 'node:fs';
import path from 'node:path';
import { labDir, labFolder, readCatalog, validateCatalog, type Lab } from '@workshop/catalog';
import { CheckerError } from '../errors';
import { runChecks } from '../engine/run';
import type { CheckReport, RuleResult } from '../engine/result';
import type { Rule } from '../rules/types';
import { fromLabTemplates, hasSeveralStacks, type LoadedSource } from '../sources';
import { synthApp } from '../sources/app/synth';

/** What dev-check verifies, and where. */
export interface DevCheckOptions {
  /** Repository root holding labs/, solutions/ and site/. */
  readonly root: string;
  /** The rule registry. */
  readonly rules: readonly Rule[];
  /** Only these labs (ids); all by default. The chain check still reads the previous lab. */
  readonly labs?: readonly string[];
  /** Called as each step finishes, for progress output. */
  readonly onStep?: (step: DevCheckStep) => void;
}

/** One verified statement and the problems found (none means it holds). */
export interface DevCheckStep {
  readonly title: string;
  readonly problems: readonly string[];
}

/** Files the TODO scan reads: the app's own sources, not dependencies or build output. */
const SCANNED = /\.(?:ts|js|json|md)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', '.nx', 'coverage']);
const TODO_MARK = /TODO\(([a-z0-9-]+)\)(?::?\s*step\s+(\d+))?/g;

/**
 * The repository's own consistency check (rustlings' `dev check`): catalog and trees agree, every
 * starter has its lab's TODO marks matching the hints, synthesizes and fails its lab's checks,
 * every solution passes them, and the starter of lab N passes every check of lab N-1.
 */
export function devCheck(options: DevCheckOptions): DevCheckStep[] {
  const catalog = readCatalog(path.join(options.root, 'labs', 'catalog.json'));
  const registry = new Map(options.rules.map((rule) => [rule.id, rule]));
  const steps: DevCheckStep[] = [];
  const record = (title: string, problems: string[]): void => {
    const step = { title, problems };
    steps.push(step);
    options.onStep?.(step);
  };

  // validateCatalog names missing rules lab by lab; one line listing each missing id once reads better.
  const catalogProblems = validateCatalog(catalog, { root: options.root, ruleIds: new Set(registry.keys()) }).filter(
    (problem) => !problem.includes('that the checker does not define'),
  );
  const missing = [...new Set(catalog.labs.flatMap((lab) => lab.checks))].filter((id) => !registry.has(id));
  if (missing.length > 0) {
    catalogProblems.push(
      `${missing.length} rule(s) the catalog lists are missing from the registry (checker/src/rules/registry.ts): ${missing.join(', ')}: write each as checker/src/rules/<area>/<id>.ts and register it.`,
    );
  }
  const labIds = new Set(catalog.labs.map((lab) => lab.id));
  for (const rule of options.rules) {
    if (!labIds.has(rule.guide.lab)) catalogProblems.push(`rule ${rule.id}: guide.lab "${rule.guide.lab}" is not a lab id of the catalog.`);
  }
  record('catalog, rule registry and lab trees agree', catalogProblems);

  const selected = catalog.labs.filter((lab) => !options.labs || options.labs.includes(lab.id));
  const graphs = new Map<string, LoadedSource | undefined>();
  const load = (lab: Lab, kind: 'starter' | 'solution'): { loaded?: LoadedSource; problem?: string } => {
    const dir = labDir(lab.id, kind, options.root);
    const key = labFolder(lab.id, kind);
    if (!graphs.has(key)) {
      try {
        const file = synthApp(dir, lab.stackName, hasSeveralStacks(lab));
        graphs.set(key, fromLabTemplates(file, `app ${key}`, lab, lab.stackName));
      } catch (error) {
        graphs.set(key, undefined);
        const message = error instanceof CheckerError ? error.text.en : String((error as Error).message ?? error);
        return { problem: `${key} does not synthesize: ${message}` };
      }
    }
    const loaded = graphs.get(key);
    return loaded ? { loaded } : { problem: `${key} does not synthesize (see above)` };
  };
  const check = (lab: Lab, loaded: LoadedSource): CheckReport => runChecks({ lab, loaded, rules: options.rules, lang: 'en' });

  for (const lab of selected) {
    const index = catalog.labs.indexOf(lab);
    const starterDir = labFolder(lab.id, 'starter');
    record(`${starterDir}: TODO(${lab.id}) marks match the catalog hints`, todoProblems(options.root, lab));

    const starter = load(lab, 'starter');
    const starterProblems = starter.problem ? [starter.problem] : [];
    if (starter.loaded) {
      const report = check(lab, starter.loaded);
      starterProblems.push(...errorsOf(report, starterDir, registry));
      const judged = report.results.filter((result) => registry.has(result.ruleId));
      if (judged.length === 0)
        starterProblems.push(`${starterDir}: none of its lab's checks is defined yet, so nothing shows it is unsolved.`);
      else if (!judged.some((result) => result.status === 'FAIL')) {
        starterProblems.push(
          `${starterDir} passes every check of its own lab (${judged.map((result) => result.ruleId).join(', ')}): the starter is already solved; undo the TODO steps.`,
        );
      }
    }
    record(`${starterDir} synthesizes and fails at least one of its lab's checks`, starterProblems);

    const solutionDir = labFolder(lab.id, 'solution');
    const solution = load(lab, 'solution');
    record(
      `${solutionDir} passes every check of its lab`,
      solution.problem ? [solution.problem] : mustPass(check(lab, solution.loaded!), solutionDir, registry),
    );

    if (index > 0) {
      const previous = catalog.labs[index - 1];
      record(
        `${starterDir} passes every check of the previous lab ${previous.id}`,
        starter.problem
          ? [`${starterDir} does not synthesize (see above)`]
          : mustPass(check(previous, starter.loaded!), `${starterDir} (checks of ${previous.id})`, registry),
      );
    }
  }
  return steps;
}

/** Problems with a lab's TODO marks: none at all, steps without a hint, hints without their step mark. */
export function todoProblems(root: string, lab: Lab): string[] {
  const problems: string[] = [];
  const marks = new Map<number, string[]>();
  let count = 0;
  const scan = (kind: 'starter' | 'solution', dir = labDir(lab.id, kind, root)): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) scan(kind, full);
        continue;
      }
      if (!SCANNED.test(entry.name)) continue;
      const relative = path
        .relative(labDir(lab.id, kind, root), full)
        .split(path.sep)
        .join('/');
      const lines = fs.readFileSync(full, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const match of line.matchAll(TODO_MARK)) {
          if (match[1] !== lab.id) continue;
          if (kind === 'solution') {
            problems.push(`${labFolder(lab.id, 'solution')}/${relative}:${i + 1} still has a TODO(${lab.id}) mark: a solution has none.`);
            continue;
          }
          count += 1;
          if (match[2]) marks.set(Number(match[2]), [...new Set([...(marks.get(Number(match[2])) ?? []), relative])]);
        }
      });
    }
  };
  const starter = labFolder(lab.id, 'starter');
  if (!fs.existsSync(labDir(lab.id, 'starter', root))) return [`${starter} is missing.`];
  scan('starter');
  if (fs.existsSync(labDir(lab.id, 'solution', root))) scan('solution');
  if (count === 0) problems.push(`${starter} has no TODO(${lab.id}) marks: mark each step the learner completes.`);
  for (const hint of lab.hints) {
    const files = marks.get(hint.step);
    if (!files) {
      problems.push(`${starter} has no "TODO(${lab.id}) step ${hint.step}" mark for catalog hint ${hint.step}: add it in ${hint.file}.`);
    } else if (!files.includes(hint.file)) {
      problems.push(
        `${starter}: "TODO(${lab.id}) step ${hint.step}" is in ${files.join(', ')} but catalog hint ${hint.step} names ${hint.file}: move the mark or fix the hint's file.`,
      );
    }
  }
  for (const step of [...marks.keys()].sort((a, b) => a - b)) {
    if (!lab.hints.some((hint) => hint.step === step)) {
      problems.push(
        `${starter}/${marks.get(step)![0]}: "TODO(${lab.id}) step ${step}" has no catalog hint ${step}: add the hint to labs/catalog.json or renumber the mark.`,
      );
    }
  }
  return problems;
}

/**
 * Every defined check must PASS; SKIP is allowed only for optional rules and for rules that judge
 * live deployments only (dev-check reads templates). Missing rules are named, never ignored.
 */
function mustPass(report: CheckReport, where: string, registry: ReadonlyMap<string, Rule>): string[] {
  const problems = errorsOf(report, where, registry);
  const skipAllowed = (rule: Rule): boolean => rule.optional === true || !rule.modes.includes('template');
  const notPassing = report.results.filter((result) => {
    const rule = registry.get(result.ruleId);
    return rule !== undefined && (result.status === 'FAIL' || (result.status === 'SKIP' && !skipAllowed(rule)));
  });
  for (const result of notPassing) problems.push(`${where}: ${result.ruleId} is ${result.status}: ${result.message.en}`);
  const undefinedIds = report.results.filter((result) => !registry.has(result.ruleId)).map((result) => result.ruleId);
  if (undefinedIds.length > 0)
    problems.push(`${where}: ${undefinedIds.length} check(s) not verified because their rules are missing: ${undefinedIds.join(', ')}.`);
  return problems;
}

/** Rules that could not evaluate a committed tree: a defect in the rule or the tree. */
function errorsOf(report: CheckReport, where: string, registry: ReadonlyMap<string, Rule>): string[] {
  return report.results
    .filter((result: RuleResult) => result.status === 'ERROR' && registry.has(result.ruleId))
    .map((result) => `${where}: ${result.ruleId} is ERROR: ${result.message.en}`);
}
