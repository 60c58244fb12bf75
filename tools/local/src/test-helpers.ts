import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '@workshop/catalog';

/** The workspace's tsx binary, which runs the command-line entry points as npm run does. */
export const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

/** Runs one of the command-line entry points the way npm run does, in English. */
export function runCli(script: 'local' | 'deploy', args: string[], env: NodeJS.ProcessEnv, timeout = 60_000) {
  const result = spawnSync(tsx, [path.join(__dirname, 'cli', `${script}.ts`), ...args], {
    cwd: repoRoot,
    env: { ...env, WORKSHOP_LANG: 'en' },
    encoding: 'utf8',
    timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.replace(/^npm warn.*\n/gm, '') };
}
