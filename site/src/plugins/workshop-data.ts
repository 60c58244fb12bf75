import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { repoRoot } from '@workshop/catalog';
import type { CliHelp, RuleMeta, WorkshopData } from '../data/types';

/** Where the checker exports its rules (`export const rules = [...]`), relative to the repository root. */
export const RULES_MODULE = path.join('checker', 'src', 'rules', 'index.ts');

/** The checker's executable, asked for its own `--help` to document its commands. */
export const CHECKER_BIN = path.join('checker', 'bin', 'checker.js');

const RULE_DUMP = `
const out = process.argv[process.argv.length - 1];
const mod = require(process.argv[process.argv.length - 2]);
if (!Array.isArray(mod.rules)) throw new Error('it must export "rules" as an array');
const pick = (r) => ({ id: r.id, area: r.area, title: r.title, severity: r.severity, points: r.points, why: r.why, fix: r.fix, modes: r.modes, services: r.services, optional: r.optional, guide: r.guide });
require('node:fs').writeFileSync(out, JSON.stringify(mod.rules.map(pick)));
`;

/** Reads the rule metadata from the checker in a child process (rules may import aws-cdk-lib); [] when no rules exist yet. */
export function loadRules(root: string = repoRoot): RuleMeta[] {
  const module = path.join(root, RULES_MODULE);
  if (!fs.existsSync(module)) return [];
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'site-rules-')), 'rules.json');
  try {
    execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', RULE_DUMP, module, out], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    const reason = stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr.split('\n')[0];
    throw new Error(`cannot read rule metadata from ${RULES_MODULE}: ${reason}. Fix the checker so that module loads.`);
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as RuleMeta[];
}

function runHelp(root: string, args: string[]): string {
  return execFileSync(process.execPath, [path.join(root, CHECKER_BIN), ...args, '--help'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '100', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    stdio: 'pipe',
  })
    .toString()
    .trimEnd();
}

/** The checker's own help text, top level and per subcommand; null while the checker has no executable. */
export function loadCliHelp(root: string = repoRoot): CliHelp | null {
  if (!fs.existsSync(path.join(root, CHECKER_BIN))) return null;
  let main: string;
  try {
    main = runHelp(root, []);
  } catch (error) {
    throw new Error(`"node ${CHECKER_BIN} --help" failed: ${String((error as { stderr?: Buffer }).stderr ?? error).split('\n')[0]}`);
  }
  const commandsBlock = main.split(/\nCommands:\n/)[1] ?? '';
  const names = [...commandsBlock.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]).filter((name) => name !== 'help');
  return { main, commands: names.map((name) => ({ name, help: runHelp(root, [name]) })) };
}

let cached: WorkshopData | undefined;

/** Everything the components read at build time, loaded once per process (both locales share it). */
export function loadWorkshopData(): WorkshopData {
  cached ??= { rules: loadRules(), cli: loadCliHelp() };
  return cached;
}

/** Docusaurus plugin: writes rules.json and cli.json under .docusaurus/workshop-data/default/ (the catalog comes from its core module). */
export default function workshopData(_context: LoadContext): Plugin<WorkshopData> {
  return {
    name: 'workshop-data',
    loadContent: async () => loadWorkshopData(),
    async contentLoaded({ content, actions }) {
      await actions.createData('rules.json', JSON.stringify(content.rules));
      await actions.createData('cli.json', JSON.stringify(content.cli));
    },
    getPathsToWatch: () => [path.join(repoRoot, 'labs', 'catalog.json'), path.join(repoRoot, 'checker', 'src', 'rules', '**', '*.ts')],
  };
}
