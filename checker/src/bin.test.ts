import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, labDir, repoRoot } from '@workshop/catalog';
import { ExitCode } from './errors';
import { ruleIds } from './rules/registry';

const BIN = path.join(__dirname, '..', 'bin', 'checker.js');

function checker(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/checker.js (the real process, through tsx)', () => {
  it('prints its version and help with exit code 0', () => {
    expect(checker(['--version'])).toMatchObject({
      status: 0,
      stdout: `${JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version}\n`,
    });
    expect(checker(['check', '--help']).stdout).toContain('--reporter <name[=file]>');
  });

  it('reports a TypeScript syntax error in learner code as file:line:col, one line, exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'on-prem-baseline-'));
    const app = path.join(dir, 'on-prem-baseline');
    fs.cpSync(labDir('on-prem-baseline', 'solution'), app, { recursive: true, filter: (source) => !/node_modules|cdk\.out/.test(source) });
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(app, 'node_modules'));
    const stack = path.join(app, 'lib', 'shop-stack.ts');
    const lines = fs.readFileSync(stack, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes('super(scope, id, props)'));
    lines.splice(at + 1, 0, '    const broken = ;');
    fs.writeFileSync(stack, lines.join('\n'));
    // Run inside the copied folder with no input flag: the lab id comes from the folder name.
    const result = checker(['check'], path.join(app, 'lib'));
    expect(result.status).toBe(ExitCode.Usage);
    expect(result.stderr).toBe(
      `shop-stack.ts:${at + 2}:20: Unexpected ";": fix this TypeScript syntax error, then run the checker again.\n`,
    );
  });

  it('loads an ESM-only dependency of the app through tsx (dependencies otherwise load with Node)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-esm-'));
    const app = path.join(dir, 'on-prem-baseline');
    fs.cpSync(labDir('on-prem-baseline', 'solution'), app, { recursive: true, filter: (source) => !/node_modules|cdk\.out/.test(source) });
    const modules = path.join(app, 'node_modules');
    fs.mkdirSync(path.join(modules, 'esm-only'), { recursive: true });
    for (const name of ['aws-cdk-lib', 'constructs']) fs.symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(modules, name));
    fs.writeFileSync(
      path.join(modules, 'esm-only', 'package.json'),
      JSON.stringify({ name: 'esm-only', type: 'module', main: 'index.js' }),
    );
    fs.writeFileSync(path.join(modules, 'esm-only', 'index.js'), "export const description = 'from an ESM package';\n");
    const bin = path.join(app, 'bin', 'shop.ts');
    fs.writeFileSync(
      bin,
      fs
        .readFileSync(bin, 'utf8')
        .replace(/^(#!.*\n)?/, `$1import { description } from 'esm-only';\n`)
        .replace(/description: '[^']*'/, 'description'),
    );
    const result = checker(['check', '--reporter', 'json'], app);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).lab.id).toBe('on-prem-baseline');
  });

  it("loads the check command and its lab's rules alone for a check (no other command, no other lab's rule)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-modules-'));
    const template = path.join(dir, 'template.json');
    fs.writeFileSync(template, JSON.stringify({ Resources: {} }));
    const list = path.join(dir, 'modules.json');
    const preload = path.join(dir, 'list-modules.js');
    fs.writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const result = spawnSync(process.execPath, ['--require', preload, BIN, 'check', 'vpc-migration', '--template', template], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(ExitCode.Fail);
    const src = path.join(__dirname, path.sep);
    const loaded = (JSON.parse(fs.readFileSync(list, 'utf8')) as string[])
      .filter((file) => file.startsWith(src))
      .map((file) => path.relative(__dirname, file).split(path.sep).join('/'));
    const ruleFiles = loaded.filter((file) => /^rules\/[^/]+\/[^/]+\.ts$/.test(file)).map((file) => path.basename(file, '.ts'));
    // Helper modules of the rule areas load with the rules that use them.
    expect(findLab('vpc-migration')!.checks.filter((id) => !ruleFiles.includes(id))).toEqual([]);
    expect(ruleFiles.filter((id) => ruleIds.includes(id) && !findLab('vpc-migration')!.checks.includes(id))).toEqual([]);
    expect(loaded.filter((file) => /^(commands\/(?!check\.ts|shared\.ts)|grading\/|pricing\/|dev\/)/.test(file))).toEqual([]);
  });

  it("compiles the checker's own modules without source maps, and keeps the app's: grading's synth child names the app's line", () => {
    const register = path.join(__dirname, '..', 'bin', 'register.js');
    const own = path.join(__dirname, 'errors.ts');
    const maps = spawnSync(
      process.execPath,
      [
        '--require',
        register,
        '-e',
        // A string, not a boolean: console.log colours a boolean when FORCE_COLOR is set (as Nx sets it for its tasks).
        `require(${JSON.stringify(own)}); process.stdout.write(String(require('node:module').findSourceMap(${JSON.stringify(own)}) === undefined))`,
      ],
      { encoding: 'utf8' },
    );
    expect(maps.stdout).toBe('true');

    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-maps-'));
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(app, 'node_modules'));
    fs.writeFileSync(path.join(app, 'cdk.json'), JSON.stringify({ app: 'npx tsx bin/app.ts' }));
    fs.mkdirSync(path.join(app, 'bin'));
    // The interface and the type vanish from the compiled code: without the app's source map the throw moves up.
    const lines = [
      "import { App } from 'aws-cdk-lib';",
      '',
      'interface Shape {',
      '  readonly name: string;',
      '}',
      'type Also = Shape;',
      '',
      'new App();',
      "const shape: Also = { name: 'purpose' };",
      'throw new Error(`broken on ${shape.name}`);',
    ];
    fs.writeFileSync(path.join(app, 'bin', 'app.ts'), `${lines.join('\n')}\n`);
    const resultFile = path.join(app, 'result.json');
    const child = path.join(__dirname, 'grading', 'sandbox', 'synth-child.ts');
    spawnSync(process.execPath, ['--require', register, child, app, 'Shop', resultFile], { encoding: 'utf8' });
    expect(JSON.parse(fs.readFileSync(resultFile, 'utf8')).error.en).toMatch(/^synth failed: .*bin\/app\.ts:10:\d+: broken on purpose:/);
  });

  it('runs dev-check for one lab, synthesizing its starter and solution in one process', () => {
    const result = checker(['dev-check', '--lab', 'on-prem-baseline']);
    expect(result.stdout).not.toContain('does not synthesize');
    expect(result.stdout).toMatch(/^(ok {2}|FAIL) labs\/on-prem-baseline synthesizes and fails at least one of its lab's checks$/m);
    expect(result.stdout).toMatch(/^(ok {2}|FAIL) solutions\/on-prem-baseline passes every check of its lab$/m);
  });
});
