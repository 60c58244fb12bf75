import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTable, median, runBench, writeResults } from './harness';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('runBench', () => {
  it('runs each case the given number of times and compares it with its group baseline', async () => {
    let slowCalls = 0;
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const results = await runBench(
      [
        {
          group: 'g',
          name: 'slow',
          baseline: true,
          run: async () => {
            slowCalls++;
            await wait(40);
          },
        },
        {
          group: 'g',
          name: 'fast',
          run: async () => {
            await wait(10);
            return { calls: 3 };
          },
        },
      ],
      3,
      () => undefined,
    );
    expect(slowCalls).toBe(3);
    expect(results[0].speedupVsBaseline).toBeNull();
    expect(results[1].speedupVsBaseline).toBeGreaterThan(1.5);
    expect(results[1].extra).toEqual({ calls: 3 });
    expect(formatTable(results)).toMatch(/fast .*x +calls=3/);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const written = JSON.parse(fs.readFileSync(writeResults(results, dir), 'utf8'));
    expect(written.results.map((r: { name: string }) => r.name)).toEqual(['slow', 'fast']);
  });
});

describe('beforeEach', () => {
  it('runs before every timed run and is not counted in its time', async () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const order: string[] = [];
    const [result] = await runBench(
      [
        {
          group: 'g',
          name: 'update',
          beforeEach: async () => {
            order.push('prepare');
            await wait(60);
          },
          run: () => void order.push('run'),
        },
      ],
      2,
      () => undefined,
    );
    expect(order).toEqual(['prepare', 'run', 'prepare', 'run']);
    expect(result.maxMs).toBeLessThan(50);
  });
});
