/**
 * The APP tier's product service: `node server.js` with its configuration in the environment (on AWS,
 * /etc/shop-api.env written by the user data from SSM). Stops gracefully on SIGTERM (systemd, instance refresh).
 */
import { startService } from './app';
import { loadConfig } from './config';
import { databaseCredentials } from './credentials';
import { messageLang, ServiceError } from './messages';

const log = (message: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level: 'info', message, ...extra }));

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const credentials = await databaseCredentials(config);
  const service = await startService(config, credentials);
  log('listening', {
    port: service.port,
    writer: config.writer?.host ?? 'none (read-only)',
    reader: config.reader.host,
    cache: config.cache?.host ?? 'none',
    cacheTls: config.cache?.tls ?? false,
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('stopping', { signal });
    service.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ServiceError) console.error(messageLang() === 'ko' ? error.text.ko : error.text.en);
  else console.error(`Unexpected error: ${(error as Error)?.message ?? error}`);
  process.exit(error instanceof ServiceError ? 2 : 1);
});
