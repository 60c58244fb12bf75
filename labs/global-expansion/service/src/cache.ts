import { isIP } from 'node:net';
import { createClient, type RedisClientOptions } from 'redis';
import type { CacheAddress } from './config';

/** The cache as the product service uses it: values are strings, keys expire. */
export interface Cache {
  /** The values of `keys` in one round trip, null where a key is absent. */
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  /** Stores `value` under `key` for `ttlSeconds`. */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** In one transaction: deletes `deleted` and stores `marker` = "1" for `markerSeconds`. */
  deleteAndMark(deleted: string, marker: string, markerSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/** The node-redis options for the configured cache: TLS when CACHE_TLS=true (ElastiCache with in-transit encryption). */
export function cacheClientOptions(cache: CacheAddress): RedisClientOptions {
  const common = {
    host: cache.host,
    port: cache.port,
    connectTimeout: 5_000,
    // Back off up to 2 s between attempts while the cache fails over to its replica, instead of giving up.
    reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000),
  };
  if (!cache.tls) return { socket: { ...common, tls: false } };
  // The certificate is checked against the name dialled: the endpoint's DNS name on AWS, sent as SNI too
  // (SNI carries names only, so an address, as in local tests, is checked without it).
  return { socket: { ...common, tls: true, ...(isIP(cache.host) ? {} : { servername: cache.host }) } };
}

/**
 * Connects to the cache, giving up after `timeoutMs`; once connected, errors are logged once per outage while
 * node-redis reconnects.
 */
export async function connectCache(cache: CacheAddress, timeoutMs: number): Promise<Cache> {
  const client = createClient(cacheClientOptions(cache));
  let failing = false;
  client.on('error', (error: Error) => {
    if (!failing) console.error(JSON.stringify({ level: 'error', message: `cache: ${error.message}` }));
    failing = true;
  });
  client.on('ready', () => {
    failing = false;
  });
  const connecting = client.connect();
  // Settled either way: after a timeout the attempt is abandoned, and its rejection is expected.
  connecting.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connecting,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return {
    getMany: (keys) => client.mGet([...keys]),
    async set(key, value, ttlSeconds) {
      await client.set(key, value, { expiration: { type: 'EX', value: ttlSeconds } });
    },
    async deleteAndMark(deleted, marker, markerSeconds) {
      await client
        .multi()
        .set(marker, '1', { expiration: { type: 'EX', value: markerSeconds } })
        .del(deleted)
        .exec();
    },
    close: () => client.close(),
  };
}

/**
 * No cache (a read Region without one): every read misses and goes to the read replica, nothing is stored, and
 * there is nothing to invalidate.
 */
export function withoutCache(): Cache {
  return {
    getMany: async (keys) => keys.map(() => null),
    set: async () => undefined,
    deleteAndMark: async () => undefined,
    close: async () => undefined,
  };
}
