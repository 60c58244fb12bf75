import { BACKING_START_TIMEOUT_MS, skipReasonForTests, startBackingServices, type BackingServices } from '@workshop/local/src/backing';
import { freePort } from '@workshop/local/src/ports';
import { startService, type RunningService } from './app';
import { loadConfig } from './config';
import { ensureSchema, WRITES_GO_TO_THE_PRIMARY } from './database';

// Real servers and child processes on a busy CI machine: every wait in here is bounded (server starts 20 s,
// replica catch-up 10 s, graceful stops 5 s), so each test gets room for them instead of jest's 5 s default.
jest.setTimeout(30_000);

// A read Region: the service knows only the replica (no DB_WRITER_HOST), with or without a cache. The backing
// script's real MariaDB writer plays the primary Region's database, its real replica the cross-Region replica.
const skip = skipReasonForTests('the read-only service against a MariaDB replica');
const describeIf = skip ? describe.skip : describe;

describeIf(`the read-only service (a read Region) against a MariaDB replica${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let backing: BackingServices;
  const services: RunningService[] = [];

  /** Starts the service as a read Region's user data configures it: the replica only, and the cache when given. */
  async function startReadOnly(cache: boolean): Promise<{ service: RunningService; base: string }> {
    const config = loadConfig({
      PORT: String(await freePort()),
      DB_READER_HOST: backing.reader.host,
      DB_PORT: String(backing.reader.port),
      DB_NAME: 'shop',
      DB_USER: backing.reader.user,
      DB_PASSWORD: backing.reader.password,
      ...(cache ? { CACHE_HOST: backing.redis.host, CACHE_PORT: String(backing.redis.port) } : {}),
    });
    const service = await startService(config, { user: backing.reader.user, password: backing.reader.password });
    services.push(service);
    return { service, base: `http://127.0.0.1:${service.port}` };
  }
  const put = (base: string) =>
    fetch(`${base}/products/1`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '러닝화', priceKrw: 1, stock: 1 }),
    });
  const stats = async (base: string) => (await (await fetch(`${base}/stats`)).json()) as Record<string, number>;

  beforeAll(async () => {
    backing = await startBackingServices();
  }, BACKING_START_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.allSettled(services.map((service) => service.stop(1_000)));
    await backing?.stop();
  });

  it('starts without creating the schema: that is the primary Region writer job', async () => {
    const { base } = await startReadOnly(false);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect(await backing.sql('writer', "SHOW DATABASES LIKE 'shop'")).toBe('');
    expect(await backing.sql('reader', "SHOW DATABASES LIKE 'shop'")).toBe('');
    const readOnly = loadConfig({ PORT: '1', DB_READER_HOST: 'r', DB_PORT: '3306', DB_NAME: 'shop', DB_USER: 'u', DB_PASSWORD: '' });
    await expect(ensureSchema(readOnly, { user: 'u', password: '' })).rejects.toThrow(/needs the writer \(DB_WRITER_HOST\)/);
  });

  describe('once the primary has created the schema and the replica has it', () => {
    beforeAll(async () => {
      const primary = loadConfig({
        PORT: '1',
        DB_WRITER_HOST: backing.writer.host,
        DB_READER_HOST: backing.reader.host,
        DB_PORT: String(backing.writer.port),
        DB_NAME: 'shop',
        DB_USER: backing.writer.user,
        DB_PASSWORD: backing.writer.password,
      });
      await ensureSchema(primary, { user: backing.writer.user, password: backing.writer.password });
      await backing.replication.caughtUp();
    });

    it('without a cache, reads every product from the replica, even one the writer has changed since', async () => {
      const { base } = await startReadOnly(false);
      await backing.replication.pause();
      try {
        await backing.sql('writer', 'UPDATE shop.products SET price_krw = 79000 WHERE id = 1');
        for (let read = 0; read < 2; read += 1) {
          const response = await fetch(`${base}/products/1`);
          expect(response.status).toBe(200);
          expect(response.headers.get('x-cache')).toBe('MISS');
          expect(response.headers.get('x-read-from')).toBe('replica');
          expect(await response.json()).toMatchObject({ id: 1, priceKrw: 89_000 });
        }
      } finally {
        await backing.replication.resume();
        await backing.replication.caughtUp();
      }
      expect(await (await fetch(`${base}/products/1`)).json()).toMatchObject({ id: 1, priceKrw: 79_000 });
      expect(await stats(base)).toMatchObject({ hits: 0, misses: 3, replicaReads: 3, writerReads: 0, invalidations: 0 });
    });

    it('answers a PUT with 503 and where writes go, and writes nothing', async () => {
      const { base } = await startReadOnly(false);
      const response = await put(base);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: WRITES_GO_TO_THE_PRIMARY });
      expect(WRITES_GO_TO_THE_PRIMARY).not.toContain('\n');
      expect((await backing.sql('writer', 'SELECT name FROM shop.products WHERE id = 1')).trim()).toBe('이벤트 한정 러닝화');
    });

    // The hit that follows a miss is the cache-aside read itself, tested in service.test.ts: the same ProductService.
    it('with a cache, connects to it, reads the replica on a miss and still refuses writes', async () => {
      const { base } = await startReadOnly(true);
      const miss = await fetch(`${base}/products/2`);
      expect(miss.status).toBe(200);
      expect(miss.headers.get('x-cache')).toBe('MISS');
      expect(miss.headers.get('x-read-from')).toBe('replica');
      expect(await miss.json()).toMatchObject({ id: 2, name: '무선 이어폰' });
      expect((await put(base)).status).toBe(503);
      expect(await stats(base)).toMatchObject({ misses: 1, replicaReads: 1, writerReads: 0, invalidations: 0 });
    });
  });
});
