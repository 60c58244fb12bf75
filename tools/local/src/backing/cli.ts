/**
 * npm run backing: starts redis-server and a MariaDB writer with its replica on 127.0.0.1, prints the
 * environment that points the event-ready APP service at them, and stops them on Ctrl+C.
 */
import { runMain } from '../cli/run';
import { LocalError, say } from '../messages';
import { backingUnavailable, startBackingServices, type BackingServices } from './index';

/** The service's environment for these backing services, one `export NAME=value` line each (DB_NAME is created by the service). */
export function serviceEnvironment(services: BackingServices, port = 8080): string[] {
  const env: Record<string, string | number> = {
    PORT: port,
    DB_WRITER_HOST: services.writer.host,
    DB_PORT: services.writer.port,
    DB_READER_HOST: services.reader.host,
    DB_READER_PORT: services.reader.port,
    DB_NAME: 'shop',
    DB_USER: services.writer.user,
    DB_PASSWORD: services.writer.password,
    CACHE_HOST: services.redis.host,
    CACHE_PORT: services.redis.port,
    CACHE_TLS: 'false',
  };
  return Object.entries(env).map(([name, value]) => `export ${name}=${value}`);
}

runMain(async () => {
  const missing = backingUnavailable();
  if (missing) throw new LocalError(missing, 3);
  const services = await startBackingServices();
  say({
    en: `redis-server and MariaDB (writer and replica) are running from ${services.dir}. Paste these lines into a shell, then run the service (npx tsx service/src/main.ts in solutions/event-ready); Ctrl+C here stops them.`,
    ko: `redis-server와 MariaDB(writer와 replica)가 ${services.dir}에서 실행 중입니다. 아래 줄을 셸에 붙여 넣고 서비스를 실행하세요(solutions/event-ready에서 npx tsx service/src/main.ts). 여기서 Ctrl+C를 누르면 멈춥니다.`,
  });
  console.log(serviceEnvironment(services).join('\n'));
  await new Promise<void>((resolve) => {
    // Ctrl+C, a stop request, or the terminal closing: the servers never outlive this command.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, resolve);
  });
  await services.stop();
  say({ en: 'Stopped redis-server and MariaDB and removed their data.', ko: 'redis-server와 MariaDB를 멈추고 데이터를 지웠습니다.' });
});
