import net from 'node:net';

/** The port the local endpoint uses unless it is taken (LocalStack's well-known port). */
export const DEFAULT_PORT = 4566;

/** True when nothing listens on 127.0.0.1:`port` and we may bind it. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the operating system reports free on 127.0.0.1. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `wanted` when it is free, otherwise another free port; `moved` says whether it had to pick another. */
export async function choosePort(wanted: number): Promise<{ port: number; moved: boolean }> {
  if (await isPortFree(wanted)) return { port: wanted, moved: false };
  return { port: await freePort(), moved: true };
}
