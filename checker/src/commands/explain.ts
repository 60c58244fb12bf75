import { Command } from 'commander';
import { catalog, nearestId } from '@workshop/catalog';
import { inputError } from '../errors';
import { guideUrl } from '../engine/run';
import { rules } from '../rules';
import type { Rule } from '../rules/types';
import { GUIDE_BASE_URL_ENV } from './check';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** The `explain` subcommand's definition. */
export function explainCommand(): Command {
  return new Command('explain')
    .summary('explain a rule')
    .description(
      'Shows everything about one rule: what it requires, why, how to fix a failure, the guide section and the labs that check it.',
    )
    .argument('<rule-id>', 'rule id, as shown in a report or by `checker list`')
    .option('--json', 'the rule metadata as JSON');
}

/** Runs `checker explain <rule-id>`. */
export function runExplain(ruleId: string, options: { json?: boolean }, global: GlobalOptions, io: Io): 0 {
  const lang = resolveLang(global.lang, io.env);
  const rule = requireRule(ruleId);
  const labs = catalog.labs.filter((lab) => lab.checks.includes(rule.id)).map((lab) => lab.id);
  const url = guideUrl(rule.guide, lang, io.env[GUIDE_BASE_URL_ENV] ?? '');
  if (options.json) {
    const { evaluate: _evaluate, ...meta } = rule;
    io.stdout.write(`${JSON.stringify({ ...meta, guideUrl: url, labs }, null, 2)}\n`);
    return 0;
  }
  const ko = lang === 'ko';
  const field = (en: string, kr: string, value: string): string => `  ${padDisplay(ko ? kr : en, 12)} ${value}`;
  const lines = [
    `${rule.id}: ${rule.title[lang]}`,
    '',
    field('Area', '영역', rule.area),
    field('Severity', '심각도', rule.severity),
    field('Points', '점수', String(rule.points)),
    field('Modes', '검사 방식', rule.modes.join(', ')),
    field('Services', '서비스', rule.services.join(', ')),
    ...(rule.optional ? [field('Optional', '선택', ko ? '예 (심화 과제: 없으면 SKIP)' : 'yes (stretch goal: SKIP when absent)')] : []),
    field('Labs', '실습', labs.join(', ') || '-'),
    field('Guide', '가이드', url),
    field('Seed', '원본 자료', `${rule.seed.seed} § ${rule.seed.section}`),
    '',
    ko ? '왜 중요한가' : 'Why it matters',
    `  ${rule.why[lang]}`,
    '',
    ko ? '고치는 방법' : 'How to fix',
    `  ${rule.fix[lang]}`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Pads to a terminal width: Hangul and other wide characters take two columns. */
export function padDisplay(text: string, width: number): string {
  const columns = [...text].reduce(
    (sum, char) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(char) ? 2 : 1),
    0,
  );
  return text + ' '.repeat(Math.max(0, width - columns));
}

/** A rule by id, or a one-line error suggesting the nearest id. */
export function requireRule(id: string): Rule {
  const rule = rules.find((candidate) => candidate.id === id);
  if (rule) return rule;
  const nearest = nearestId(
    id,
    rules.map((candidate) => candidate.id),
  );
  const hint = nearest ? ` Did you mean "${nearest}"?` : '';
  const hintKo = nearest ? ` "${nearest}"을(를) 말씀하셨나요?` : '';
  throw inputError(
    `Unknown rule "${id}".${hint} List the rules with: npx checker list`,
    `"${id}" 규칙은 없습니다.${hintKo} 규칙 목록: npx checker list`,
  );
}
