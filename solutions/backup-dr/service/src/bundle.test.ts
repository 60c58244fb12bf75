import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { BACKING_START_TIMEOUT_MS, skipReasonForTests, startBackingServices, type BackingServices } from '@workshop/local/src/backing';
import { freePort } from '@workshop/local/src/ports';

// Real servers and child processes on a busy CI machine: every wait in here is bounded (server starts 20 s,
// replica catch-up 10 s, graceful stops 5 s), so each test gets room for them instead of jest's 5 s default.
jest.setTimeout(30_000);

// The APP servers run one file: esbuild bundles main.ts and every dependency for Node 22 (as lib/api-service.ts does).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'event-ready-bundle-'));
const outfile = path.join(work, 'server.js');
const built = buildSync({
  entryPoints: [path.join(__dirname, 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  metafile: true,
  logLevel: 'silent',
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

// node-redis loads these only when a feature that needs them is used (client-side cache digests, OpenTelemetry), inside try/catch.
const OPTIONAL = new Set(['@node-rs/xxhash', '@opentelemetry/api']);

describe('the bundle', () => {
  it('is one CommonJS file that needs nothing outside Node itself', () => {
    expect(built.errors).toEqual([]);
    expect(built.warnings).toEqual([]);
    expect(fs.readdirSync(work)).toEqual(['server.js']);
    const imports = Object.values(built.metafile.outputs)[0]
      .imports.filter((entry) => entry.external)
      .map((entry) => entry.path);
    expect([...new Set(imports.filter((name) => !isBuiltin(name) && !OPTIONAL.has(name)))]).toEqual([]);
  });

  it('refuses to start without its configuration: one line naming what is missing, exit code 2', () => {
    const result = spawnSync(process.execPath, [outfile], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'PORT, DB_READER_HOST, DB_PORT, DB_NAME, DB_SECRET_ARN (or DB_USER and DB_PASSWORD) are not set: set them in the environment (on AWS the user data writes them to /etc/shop-api.env from the SSM parameters under /shop/<stack name>/; locally npm run backing prints them).',
    ]);
  });

  it('says it in Korean when the language is Korean', () => {
    const result = spawnSync(process.execPath, [outfile], {
      env: { PATH: process.env.PATH, LANG: 'ko_KR.UTF-8' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.stderr.trim()).toMatch(/^PORT, .* 환경 변수가 없습니다\. 환경에 설정하세요\(.+\)\.$/);
  });
});

const skip = skipReasonForTests('the bundled service against redis-server over TLS and MariaDB');
const describeIf = skip ? describe.skip : describe;

describeIf(`the bundle as the APP servers run it${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let backing: BackingServices;

  beforeAll(async () => {
    backing = await startBackingServices({ tls: true });
  }, BACKING_START_TIMEOUT_MS);

  afterAll(() => backing?.stop());

  it('talks TLS to the cache when CACHE_TLS=true, serves a product, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [outfile], {
      env: {
        PATH: process.env.PATH,
        // The throwaway CA that signed redis-server's certificate; on AWS the system's CAs trust ElastiCache's.
        NODE_EXTRA_CA_CERTS: backing.redis.caFile,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        PORT: String(port),
        DB_WRITER_HOST: backing.writer.host,
        DB_PORT: String(backing.writer.port),
        DB_READER_HOST: backing.reader.host,
        DB_READER_PORT: String(backing.reader.port),
        DB_NAME: 'shop',
        DB_USER: backing.writer.user,
        DB_PASSWORD: backing.writer.password,
        CACHE_HOST: backing.redis.host,
        CACHE_PORT: String(backing.redis.tlsPort),
        CACHE_TLS: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', (chunk) => (stdout += chunk));
    server.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15_000;
      while (!stdout.includes('"listening"')) {
        if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the bundle did not start: ${stderr || stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(JSON.parse(stdout.split('\n')[0])).toEqual({
        level: 'info',
        message: 'listening',
        port,
        writer: '127.0.0.1',
        reader: '127.0.0.1',
        cache: '127.0.0.1',
        cacheTls: true,
      });
      await backing.replication.caughtUp();
      // Started means the TLS handshake with redis-server's TLS port succeeded and its certificate was verified.
      const first = await fetch(`http://127.0.0.1:${port}/products/2`);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(await first.json()).toMatchObject({ id: 2, name: '무선 이어폰' });
      const stopping = Date.now();
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(5_000);
      expect(stderr).toBe('');
    } finally {
      server.kill('SIGKILL');
    }
    // A 15 s start deadline, a 10 s replica catch-up and a 5 s stop, each bounded.
  }, 45_000);
});
