import { Command } from 'commander';
import { guideRoute, type Lang } from '@workshop/catalog';
import pc from 'picocolors';
import { ExitCode, type ExitCodeValue } from '../errors';
import { labProgress, type LabProgress, type LabState } from '../learner/progress';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** The `progress` subcommand's definition: the site's CLI reference is generated from it. */
export function progressCommand(): Command {
  return new Command('progress')
    .summary('where you stand in every lab, and what to do next')
    .description(
      "Lists every lab with its state for you (not started, started, passing, passed live), a progress bar and the next step to take. A lab you changed is checked now unless its last check saw the same files; live results come from your last `checker check --live` of the lab's stack.",
    )
    .option('--json', 'machine-readable output: each lab with its state, score and step')
    .option('--no-color', 'plain output without ANSI colours (also NO_COLOR=1)');
}

const WIDTH = 24;

const TEXT = {
  en: {
    title: 'Your progress',
    states: { 'not-started': 'not started', started: 'started', passing: 'passing', 'passed-live': 'passed live' },
    bar: (passing: number, total: number, live: number) => `${passing}/${total} labs passing, ${live} passed live`,
    step: (step: number, total: number) => `step ${step} of ${total}`,
    synthError: 'does not synthesize',
    deployed: (where: string) => `deployed to ${where}`,
    next: 'Next',
    start: (n: number, id: string, title: string) => `start lab ${n}, ${id} (${title}): read its guide at ${guideRoute(id)}, then run`,
    continue: (n: number, id: string, step: string) => `lab ${n}, ${id}${step}: keep checking on every save with`,
    fixSynth: (n: number, id: string, error: string) => `lab ${n}, ${id}, does not synthesize: ${error}`,
    hint: 'Hint',
    deploy: (id: string) =>
      `every lab passes its checks. Deploy one and check it live: npm run deploy -- ${id}, then npx checker check ${id} --live`,
    checkLive: (id: string) => `${id} is deployed but not checked live since: npx checker check ${id} --live`,
    allDone: 'every lab passed live. Destroy what you deployed so it stops costing: npm run destroy -- <lab-id>',
  },
  ko: {
    title: '진행 상황',
    states: { 'not-started': '시작 전', started: '진행 중', passing: '통과', 'passed-live': '라이브 통과' },
    bar: (passing: number, total: number, live: number) => `실습 ${total}개 중 ${passing}개 통과, 라이브 통과 ${live}개`,
    step: (step: number, total: number) => `${total}단계 중 ${step}단계`,
    synthError: 'synth 실패',
    deployed: (where: string) => `${where}에 배포됨`,
    next: '다음 할 일',
    start: (n: number, id: string, title: string) =>
      `${n}번 실습 ${id}(${title})을(를) 시작하세요. ${guideRoute(id, { lang: 'ko' })} 가이드를 읽고 다음을 실행합니다`,
    continue: (n: number, id: string, step: string) => `${n}번 실습 ${id}${step}: 저장할 때마다 검사하려면`,
    fixSynth: (n: number, id: string, error: string) => `${n}번 실습 ${id}이(가) synth되지 않습니다: ${error}`,
    hint: '힌트',
    deploy: (id: string) =>
      `모든 실습이 검사를 통과했습니다. 하나를 배포해 라이브로 검사해 보세요: npm run deploy -- ${id} 다음 npx checker check ${id} --live`,
    checkLive: (id: string) => `${id}을(를) 배포했지만 그 뒤로 라이브 검사를 하지 않았습니다: npx checker check ${id} --live`,
    allDone: '모든 실습이 라이브로 통과했습니다. 비용이 나가지 않도록 배포한 것을 지우세요: npm run destroy -- <실습-id>',
  },
} as const;

/** Runs `checker progress`: prints every lab's state, a bar and the next step; exits 0. */
export function runProgress(options: { json?: boolean; color?: boolean }, global: GlobalOptions, io: Io): ExitCodeValue {
  const lang = resolveLang(global.lang, io.env);
  const labs = labProgress({ lang, env: io.env });
  if (options.json) {
    const json = labs.map((entry) => ({
      id: entry.lab.id,
      state: entry.state,
      score: entry.template ? { points: entry.template.points, maxPoints: entry.template.maxPoints } : null,
      step: entry.step ? { step: entry.step.hint.step, file: entry.step.mark.file, line: entry.step.mark.line } : null,
      synthError: entry.synthError ?? null,
      live: entry.live ?? null,
    }));
    io.stdout.write(`${JSON.stringify({ labs: json, next: nextStep(labs, lang) }, null, 2)}\n`);
    return ExitCode.Pass;
  }
  const color = options.color !== false && io.stdout.isTTY === true && !io.env.NO_COLOR;
  io.stdout.write(renderProgress(labs, lang, color));
  return ExitCode.Pass;
}

/** The progress screen: bar, one line per lab, the next step. */
export function renderProgress(labs: readonly LabProgress[], lang: Lang, color: boolean): string {
  const text = TEXT[lang];
  const c = pc.createColors(color);
  const passing = labs.filter((entry) => entry.state === 'passing' || entry.state === 'passed-live').length;
  const live = labs.filter((entry) => entry.state === 'passed-live').length;
  const filled = labs.length === 0 ? 0 : Math.round((passing / labs.length) * WIDTH);
  const bar = `${c.green('#'.repeat(filled))}${c.dim('-'.repeat(WIDTH - filled))}`;
  const paint: Record<LabState, (value: string) => string> = {
    'not-started': c.dim,
    started: c.yellow,
    passing: c.green,
    'passed-live': c.green,
  };
  const lines = [`${c.bold(text.title)}  [${bar}] ${text.bar(passing, labs.length, live)}`, ''];
  const idWidth = Math.max(...labs.map((entry) => entry.lab.id.length));
  const stateWidth = Math.max(...Object.values(text.states).map(displayWidth));
  labs.forEach((entry, i) => {
    const details: string[] = [];
    if (entry.template && entry.state !== 'not-started') details.push(`${entry.template.points}/${entry.template.maxPoints}`);
    if (entry.synthError) details.push(c.red(text.synthError));
    if (entry.step && entry.state === 'started') details.push(text.step(entry.step.hint.step, entry.step.total));
    if (entry.deployment)
      details.push(text.deployed(entry.deployment.flavor ?? entry.deployment.endpoint ?? `AWS ${entry.deployment.region}`));
    const state = paint[entry.state](padDisplay(text.states[entry.state], stateWidth));
    lines.push(
      `  ${i + 1}. ${entry.lab.id.padEnd(idWidth)}  ${state} ${entry.lab.title[lang]}${details.length ? c.dim(`  (${details.join(', ')})`) : ''}`,
    );
  });
  const next = nextStep(labs, lang);
  lines.push('', `${c.bold(`${text.next}:`)} ${next.text}`);
  if (next.hint) lines.push(`  ${c.cyan(`${text.hint}:`)} ${next.hint}`);
  if (next.command) lines.push(`  ${next.command}`);
  return `${lines.join('\n')}\n`;
}

/** The one thing to do next: the first lab not passing, else a live check, else cleaning up. */
export function nextStep(labs: readonly LabProgress[], lang: Lang): { text: string; hint?: string; command?: string } {
  const text = TEXT[lang];
  const index = labs.findIndex((entry) => entry.state === 'not-started' || entry.state === 'started');
  if (index >= 0) {
    const { lab, state, step, synthError } = labs[index];
    const watch = `npx checker watch ${lab.id}`;
    if (state === 'not-started') return { text: text.start(index + 1, lab.id, lab.title[lang]), command: watch };
    if (synthError) return { text: text.fixSynth(index + 1, lab.id, synthError), command: watch };
    const where = step ? `, ${text.step(step.hint.step, step.total)} (labs/${lab.id}/${step.mark.file}:${step.mark.line})` : '';
    return { text: text.continue(index + 1, lab.id, where), hint: step?.hint[lang], command: watch };
  }
  const unchecked = labs.find((entry) => entry.deployment && entry.state !== 'passed-live');
  if (unchecked) return { text: text.checkLive(unchecked.lab.id) };
  const notLive = labs.find((entry) => entry.state !== 'passed-live');
  return notLive ? { text: text.deploy(notLive.lab.id) } : { text: text.allDone };
}

/** Columns a string takes in a terminal: Hangul and other wide characters take two. */
function displayWidth(value: string): number {
  return [...value].reduce(
    (width, char) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(char) ? 2 : 1),
    0,
  );
}

function padDisplay(value: string, width: number): string {
  return value + ' '.repeat(Math.max(0, width - displayWidth(value)));
}
