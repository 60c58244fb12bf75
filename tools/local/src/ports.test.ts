import net from 'node:net';
import { choosePort, freePort, isPortFree } from './ports';

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
}

describe('ports', () => {
  test('keeps a free port and replaces a taken one', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    expect(await choosePort(port)).toEqual({ port, moved: false });
    const server = await listen(port);
    try {
      expect(await isPortFree(port)).toBe(false);
      const chosen = await choosePort(port);
      expect(chosen.moved).toBe(true);
      expect(chosen.port).not.toBe(port);
      expect(await isPortFree(chosen.port)).toBe(true);
    } finally {
      server.close();
    }
  });
});
