import type http from 'node:http';
import { connectCache, withoutCache } from './cache';
import type { ServiceConfig } from './config';
import type { DatabaseCredentials } from './credentials';
import { ensureSchema, openProductStore } from './database';
import { createHttpServer } from './http';
import { ServiceError, type Text } from './messages';
import { ProductService } from './products';

/** A started service. */
export interface RunningService {
  /** The port it listens on. */
  readonly port: number;
  readonly products: ProductService;
  /** Graceful shutdown: stops accepting, lets requests in flight finish (at most `graceMs`), then closes the pools and the cache. */
  stop(graceMs?: number): Promise<void>;
}

/** A failure to reach a dependency at start: what failed, and what to check. */
interface StartFailure {
  readonly what: Text;
  readonly check: Text;
}

/** Runs `work`; a failure becomes one line: what failed, why, and what to check. */
async function explained<T>(failure: StartFailure, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const why = String((error as Error)?.message ?? error).split('\n')[0];
    throw new ServiceError({
      en: `${failure.what.en} (${why}): ${failure.check.en}.`,
      ko: `${failure.what.ko}(${why}). ${failure.check.ko}.`,
    });
  }
}

/**
 * Creates the schema on the writer, connects to the cache (waiting at most `cacheMs`) and listens on config.port.
 * Without a writer (a read Region) the service is read-only: no schema is created and PUT answers 503; without a
 * cache every read goes to the read replica.
 */
export async function startService(config: ServiceConfig, credentials: DatabaseCredentials, cacheMs = 15_000): Promise<RunningService> {
  if (config.writer) {
    const { host, port } = config.writer;
    await explained(
      {
        what: {
          en: `Could not prepare the database on the writer ${host}:${port}`,
          ko: `writer ${host}:${port}에서 데이터베이스를 준비하지 못했습니다`,
        },
        check: {
          en: 'check DB_WRITER_HOST, DB_PORT, the credentials, and that the database security group admits the APP tier',
          ko: 'DB_WRITER_HOST, DB_PORT, 자격 증명, 데이터베이스 보안 그룹이 APP 계층을 허용하는지 확인하세요',
        },
      },
      () => ensureSchema(config, credentials),
    );
  }
  const cacheAddress = config.cache;
  const cache = cacheAddress
    ? await explained(
        {
          what: {
            en: `Could not connect to the cache ${cacheAddress.host}:${cacheAddress.port}`,
            ko: `캐시 ${cacheAddress.host}:${cacheAddress.port}에 연결하지 못했습니다`,
          },
          check: {
            en: `check CACHE_HOST, CACHE_PORT, CACHE_TLS (now ${cacheAddress.tls}; true when in-transit encryption is on), and that the cache security group admits the APP tier`,
            ko: `CACHE_HOST, CACHE_PORT, CACHE_TLS(지금 ${cacheAddress.tls}, 전송 중 암호화를 켰다면 true), 캐시 보안 그룹이 APP 계층을 허용하는지 확인하세요`,
          },
        },
        () => connectCache(cacheAddress, cacheMs),
      )
    : withoutCache();
  const store = openProductStore(config, credentials);
  const products = new ProductService(store, cache, config.ttlSeconds);
  const server = createHttpServer(products);
  // The ALB keeps connections open for up to 60 s; a longer keep-alive here avoids races where both close at once.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  return {
    port: config.port,
    products,
    async stop(graceMs = 10_000) {
      await closeServer(server, graceMs);
      await Promise.allSettled([store.close(), cache.close()]);
    },
  };
}

async function closeServer(server: http.Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}
