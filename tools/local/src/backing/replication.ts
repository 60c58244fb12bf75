import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startMariaDb, type MariaDbServer } from './mariadb';

/** A writer and a reader that replicates from it asynchronously, as an RDS primary and its read replica. */
export interface ReplicatedPair {
  readonly writer: MariaDbServer;
  readonly reader: MariaDbServer;
  /** Stops applying the writer's changes on the reader (they still arrive): replica lag that lasts until resume(). */
  pause(): Promise<void>;
  /** Applies changes again; the reader catches up on its own. */
  resume(): Promise<void>;
  /** Waits until the reader has applied everything the writer has written so far. */
  caughtUp(timeoutSeconds?: number): Promise<void>;
}

/**
 * Starts two MariaDB servers in `dir` and makes the second a replica of the first (GTID, row-based,
 * asynchronous); `cacheDir` keeps the pristine data directory they are copied from.
 */
export async function startReplicatedPair(dir: string, cacheDir: string): Promise<ReplicatedPair> {
  const writerDir = path.join(dir, 'writer');
  const readerDir = path.join(dir, 'reader');
  fs.mkdirSync(writerDir);
  fs.mkdirSync(readerDir);
  // One account and password on both, as a read replica has its primary's users.
  const password = crypto.randomBytes(12).toString('hex');
  const [writer, reader] = await Promise.allSettled([
    startMariaDb(writerDir, { serverId: 1, binaryLog: true, password, cacheDir }),
    startMariaDb(readerDir, { serverId: 2, binaryLog: false, password, cacheDir }),
  ]);
  if (writer.status === 'rejected' || reader.status === 'rejected') {
    await Promise.all([writer, reader].map((started) => (started.status === 'fulfilled' ? started.value.process.stop(2_000) : undefined)));
    throw writer.status === 'rejected' ? writer.reason : (reader as PromiseRejectedResult).reason;
  }
  const pair = pairOf(writer.value, reader.value);
  try {
    await reader.value.sql(
      `CHANGE MASTER TO MASTER_HOST='${writer.value.host}', MASTER_PORT=${writer.value.port}, MASTER_USER='${writer.value.user}', ` +
        `MASTER_PASSWORD='${writer.value.password}', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE;`,
    );
    // A first write proves the link works before anyone relies on it.
    await writer.value.sql('CREATE DATABASE IF NOT EXISTS workshop_replication_check');
    await pair.caughtUp();
  } catch (error) {
    await Promise.all([writer.value.process.stop(2_000), reader.value.process.stop(2_000)]);
    throw error;
  }
  return pair;
}

function pairOf(writer: MariaDbServer, reader: MariaDbServer): ReplicatedPair {
  return {
    writer,
    reader,
    pause: async () => void (await reader.sql('STOP SLAVE SQL_THREAD')),
    resume: async () => void (await reader.sql('START SLAVE SQL_THREAD')),
    async caughtUp(timeoutSeconds = 10) {
      const position = (await writer.sql('SELECT @@gtid_binlog_pos')).trim();
      if (!position) return;
      const waited = (await reader.sql(`SELECT MASTER_GTID_WAIT('${position}', ${timeoutSeconds})`)).trim();
      if (waited !== '0') {
        const status = await reader.sql('SHOW SLAVE STATUS\\G').catch(() => '');
        const error = /Last_(?:IO|SQL)_Error: (\S.*)/.exec(status)?.[1] ?? 'no error reported';
        throw new Error(`the replica did not reach ${position} within ${timeoutSeconds} s (${error})`);
      }
    },
  };
}
