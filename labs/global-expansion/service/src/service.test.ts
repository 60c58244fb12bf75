import http from 'node:http';
import { createClient } from 'redis';
import { BACKING_START_TIMEOUT_MS, skipReasonForTests, startBackingServices, type BackingServices } from '@workshop/local/src/backing';
import { freePort } from '@workshop/local/src/ports';
import { startService, type RunningService } from './app';
import { loadConfig, type ServiceConfig } from './config';
import { databaseCredentials, type DatabaseCredentials } from './credentials';
import { ensureSchema } from './database';
import { ServiceError } from './messages';
import { jitteredTtl, productKey, READ_YOUR_WRITES_SECONDS, writtenKey } from './products';

// Real servers and child processes on a busy CI machine: every wait in here is bounded (server starts 20 s,
// replica catch-up 10 s, graceful stops 5 s), so each test gets room for them instead of jest's 5 s default.
jest.setTimeout(30_000);

// Real redis-server and two real MariaDB servers, the second an asynchronous replica of the first, started on
// 127.0.0.1 by the workshop's backing script (npm run backing). Nothing here is a mock.
const skip = skipReasonForTests('the event-ready service against redis-server and MariaDB');
const describeIf = skip ? describe.skip : describe;
const TTL_SECONDS = 30;

/** The service's environment for the backing services, as the APP servers' user data would write it. */
function serviceEnv(backing: BackingServices, port: number): NodeJS.ProcessEnv {
  return {
    PORT: String(port),
    DB_WRITER_HOST: backing.writer.host,
    DB_PORT: String(backing.writer.port),
    DB_READER_HOST: backing.reader.host,
    DB_READER_PORT: String(backing.reader.port),
    DB_NAME: 'shop',
    DB_USER: backing.writer.user,
    DB_PASSWORD: backing.writer.password,
    CACHE_HOST: backing.redis.host,
    CACHE_PORT: String(backing.redis.port),
    CACHE_TTL_SECONDS: String(TTL_SECONDS),
  };
}

describe('the TTL', () => {
  it('is the configured one shortened by up to 10% at random, never below 1 s', () => {
    expect(jitteredTtl(60, () => 0)).toBe(60);
    expect(jitteredTtl(60, () => 0.999)).toBe(55);
    expect(jitteredTtl(1, () => 0.999)).toBe(1);
    const spread = new Set(Array.from({ length: 200 }, () => jitteredTtl(600)));
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(541);
    expect(Math.max(...spread)).toBeLessThanOrEqual(600);
    expect(spread.size).toBeGreaterThan(20);
  });
});

describeIf(`the service against redis-server and a MariaDB writer with its replica${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let backing: BackingServices;
  let service: RunningService;
  let redis: ReturnType<typeof createClient>;
  let base: string;
  let config: ServiceConfig;
  let credentials: DatabaseCredentials;

  const get = (path: string) => fetch(`${base}${path}`);
  const put = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const stats = async () => (await (await get('/stats')).json()) as Record<string, number>;
  /** One column of one row, read directly on the writer or the replica. */
  const column = async (on: 'writer' | 'reader', column: string, id: number) =>
    (await backing.sql(on, `SELECT ${column} FROM shop.products WHERE id = ${id}`)).trim();

  beforeAll(async () => {
    backing = await startBackingServices();
    config = loadConfig(serviceEnv(backing, await freePort()));
    credentials = await databaseCredentials(config);
    service = await startService(config, credentials);
    base = `http://127.0.0.1:${service.port}`;
    // The schema and seed went to the writer; the replica receives them through replication.
    await backing.replication.caughtUp();
    redis = createClient({ socket: { host: backing.redis.host, port: backing.redis.port } });
    await redis.connect();
  }, BACKING_START_TIMEOUT_MS);

  afterAll(async () => {
    await redis?.close();
    await service?.stop(1_000);
    await backing?.stop();
  });

  it('answers the ALB health check', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('created the schema and the seed on the writer, and the replica has them', async () => {
    expect(await column('writer', 'name', 1)).toBe('이벤트 한정 러닝화');
    expect(await column('reader', 'name', 1)).toBe('이벤트 한정 러닝화');
  });

  it('answers 404 for a product that does not exist, and 400 or 405 for requests it cannot serve', async () => {
    const missing = await get('/products/999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'product 999 does not exist' });
    expect((await get('/products/abc')).status).toBe(400);
    expect((await put('/products/1', { name: '', priceKrw: 1, stock: 1 })).status).toBe(400);
    expect((await put('/products/1', { name: 'x', priceKrw: -1, stock: 1 })).status).toBe(400);
    expect((await fetch(`${base}/products/1`, { method: 'DELETE' })).status).toBe(405);
    expect((await get('/nothing')).status).toBe(404);
  });

  it('writes a PUT to the writer', async () => {
    const response = await put('/products/4', { name: '한정판 티셔츠', priceKrw: 25_000, stock: 10 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 4, name: '한정판 티셔츠', priceKrw: 25_000, stock: 10 });
    expect(await column('writer', 'stock', 4)).toBe('10');
  });

  it('refuses to start with wrong database credentials, in one line naming the writer and what to check', async () => {
    const failure = startService({ ...config, port: await freePort() }, { user: credentials.user, password: 'wrong' });
    await expect(failure).rejects.toThrow(ServiceError);
    await expect(failure).rejects.toThrow(
      new RegExp(
        `^Could not prepare the database on the writer 127\\.0\\.0\\.1:${backing.writer.port} \\(Access denied[^\\n]*\\): check DB_WRITER_HOST, DB_PORT, the credentials`,
      ),
    );
  });

  it('refuses to start when the cache does not speak what CACHE_TLS says: TLS against a plain port', async () => {
    const failure = startService({ ...config, port: await freePort(), cache: { ...config.cache!, tls: true } }, credentials, 1_000);
    await expect(failure).rejects.toThrow(
      `Could not connect to the cache 127.0.0.1:${backing.redis.port} (no answer within 1 s): check CACHE_HOST, CACHE_PORT, CACHE_TLS (now true; true when in-transit encryption is on), and that the cache security group admits the APP tier.`,
    );
  });

  it('prepares the schema again without touching the data, as every APP server does at its start', async () => {
    await backing.sql('writer', 'UPDATE shop.products SET stock = 499 WHERE id = 1');
    const count = await backing.sql('writer', 'SELECT COUNT(*) FROM shop.products');
    await ensureSchema(config, credentials);
    expect(await backing.sql('writer', 'SELECT COUNT(*) FROM shop.products')).toBe(count);
    expect(await column('writer', 'stock', 1)).toBe('499');
    expect(await column('writer', 'name', 4)).toBe('한정판 티셔츠');
  });

  it('counts hits, misses, invalidations and database reads in GET /stats', async () => {
    expect(Object.keys(await stats()).sort()).toEqual(['coalesced', 'hits', 'invalidations', 'misses', 'replicaReads', 'writerReads']);
  });

  // The cache-aside read and the invalidation on write: what the lab's service steps build.
  describe('cache-aside', () => {
    it('misses first: reads the read replica, answers X-Cache: MISS and fills the cache with the (jittered) TTL', async () => {
      // The replica is held back and the writer changed behind the service's back: only a replica read returns the old price.
      await backing.replication.pause();
      await backing.sql('writer', 'UPDATE shop.products SET price_krw = 99000 WHERE id = 1');
      const before = await stats();
      const response = await get('/products/1');
      await backing.replication.resume();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('MISS');
      expect(response.headers.get('x-read-from')).toBe('replica');
      expect(await response.json()).toMatchObject({ id: 1, name: '이벤트 한정 러닝화', priceKrw: 89_000 });
      const after = await stats();
      expect(after.misses - before.misses).toBe(1);
      expect(after.replicaReads - before.replicaReads).toBe(1);
      expect(JSON.parse((await redis.get(productKey(1)))!)).toMatchObject({ id: 1, priceKrw: 89_000 });
      const ttl = await redis.ttl(productKey(1));
      expect(ttl).toBeGreaterThanOrEqual(Math.floor(TTL_SECONDS * 0.9) - 1);
      expect(ttl).toBeLessThanOrEqual(TTL_SECONDS);
    });

    it('hits next: answers from the cache without reading any database, even when the database has changed since', async () => {
      await backing.replication.caughtUp();
      expect(await column('reader', 'price_krw', 1)).toBe('99000');
      const before = await stats();
      const response = await get('/products/1');
      expect(response.headers.get('x-cache')).toBe('HIT');
      expect(response.headers.get('x-read-from')).toBe('cache');
      // The cached copy stays until its TTL ends or a write through the service deletes it.
      expect(await response.json()).toMatchObject({ id: 1, priceKrw: 89_000 });
      const after = await stats();
      expect(after.hits - before.hits).toBe(1);
      expect(after.replicaReads + after.writerReads).toBe(before.replicaReads + before.writerReads);
    });

    it('invalidates on write: a PUT writes the writer, then deletes the cached copy', async () => {
      await get('/products/2');
      expect(await redis.exists(productKey(2))).toBe(1);
      const before = await stats();
      const response = await put('/products/2', { name: '무선 이어폰 (이벤트가)', priceKrw: 99_000, stock: 250 });
      expect(response.status).toBe(200);
      expect(await column('writer', 'price_krw', 2)).toBe('99000');
      expect(await redis.exists(productKey(2))).toBe(0);
      expect((await stats()).invalidations - before.invalidations).toBe(1);
      await backing.replication.caughtUp();
      const next = await get('/products/2');
      expect(next.headers.get('x-cache')).toBe('MISS');
      expect(await next.json()).toMatchObject({ name: '무선 이어폰 (이벤트가)', priceKrw: 99_000 });
    });

    it('reads your writes: right after a PUT, a miss reads the writer, because the replica may still hold the old row', async () => {
      await backing.replication.pause();
      try {
        await put('/products/3', { name: '캠핑 의자', priceKrw: 39_000, stock: 700 });
        // The replica lags: it still has the old price.
        expect(await column('reader', 'price_krw', 3)).toBe('45000');
        const response = await get('/products/3');
        expect(response.headers.get('x-cache')).toBe('MISS');
        expect(response.headers.get('x-read-from')).toBe('writer');
        expect(await response.json()).toMatchObject({ priceKrw: 39_000 });
        const ttl = await redis.ttl(writtenKey(3));
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(READ_YOUR_WRITES_SECONDS);
        expect(JSON.parse((await redis.get(productKey(3)))!)).toMatchObject({ priceKrw: 39_000 });

        // Why: once the marker is gone, a miss reads the lagging replica, and the cache keeps its old row for a TTL.
        await redis.del([productKey(3), writtenKey(3)]);
        const stale = await get('/products/3');
        expect(stale.headers.get('x-read-from')).toBe('replica');
        expect(await stale.json()).toMatchObject({ priceKrw: 45_000 });
      } finally {
        await backing.replication.resume();
        await backing.replication.caughtUp();
        await redis.del(productKey(3));
      }
    });

    it('protects the replica from a stampede: 50 simultaneous misses of one key make one database read', async () => {
      await redis.del(productKey(1));
      const executed = async () => Number((await backing.sql('reader', "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'")).split('\t')[1]);
      const [before, executedBefore] = [await stats(), await executed()];
      const responses = await Promise.all(Array.from({ length: 50 }, () => get('/products/1')));
      const bodies = await Promise.all(responses.map((response) => response.json()));
      expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
      const after = await stats();
      expect(after.replicaReads - before.replicaReads).toBe(1);
      expect(after.coalesced - before.coalesced).toBeGreaterThan(0);
      expect(after.hits - before.hits + after.misses - before.misses).toBe(50);
      // Counted by the replica itself: one statement executed for the 50 requests.
      expect((await executed()) - executedBefore).toBe(1);
    });
  });

  it('stops gracefully: a request in flight finishes, then the port closes', async () => {
    // A PUT whose body is still arriving when the stop begins: the server is in the middle of it.
    const request = http.request({ host: '127.0.0.1', port: service.port, path: '/products/5', method: 'PUT', agent: false });
    const answered = new Promise<number | undefined>((resolve, reject) => {
      request.once('response', (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.once('error', reject);
    });
    request.setHeader('Content-Type', 'application/json');
    request.write('{"name": "우산", ');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = service.stop(5_000);
    request.end('"priceKrw": 15000, "stock": 40}');
    expect(await answered).toBe(200);
    await stopped;
    expect(await column('writer', 'name', 5)).toBe('우산');
    await expect(get('/health')).rejects.toThrow();
  });
});
