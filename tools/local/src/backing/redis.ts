import net from 'node:net';
import path from 'node:path';
import { freePort } from '../ports';
import { logTail, startServer, waitUntil, type ServerProcess } from './process';
import { findProgram } from './tools';
import type { TestCertificates } from './certificates';

/** A running redis-server on 127.0.0.1. */
export interface RedisServer {
  readonly host: string;
  /** The plain TCP port. */
  readonly port: number;
  /** The TLS port when started with certificates (ElastiCache with in-transit encryption speaks only TLS). */
  readonly tlsPort?: number;
  readonly process: ServerProcess;
}

/** True when a RESP PING on host:port answers +PONG within a second. */
export function pingRedis(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let answer = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) finish(answer.startsWith('+PONG'));
    });
  });
}

/** Starts redis-server in `dir` on free ports of 127.0.0.1 with no persistence, and waits until it answers PING. */
export async function startRedis(dir: string, certificates?: TestCertificates, timeoutMs = 10_000): Promise<RedisServer> {
  const program = findProgram('redis-server');
  if (!program) throw new Error('redis-server is not installed');
  const host = '127.0.0.1';
  const port = await freePort();
  const tlsPort = certificates ? await freePort() : undefined;
  const args = ['--bind', host, '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  if (certificates && tlsPort !== undefined) {
    args.push(
      ...['--tls-port', String(tlsPort), '--tls-cert-file', certificates.certFile, '--tls-key-file', certificates.keyFile],
      ...['--tls-ca-cert-file', certificates.caFile, '--tls-auth-clients', 'no'],
    );
  }
  const server = startServer(program, args, path.join(dir, 'redis.log'));
  try {
    await waitUntil(
      () => pingRedis(host, port),
      server,
      timeoutMs,
      (why) => {
        return new Error(`redis-server did not start (${why}): ${logTail(server.logFile)}`);
      },
    );
  } catch (error) {
    await server.stop(1_000);
    throw error;
  }
  return { host, port, tlsPort, process: server };
}
