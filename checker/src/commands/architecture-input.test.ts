import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../cli';
import { handWrittenShop } from '../rules/fixtures/hand-written-shop';
import type { Io } from './shared';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-architecture-input-'));
fs.writeFileSync(path.join(dir, 'shop.json'), JSON.stringify(handWrittenShop()));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd: dir,
    env: { ...process.env, LANG: 'en_US.UTF-8', WORKSHOP_DIR: path.join(dir, '.workshop') },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('check, diagram and price read their input the same way', () => {
  it('check --reporter markdown ends with the drawing compared with the committed target; json stays the verdicts', async () => {
    const markdown = await run(['check', 'vpc-migration', '--template', 'shop.json', '--reporter', 'markdown']);
    expect(markdown.stdout).toMatch(/### Your architecture\n\n```mermaid\nflowchart LR\n/);
    expect(markdown.stdout).toContain("Nothing the lab's target has is missing.");
    const json = await run(['check', 'vpc-migration', '--template', 'shop.json', '--reporter', 'json']);
    expect(Object.keys(JSON.parse(json.stdout))).not.toContain('architecture');
  });

  it.each([
    [
      ['diagram', 'vpc-migration', '--template', 'shop.json', '--endpoint', 'http://127.0.0.1:4566'],
      '--endpoint applies to live checks only: add --live.',
    ],
    [
      ['price', 'vpc-migration', '--template', 'shop.json', '--app', '.'],
      'Choose one input: --app and --template cannot be used together.',
    ],
    [
      ['check', 'vpc-migration', '--template', 'shop.json', '--app', '.'],
      'Choose one input: --app and --template cannot be used together.',
    ],
  ])('%j is refused in one line, as check refuses it', async (argv, message) => {
    const result = await run(argv);
    expect([result.code, result.stderr.trim()]).toEqual([2, message]);
  });

  it('diagram draws a template without synthesizing the solution when told not to compare', async () => {
    const result = await run(['diagram', 'vpc-migration', '--template', 'shop.json', '--no-compare']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^flowchart LR\n/);
    expect(result.stderr).toBe('');
  });
});
