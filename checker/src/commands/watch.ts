import path from 'node:path';
import { Command } from 'commander';
import { catalog, repoRoot, type Lab, type Lang } from '@workshop/catalog';
import pc from 'picocolors';
import { inputError, ExitCode, type ExitCodeValue } from '../errors';
import { learnerAppDir } from '../learner/app';
import { rememberCheck } from '../learner/record';
import { WatchSession, type WatchState } from '../learner/watch-session';
import { watchTree } from '../learner/watch-tree';
import { pretty } from '../reporters/pretty';
import { verdict } from '../reporters/util';
import { assertCdkApp } from '../sources/app/synth';
import { inferLab } from './check';
import { resolveLang, requireLab, type GlobalOptions, type Io } from './shared';

/** Options of `checker watch`, as commander parses them. */
export interface WatchOptions {
  readonly app?: string;
  readonly debounce?: string;
  readonly color?: boolean;
}

/** Milliseconds of quiet after a save before the check runs: editors write a file in several events. */
export const DEFAULT_DEBOUNCE_MS = 50;

/** The `watch` subcommand's definition: the site's CLI reference is generated from it. */
export function watchCommand(): Command {
  return new Command('watch')
    .summary('re-check a lab on every save')
    .description(
      "Checks a lab's CDK app, then again on every save in its folder: it re-synthesizes in this process, shows the verdict, the TODO step you are on and its hint. A synth error is shown as file:line and the last verdict stays. Ctrl+C stops it.",
    )
    .argument('[lab]', 'lab id from labs/catalog.json (inferred from the folder when omitted)')
    .option('--app <dir>', 'CDK app folder to watch (default: the lab folder you are in, or labs/<lab>)')
    .option('--debounce <ms>', `quiet time after a save before checking (default: ${DEFAULT_DEBOUNCE_MS})`)
    .option('--no-color', 'plain output without ANSI colours (also NO_COLOR=1)');
}

/**
 * Runs `checker watch` until `stop` aborts (the CLI aborts it on Ctrl+C), then returns 0. Without
 * `stop` it listens for SIGINT and SIGTERM itself.
 */
export async function runWatch(
  labArg: string | undefined,
  options: WatchOptions,
  global: GlobalOptions,
  io: Io,
  stop: AbortSignal = interruptSignal(),
): Promise<ExitCodeValue> {
  const lang = resolveLang(global.lang, io.env);
  const debounceMs = parseDebounce(options.debounce);
  const lab = labArg !== undefined ? requireLab(labArg) : inferLab(options.app !== undefined ? path.resolve(io.cwd, options.app) : io.cwd);
  const appDir = learnerAppDir(lab, io.cwd, options.app);
  assertCdkApp(appDir);
  const color = options.color !== false && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const session = new WatchSession(lab, appDir, lang, (report) => rememberCheck(report, appDir, io.env));
  const show = (state: WatchState, savedAt?: number): void => {
    io.stdout.write(render(state, { lab, appDir, lang, color, clear: io.stdout.isTTY === true, savedAt }));
  };
  show(session.start());

  const pending = new Set<string>();
  let firstSaveAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const changed = [...pending];
    const savedAt = firstSaveAt;
    pending.clear();
    firstSaveAt = undefined;
    const state = session.update(changed);
    if (state) show(state, savedAt);
  };
  const watcher = watchTree(appDir, (relative) => {
    pending.add(relative);
    firstSaveAt ??= Date.now();
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  await new Promise<void>((resolve) => {
    if (stop.aborted) resolve();
    else stop.addEventListener('abort', () => resolve(), { once: true });
  });
  watcher.close();
  if (timer) clearTimeout(timer);
  io.stdout.write(lang === 'ko' ? '\n지켜보기를 멈췄습니다.\n' : '\nStopped watching.\n');
  return ExitCode.Pass;
}

/** An AbortSignal that aborts on the first Ctrl+C (SIGINT) or SIGTERM; the handlers go away with it. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const abort = (): void => {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
    controller.abort();
  };
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  return controller.signal;
}

function parseDebounce(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DEBOUNCE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 10_000) {
    throw inputError(
      `--debounce must be a whole number of milliseconds from 0 to 10000, not "${value}".`,
      `--debounce는 0에서 10000 사이의 밀리초(정수)여야 합니다("${value}"은 안 됩니다).`,
    );
  }
  return ms;
}

interface RenderOptions {
  readonly lab: Lab;
  readonly appDir: string;
  readonly lang: Lang;
  readonly color: boolean;
  /** Clear the terminal first (a TTY); in a pipe each run is appended. */
  readonly clear: boolean;
  /** When the first save of this run happened (ms since the epoch). */
  readonly savedAt?: number;
}

const TEXT = {
  en: {
    watching: (dir: string) => `Watching ${dir} · save a file to check again · Ctrl+C stops`,
    checked: (files: string, seconds: string) => `Checked ${seconds} s after saving ${files}`,
    unchanged: (files: string) => `Saved ${files}: the template did not change, so the verdict stands`,
    synthError: 'Synth failed:',
    lastVerdict: (time: string) => `The verdict below is from the last synth that worked (${time}).`,
    noVerdict: 'No verdict yet: fix the error above and save.',
    step: (step: number, total: number, where: string) => `Step ${step} of ${total} (${where})`,
    hint: 'Hint',
    stepNote: 'Delete the TODO mark when the step is done; the next hint follows.',
    done: 'Every TODO step is done.',
    next: (id: string) => `Next lab: npx checker watch ${id}`,
    last: 'That was the last lab. See where you stand: npx checker progress',
  },
  ko: {
    watching: (dir: string) => `${dir}을(를) 지켜보는 중 · 파일을 저장하면 다시 검사 · Ctrl+C로 끝내기`,
    checked: (files: string, seconds: string) => `${files} 저장 후 ${seconds}초 만에 검사했습니다`,
    unchanged: (files: string) => `${files}을(를) 저장했지만 템플릿이 그대로여서 판정도 같습니다`,
    synthError: 'synth 실패:',
    lastVerdict: (time: string) => `아래 판정은 마지막으로 성공한 synth(${time})의 결과입니다.`,
    noVerdict: '아직 판정이 없습니다. 위의 오류를 고치고 저장하세요.',
    step: (step: number, total: number, where: string) => `${total}단계 중 ${step}단계 (${where})`,
    hint: '힌트',
    stepNote: '단계를 마치면 TODO 표시를 지우세요. 다음 힌트가 이어집니다.',
    done: 'TODO 단계를 모두 마쳤습니다.',
    next: (id: string) => `다음 실습: npx checker watch ${id}`,
    last: '마지막 실습이었습니다. 진행 상황 보기: npx checker progress',
  },
} as const;

/** One screen of the watch: the last verdict, what this save did, the step and hint, and the footer. */
export function render(state: WatchState, options: RenderOptions): string {
  const text = TEXT[options.lang];
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  if (state.outcome === 'synth-error') {
    lines.push(`${c.red(c.bold(text.synthError))} ${state.error}`);
    lines.push(state.report && state.reportAt ? c.dim(text.lastVerdict(clock(state.reportAt))) : text.noVerdict, '');
  }
  if (state.report) lines.push(pretty(state.report, { color: options.color, lang: options.lang }).trimEnd(), '');
  if (state.step) {
    const { hint, mark, total } = state.step;
    lines.push(c.bold(text.step(hint.step, total, `${mark.file}:${mark.line}`)));
    lines.push(`  ${c.cyan(`${text.hint}:`)} ${hint[options.lang]}`);
    lines.push(c.dim(`  ${text.stepNote}`), '');
  } else if (state.report && verdict(state.report) === 'pass') {
    const index = catalog.labs.findIndex((lab) => lab.id === options.lab.id);
    const next = catalog.labs[index + 1];
    lines.push(c.green(text.done), next ? text.next(next.id) : text.last, '');
  }
  const files = state.changed.join(', ');
  if (state.outcome === 'checked' && files) {
    const seconds = ((Date.now() - (options.savedAt ?? Date.now() - state.ms)) / 1000).toFixed(2);
    lines.push(c.dim(text.checked(files, seconds)));
  } else if (state.outcome === 'template-unchanged') lines.push(c.dim(text.unchanged(files)));
  lines.push(c.dim(text.watching(shownDir(options.appDir))));
  return `${options.clear ? '\x1b[2J\x1b[3J\x1b[H' : '\n'}${lines.join('\n')}\n`;
}

function shownDir(dir: string): string {
  const relative = path.relative(repoRoot, dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}

function clock(date: Date): string {
  return date.toTimeString().slice(0, 8);
}
