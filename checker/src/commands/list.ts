import { Command } from 'commander';
import { catalog } from '@workshop/catalog';
import { rules } from '../rules';
import { resolveLang, type GlobalOptions, type Io } from './shared';

/** The `list` subcommand's definition. */
export function listCommand(): Command {
  return new Command('list')
    .summary('list the labs and their rules')
    .description('Lists the labs in workshop order with the rules each one checks (from labs/catalog.json and the rule registry).')
    .option('--json', 'machine-readable output: labs with their rule ids and titles');
}

/** Runs `checker list`. */
export function runList(options: { json?: boolean }, global: GlobalOptions, io: Io): 0 {
  const lang = resolveLang(global.lang, io.env);
  const registry = new Map(rules.map((rule) => [rule.id, rule]));
  if (options.json) {
    const labs = catalog.labs.map((lab) => ({
      id: lab.id,
      title: lab.title[lang],
      stackName: lab.stackName,
      rules: lab.checks.map((id) => ({ id, title: registry.get(id)?.title[lang] ?? null, points: registry.get(id)?.points ?? null })),
    }));
    io.stdout.write(`${JSON.stringify({ labs }, null, 2)}\n`);
    return 0;
  }
  const missing = lang === 'ko' ? '(아직 checker에 없는 규칙)' : '(not defined in this checker yet)';
  const lines: string[] = [];
  catalog.labs.forEach((lab, i) => {
    lines.push(`${i + 1}. ${lab.id}  ${lab.title[lang]}  [${lab.stackName}]`);
    for (const id of lab.checks) {
      const rule = registry.get(id);
      lines.push(`     ${id.padEnd(40)} ${rule ? `${rule.title[lang]} (${rule.points})` : missing}`);
    }
    lines.push('');
  });
  lines.push(lang === 'ko' ? '규칙 설명: npx checker explain <규칙-id>' : 'Explain a rule: npx checker explain <rule-id>');
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
