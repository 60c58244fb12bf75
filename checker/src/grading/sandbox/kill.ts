import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Kills a detached child's whole process group (its tree on Windows); a group already gone is fine. */
export function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left in the group.
  }
}

/** The session and process group of a process, from /proc/<pid>/stat (Linux). */
function sessionOf(pid: string): { pgrp: number; session: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pgrp: Number(fields[2]), session: Number(fields[3]) };
  } catch {
    return undefined;
  }
}

function carriesToken(pid: string, token: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`CHECKER_SANDBOX=${token}`);
  } catch {
    return false;
  }
}

/**
 * Kills what a submission left behind outside its process group (Linux): processes still in the
 * session it was started in, or still carrying its token in their environment. Returns their pids.
 * A process that left both the session and the token behind is out of reach at the process level
 * (the namespace level kills it with the namespace).
 */
export function killLeftovers(leader: number | undefined, token: string): number[] {
  if (leader === undefined || process.platform !== 'linux') return [];
  const killed: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const pid of entries) {
    if (Number(pid) === process.pid) continue;
    const ids = sessionOf(pid);
    if (!ids) continue;
    if (ids.session === leader || ids.pgrp === leader || carriesToken(pid, token)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
        killed.push(Number(pid));
      } catch {
        // Gone already, or not ours to signal.
      }
    }
  }
  return killed;
}
