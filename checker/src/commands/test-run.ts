import { main } from '../cli';
import type { Io } from './shared';

/** Runs the checker's CLI in this process with its output captured (no TTY, English unless `env` says otherwise). */
export async function runMain(
  argv: string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env: { LANG: 'en_US.UTF-8', ...env },
  };
  return { code: await main(argv, io), stdout, stderr };
}
