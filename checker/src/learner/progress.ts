import { spawnSync } from 'node:child_process';
import { catalog, labDir, repoRoot, type Lab, type Lang } from '@workshop/catalog';
// The state module alone: the package's index loads the AWS SDK, which `check` and `progress` never use.
import { lastDeployment, type DeploymentRecord } from '@workshop/local/src/state';
import { CheckerError } from '../errors';
import { verdict } from '../reporters/util';
import { checkTemplate, synthLearnerApp } from './app';
import { isAppSource, sourceHash } from './files';
import { readProgress, recordOf, writeRecord, type CheckRecord } from './record';
import { currentStep, type CurrentStep } from './steps';

/** Where a learner stands in one lab, from the least to the most done. */
export type LabState = 'not-started' | 'started' | 'passing' | 'passed-live';

/** One lab's progress. */
export interface LabProgress {
  readonly lab: Lab;
  readonly state: LabState;
  /** The template check of the starter as it is now (started labs only). */
  readonly template?: Pick<CheckRecord, 'verdict' | 'points' | 'maxPoints'>;
  /** Why the starter does not synthesize, one line, when it does not. */
  readonly synthError?: string;
  /** The last live check of the lab's stack. */
  readonly live?: CheckRecord;
  /** Where `npm run deploy` last put the lab's stack. */
  readonly deployment?: DeploymentRecord;
  /** The first TODO step still marked in the starter. */
  readonly step?: CurrentStep;
}

/** Where to read the learner's work, records and deployments. */
export interface ProgressOptions {
  readonly lang: Lang;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The workshop's root, holding labs/<lab-id>. @default the repository root */
  readonly root?: string;
  readonly labs?: readonly Lab[];
}

/**
 * Every lab's state for this learner. A lab is started when its starter differs from the
 * workshop's version in git (or it has been checked); a started lab is checked now unless the
 * record of its last template check has the same sources; passed live comes from the last live check.
 */
export function labProgress(options: ProgressOptions): LabProgress[] {
  const root = options.root ?? repoRoot;
  const labs = options.labs ?? catalog.labs;
  const records = readProgress(options.env);
  const changed = changedLabs(root);
  return labs.map((lab): LabProgress => {
    const dir = labDir(lab.id, 'starter', root);
    const record = records[lab.id] ?? {};
    const deployment = lastDeployment(lab.id, lab.stackName, options.env as NodeJS.ProcessEnv);
    const live = record.live;
    const liveCheckedAfterDeploy = live && (!deployment || live.at >= deployment.deployedAt);
    // A live pass counts when the stack checked was the learner's own: not a deployed solution.
    const passedLive = live?.verdict === 'pass' && liveCheckedAfterDeploy && deployment?.app !== 'solution';
    const started = changed?.has(lab.id) ?? (record.template !== undefined || record.live !== undefined);
    if (!started && !passedLive) return { lab, state: 'not-started', live, deployment, step: currentStep(lab, dir) };
    const step = currentStep(lab, dir);
    const judged = judgeStarter(lab, dir, record.template, options);
    const state: LabState = passedLive ? 'passed-live' : judged.template?.verdict === 'pass' ? 'passing' : 'started';
    return { lab, state, ...judged, live, deployment, step };
  });
}

/** The template verdict of the starter as it is now: from the record when its sources are unchanged, else checked here. */
function judgeStarter(
  lab: Lab,
  dir: string,
  recorded: CheckRecord | undefined,
  options: ProgressOptions,
): Pick<LabProgress, 'template' | 'synthError'> {
  const hash = sourceHash(dir);
  if (recorded?.sourceHash === hash) return { template: recorded };
  try {
    const report = checkTemplate(lab, synthLearnerApp(lab, dir), dir, options.lang);
    const record = recordOf(report, hash);
    writeRecord(lab.id, 'template', record, options.env);
    return { template: { verdict: verdict(report), points: record.points, maxPoints: record.maxPoints } };
  } catch (error) {
    if (error instanceof CheckerError) return { synthError: error.in(options.lang) };
    throw error;
  }
}

/**
 * Labs whose starter sources differ from the workshop's version: against the branch's upstream when
 * it has one (so the learner's own commits count), else HEAD, plus untracked files. Undefined outside git.
 */
export function changedLabs(root: string): Set<string> | undefined {
  const git = (...args: string[]): string | undefined => {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    return result.status === 0 ? result.stdout : undefined;
  };
  if (git('rev-parse', '--is-inside-work-tree')?.trim() !== 'true') return undefined;
  const base = git('rev-parse', '--verify', '--quiet', '@{upstream}')?.trim() || 'HEAD';
  const tracked = git('diff', '--name-only', '--relative', base, '--', 'labs');
  const untracked = git('ls-files', '--others', '--exclude-standard', '--', 'labs');
  if (tracked === undefined || untracked === undefined) return undefined;
  const ids = new Set<string>();
  for (const file of `${tracked}\n${untracked}`.split('\n')) {
    const match = /^labs\/([^/]+)\/(.+)$/.exec(file.trim());
    if (match && isAppSource(match[2])) ids.add(match[1]);
  }
  return ids;
}
