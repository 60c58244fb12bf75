import { createProgress, type ProgressStream } from './progress';

function stream(isTTY: boolean): ProgressStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (chunk: string) => chunks.push(chunk) };
}

describe('createProgress', () => {
  afterEach(() => jest.useRealTimers());

  it('writes nothing when disabled', () => {
    const out = stream(true);
    const progress = createProgress(out, false);
    progress.start('Synthesizing', 3);
    progress.update('Loading subnets', 1);
    progress.stop();
    expect(out.chunks).toEqual([]);
  });

  it('writes plain lines, each step once, when the stream is not a terminal', () => {
    const out = stream(false);
    const progress = createProgress(out, true);
    progress.start('Loading stack ShopVpcMigration', 3);
    progress.update('ec2: subnets', 1);
    progress.update('ec2: subnets', 1);
    progress.update('rds: instances', 2);
    progress.stop();
    expect(out.chunks.join('')).toBe('Loading stack ShopVpcMigration\n[1/3] ec2: subnets\n[2/3] rds: instances\n');
    expect(out.chunks.join('')).not.toContain('\x1b');
  });

  it('leaves the step count out when no total was given', () => {
    const out = stream(false);
    const progress = createProgress(out, true);
    progress.start('Synthesizing labs/vpc-migration');
    progress.update('Checking rules', 4);
    expect(out.chunks).toEqual(['Synthesizing labs/vpc-migration\n', 'Checking rules\n']);
  });

  it('animates one spinner line on a terminal and clears it on stop', () => {
    jest.useFakeTimers();
    const out = stream(true);
    const progress = createProgress(out, true);
    progress.start('Loading', 12);
    progress.update('ec2: route tables', 3);
    expect(out.chunks.at(-1)).toBe('\r\x1b[2K⠙ [3/12] ec2: route tables');
    jest.advanceTimersByTime(80);
    expect(out.chunks.at(-1)).toBe('\r\x1b[2K⠹ [3/12] ec2: route tables');
    expect(jest.getTimerCount()).toBe(1);
    progress.stop();
    progress.stop();
    expect(out.chunks.at(-1)).toBe('\r\x1b[2K');
    expect(out.chunks.filter((c) => c === '\r\x1b[2K')).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
    expect(out.chunks.join('')).not.toContain('\n');
  });
});
