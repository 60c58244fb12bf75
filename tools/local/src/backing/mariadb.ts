import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../ports';
import { logTail, startServer, waitUntil, type ServerProcess } from './process';
import { findProgram } from './tools';

/** A running MariaDB server on 127.0.0.1 with an administrator account for tests and the service. */
export interface MariaDbServer {
  readonly host: string;
  readonly port: number;
  /** An account with every privilege, reachable over TCP from 127.0.0.1 only. */
  readonly user: string;
  readonly password: string;
  readonly process: ServerProcess;
  /** Runs SQL with the mariadb client and returns its tab-separated output without column names. */
  sql(statements: string): Promise<string>;
}

/** What to start: a server id (unique among servers that replicate), whether to keep a binary log, the account's password. */
export interface MariaDbOptions {
  readonly serverId: number;
  readonly binaryLog: boolean;
  readonly password: string;
  /** Where the pristine data directory is kept between runs. */
  readonly cacheDir: string;
}

// Small memory and log sizes: a test database holds a few rows, and two servers share a small machine.
const LEAN = [
  '--innodb-buffer-pool-size=8M',
  '--innodb-log-file-size=8M',
  '--performance-schema=OFF',
  '--key-buffer-size=1M',
  '--aria-pagecache-buffer-size=1M',
  '--max-connections=60',
];

/** True when the server on host:port sends its handshake packet (protocol version 10) within a second. */
function handshakes(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    // A packet is 3 bytes of length, 1 of sequence, then the payload; a handshake's payload starts with 10.
    socket.once('data', (chunk) => finish(chunk.length > 4 && chunk[4] === 10));
  });
}

/** mariadbd and mariadb-install-db refuse to run as root unless told to: as root, say so explicitly. */
function userOption(): string[] {
  return process.getuid?.() === 0 ? ['--user=root'] : [];
}

/**
 * A data directory fresh from mariadb-install-db, made once per MariaDB version in `cacheDir` and copied for
 * each server: a copy takes milliseconds, an initialization a second or more on a busy machine.
 */
function pristineDataDir(server: string, install: string, cacheDir: string, logFile: string): string {
  const version = /Ver\s+(\S+)/.exec(execFileSync(server, ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  const template = path.join(cacheDir, `template-${version.replace(/[^A-Za-z0-9.-]+/g, '_')}`);
  if (fs.existsSync(template)) return template;
  // Built aside and renamed into place, so a concurrent run never copies a half-made directory.
  const staging = fs.mkdtempSync(`${template}.tmp-`);
  const out = fs.openSync(logFile, 'a');
  try {
    const installArgs = ['--no-defaults', `--datadir=${staging}`, '--auth-root-authentication-method=normal', '--skip-test-db'];
    execFileSync(install, [...installArgs, ...userOption(), ...LEAN], { stdio: ['ignore', out, out], timeout: 60_000 });
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed: ${logTail(logFile)}`);
  } finally {
    fs.closeSync(out);
  }
  try {
    fs.renameSync(staging, template);
  } catch (error) {
    // Another run made it first: use theirs.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(template)) throw error;
  }
  return template;
}

/**
 * Creates a private data directory in `dir` (a copy of a pristine one), starts mariadbd on a free port of
 * 127.0.0.1 as the current user, and waits until the administrator account answers.
 */
export async function startMariaDb(dir: string, options: MariaDbOptions, timeoutMs = 20_000): Promise<MariaDbServer> {
  const server = findProgram('mariadbd');
  const install = findProgram('mariadb-install-db');
  const client = findProgram('mariadb');
  if (!server || !install || !client) throw new Error('mariadb-server is not installed');
  const host = '127.0.0.1';
  const user = 'workshop';
  const { password } = options;
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'mariadb.log');
  fs.cpSync(pristineDataDir(server, install, options.cacheDir, logFile), dataDir, { recursive: true });
  // The init file runs at every start, before connections are accepted, and is not replicated.
  const initFile = path.join(dir, 'init.sql');
  fs.writeFileSync(
    initFile,
    [
      'SET sql_log_bin = 0;',
      `CREATE USER IF NOT EXISTS '${user}'@'${host}' IDENTIFIED BY '${password}';`,
      `GRANT ALL PRIVILEGES ON *.* TO '${user}'@'${host}' WITH GRANT OPTION;`,
      '',
    ].join('\n'),
  );
  const port = await freePort();
  // A Unix socket path is limited to about 100 bytes, so it lives in the temporary directory, not in a deep checkout.
  const socket = path.join(os.tmpdir(), `workshop-mariadb-${process.pid}-${port}.sock`);
  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--bind-address=${host}`,
    `--port=${port}`,
    `--socket=${socket}`,
    `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
    `--init-file=${initFile}`,
    '--skip-name-resolve',
    `--server-id=${options.serverId}`,
    ...(options.binaryLog ? ['--log-bin=mariadb-bin', '--binlog-format=ROW'] : ['--skip-log-bin']),
    ...userOption(),
    ...LEAN,
  ];
  const processInfo = startServer(server, args, logFile);
  const sql = (statements: string): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile(
        client,
        ['--no-defaults', '-h', host, '-P', String(port), '-u', user, '--batch', '--skip-column-names', '-e', statements],
        { env: { ...process.env, MYSQL_PWD: password }, timeout: 15_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`mariadb: ${stderr.trim() || error.message}`)) : resolve(stdout)),
      );
    });
  try {
    await waitUntil(
      () => handshakes(host, port),
      processInfo,
      timeoutMs,
      (why) => {
        return new Error(`mariadbd did not start (${why}): ${logTail(logFile)}`);
      },
    );
    await sql('SELECT 1');
  } catch (error) {
    await processInfo.stop(2_000);
    throw error;
  }
  return { host, port, user, password, process: processInfo, sql };
}
