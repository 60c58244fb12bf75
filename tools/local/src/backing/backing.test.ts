import fs from 'node:fs';
import path from 'node:path';
import tls from 'node:tls';
import { pingRedis } from './redis';
import { BACKING_START_TIMEOUT_MS, backingUnavailable, skipReasonForTests, startBackingServices, type BackingServices } from './index';

describe('backing services: what a machine without them is told', () => {
  it('names every missing program and how to install them, in English and Korean', () => {
    const reason = backingUnavailable({ PATH: '' }, []);
    expect(reason?.en).toBe(
      'redis-server, mariadbd, mariadb-install-db, mariadb, openssl not found: install them with "sudo apt-get install -y redis-server mariadb-server openssl" (macOS: "brew install redis mariadb"; bash .ci/run does it in CI).',
    );
    expect(reason?.ko).toContain('sudo apt-get install -y redis-server mariadb-server openssl');
    expect(reason?.en).not.toContain('\n');
  });

  it('makes a test suite fail with CI=true instead of skipping', () => {
    expect(() => skipReasonForTests('the cache suite', { PATH: '', CI: 'true' }, [])).toThrow(
      /^redis-server, .* not found: .* CI=true, so the cache suite fails instead of skipping\.$/,
    );
  });
});

const skip = skipReasonForTests('backing services (redis-server, MariaDB writer and replica)');
const describeIf = skip ? describe.skip : describe;

describeIf(`backing services: started for real${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let services: BackingServices;
  const started = Date.now();
  let startMs = 0;

  beforeAll(async () => {
    services = await startBackingServices({ tls: true });
    startMs = Date.now() - started;
  }, BACKING_START_TIMEOUT_MS);

  afterAll(() => services?.stop());

  it('start in a few seconds in a private folder under .workshop/backing', () => {
    expect(startMs).toBeLessThan(15_000);
    expect(services.dir).toMatch(/\.workshop[/\\]backing[/\\]run-\d+-/);
    expect(fs.existsSync(services.dir)).toBe(true);
    // The pristine MariaDB data directory is kept next to the runs and copied for each server.
    expect(fs.readdirSync(path.dirname(services.dir)).filter((name) => name.startsWith('template-'))).toHaveLength(1);
  });

  it('serve redis on 127.0.0.1, in plain TCP and over TLS with a certificate the CA signed for the address', async () => {
    expect(await pingRedis(services.redis.host, services.redis.port)).toBe(true);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect(
        { host: services.redis.host, port: services.redis.tlsPort!, ca: fs.readFileSync(services.redis.caFile!) },
        () => socket.write('PING\r\n'),
      );
      socket.once('data', (chunk) => {
        resolve(chunk.toString());
        socket.end();
      });
      socket.once('error', reject);
    });
    expect(answer).toBe('+PONG\r\n');
  });

  it('replicate the writer to the reader, and pausing the replica holds writes back until it resumes', async () => {
    await services.sql('writer', 'CREATE DATABASE lag; CREATE TABLE lag.t (id INT PRIMARY KEY, v INT); INSERT INTO lag.t VALUES (1, 1)');
    await services.replication.caughtUp();
    expect((await services.sql('reader', 'SELECT v FROM lag.t')).trim()).toBe('1');
    await services.replication.pause();
    await services.sql('writer', 'UPDATE lag.t SET v = 2');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await services.sql('reader', 'SELECT v FROM lag.t')).trim()).toBe('1');
    await services.replication.resume();
    await services.replication.caughtUp();
    expect((await services.sql('reader', 'SELECT v FROM lag.t')).trim()).toBe('2');
  });

  it('use one account for both servers, reachable over TCP as on RDS', async () => {
    expect(services.reader.user).toBe(services.writer.user);
    expect(services.reader.password).toBe(services.writer.password);
    expect(services.reader.port).not.toBe(services.writer.port);
    expect((await services.sql('reader', 'SELECT CURRENT_USER()')).trim()).toBe(`${services.writer.user}@127.0.0.1`);
  });

  it('stop every server and remove the folder within a few seconds', async () => {
    const pids = fs.readFileSync(`${services.dir}/pids`, 'utf8').split('\n').map(Number);
    expect(pids).toHaveLength(3);
    const stopping = Date.now();
    await services.stop();
    expect(Date.now() - stopping).toBeLessThan(10_000);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    expect(fs.existsSync(services.dir)).toBe(false);
  });
});
