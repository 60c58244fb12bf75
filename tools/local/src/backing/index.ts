import fs from 'node:fs';
import path from 'node:path';
import { createTestCertificates } from './certificates';
import { startRedis, type RedisServer } from './redis';
import { startReplicatedPair, type ReplicatedPair } from './replication';

export { backingUnavailable, findProgram, INSTALL_HINT, missingPrograms, skipReasonForTests, type BackingText } from './tools';

/**
 * The longest startBackingServices can take, for a test's beforeAll timeout: a first MariaDB initialization
 * (60 s at most), the servers' starts (20 s), the replication link (15 s) and its first catch-up (10 s).
 */
export const BACKING_START_TIMEOUT_MS = 120_000;

/** How to reach one database server. */
export interface DatabaseEndpoint {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/** Real backing services for the APP tier on 127.0.0.1: redis-server and a MariaDB writer with a replica. */
export interface BackingServices {
  /** redis-server: plain `port`, and `tlsPort` with `caFile` (the CA that signed its certificate) when started with TLS. */
  readonly redis: { readonly host: string; readonly port: number; readonly tlsPort?: number; readonly caFile?: string };
  /** The writer (the RDS primary's role). */
  readonly writer: DatabaseEndpoint;
  /** The reader, an asynchronous replica of the writer (the read replica's role). */
  readonly reader: DatabaseEndpoint;
  /** Controls the replica: pause() holds its changes back (replica lag), resume() and caughtUp() end it. */
  readonly replication: Pick<ReplicatedPair, 'pause' | 'resume' | 'caughtUp'>;
  /** Runs SQL on the writer or the reader with the mariadb client; returns tab-separated rows. */
  sql(on: 'writer' | 'reader', statements: string): Promise<string>;
  /** The private folder under .workshop/backing/ holding the data, logs and certificates. */
  readonly dir: string;
  /** Stops every server (process groups, bounded time) and removes the folder. */
  stop(): Promise<void>;
}

/** What to start. */
export interface BackingOptions {
  /** Also open a TLS port on redis-server with a throwaway CA (needs openssl). @default false */
  readonly tls?: boolean;
  /** The parent folder of the private folder (it also keeps MariaDB's pristine data directory). @default WORKSHOP_DIR or .workshop/ at the repository root, plus backing/ */
  readonly parentDir?: string;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The folder the backing services' private folders go in: $WORKSHOP_DIR/backing or .workshop/backing. */
export function backingRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.WORKSHOP_DIR ? path.resolve(env.WORKSHOP_DIR) : path.join(REPO_ROOT, '.workshop'), 'backing');
}

/** True when a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes folders left by runs whose servers are all gone (a test runner killed before its afterAll). */
function removeAbandoned(root: string): void {
  for (const name of fs.existsSync(root) ? fs.readdirSync(root).filter((entry) => entry.startsWith('run-')) : []) {
    const dir = path.join(root, name);
    const pidsFile = path.join(dir, 'pids');
    const pids = fs.existsSync(pidsFile) ? fs.readFileSync(pidsFile, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [];
    const owner = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (![owner, ...pids].some((pid) => pid > 0 && alive(pid))) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts redis-server and two MariaDB servers (a writer and its replica) on free ports of 127.0.0.1 as the
 * current user, each in its own process group with its data in a private folder, and waits until all answer.
 */
export async function startBackingServices(options: BackingOptions = {}): Promise<BackingServices> {
  const root = options.parentDir ?? backingRoot();
  fs.mkdirSync(root, { recursive: true });
  removeAbandoned(root);
  const dir = fs.mkdtempSync(path.join(root, `run-${process.pid}-`));
  const certificates = options.tls ? createTestCertificates(dir) : undefined;
  const started = await Promise.allSettled([startRedis(dir, certificates), startReplicatedPair(dir, root)]);
  const [redis, pair] = started as [PromiseSettledResult<RedisServer>, PromiseSettledResult<ReplicatedPair>];
  const processes = [
    ...(redis.status === 'fulfilled' ? [redis.value.process] : []),
    ...(pair.status === 'fulfilled' ? [pair.value.writer.process, pair.value.reader.process] : []),
  ];
  fs.writeFileSync(path.join(dir, 'pids'), processes.map((p) => p.pid).join('\n'));
  const stop = async (): Promise<void> => {
    await Promise.all(processes.map((p) => p.stop(5_000)));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (redis.status === 'rejected' || pair.status === 'rejected') {
    await stop();
    throw redis.status === 'rejected' ? redis.reason : (pair as PromiseRejectedResult).reason;
  }
  const { writer, reader } = pair.value;
  const endpoint = (server: DatabaseEndpoint): DatabaseEndpoint => ({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
  });
  return {
    redis: { host: redis.value.host, port: redis.value.port, tlsPort: redis.value.tlsPort, caFile: certificates?.caFile },
    writer: endpoint(writer),
    reader: endpoint(reader),
    replication: { pause: pair.value.pause, resume: pair.value.resume, caughtUp: pair.value.caughtUp },
    sql: (on, statements) => (on === 'writer' ? writer : reader).sql(statements),
    dir,
    stop,
  };
}
