import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLab, labDir } from '@workshop/catalog';
import { ExitCode } from './errors';
import { targetError } from './errors';
import type { Rule } from './rules/types';
import { buildProgram, main } from './cli';
import type { Io } from './commands/shared';
import { padDisplay } from './commands/explain';

const lab = findLab('vpc-migration')!;

/** Every check of vpc-migration as a rule that passes when the VPC is 10.0.0.0/16. */
jest.mock('./rules/registry', () => {
  const { findLab: find } = jest.requireActual('@workshop/catalog');
  const rules: Rule[] = find('vpc-migration').checks.map((id: string): Rule => ({
    id,
    area: 'network',
    title: { en: `${id} holds`, ko: `${id} 충족` },
    severity: 'high',
    points: 5,
    why: { en: 'why', ko: '이유' },
    fix: { en: 'Use 10.0.0.0/16.', ko: '10.0.0.0/16을 쓰세요.' },
    guide: { lab: 'vpc-migration', section: 'vpc' },
    seed: { seed: '000_0cb1d160706ddd77', section: '2' },
    modes: ['template', 'live'],
    services: ['ec2'],
    evaluate: ({ graph }) => {
      const vpc = graph.ofType('AWS::EC2::VPC')[0];
      const ok = vpc !== undefined && graph.prop(vpc, 'CidrBlock') === '10.0.0.0/16';
      return { status: ok ? 'PASS' : 'FAIL', message: { en: ok ? 'ok' : 'wrong CIDR', ko: ok ? '좋음' : 'CIDR이 다릅니다' } };
    },
  }));
  const loadRule = (id: string) => rules.find((rule) => rule.id === id);
  return {
    ruleIds: rules.map((rule) => rule.id),
    loadRule,
    labRules: (lab: { checks: string[] }) => lab.checks.flatMap((id) => loadRule(id) ?? []),
    allRules: () => rules,
  };
});

jest.mock('./sources/live/index', () => ({
  loadLiveGraph: async (options: { endpoint?: string }) => {
    throw targetError(`Cannot reach ${options.endpoint}: is LocalStack running?`, `${options.endpoint}에 연결할 수 없습니다.`);
  },
}));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd: options.cwd ?? process.cwd(),
    env: { LANG: 'en_US.UTF-8', ...options.env },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function template(cidr: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-cli-'));
  const file = path.join(dir, 'shop.yaml');
  fs.writeFileSync(file, `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: ${cidr}\n`);
  return file;
}

describe('checker check: exit codes', () => {
  it('exits 0 when every check passes', async () => {
    const result = await run(['check', 'vpc-migration', '--template', template('10.0.0.0/16')]);
    expect(result).toMatchObject({ code: ExitCode.Pass, stderr: '' });
    expect(result.stdout).toContain(`${lab.checks.length * 5}/${lab.checks.length * 5}`);
  });

  it('exits 1 when a check fails', async () => {
    const result = await run(['check', 'vpc-migration', '--template', template('192.168.0.0/16')]);
    expect(result.code).toBe(ExitCode.Fail);
    expect(result.stdout).toContain('wrong CIDR');
  });

  it('exits 1 when a value cannot be evaluated (ERROR)', async () => {
    const result = await run(['check', 'vpc-migration', '--template', template('!ImportValue SharedCidr'), '--reporter', 'json']);
    expect(result.code).toBe(ExitCode.Fail);
    expect(JSON.parse(result.stdout).results[0].message.en).toMatch(/^cannot evaluate: .*Fn::ImportValue of an export from another stack/);
  });

  it('does not fail on a value chosen at deploy time without a constraint: SKIP, asking for one', async () => {
    const file = template('!Ref Cidr');
    fs.appendFileSync(file, 'Parameters:\n  Cidr:\n    Type: String\n');
    const result = await run(['check', 'vpc-migration', '--template', file, '--reporter', 'json']);
    const [vpcCidr] = JSON.parse(result.stdout).results;
    expect(vpcCidr.status).toBe('SKIP');
    expect(vpcCidr.message.en).toMatch(/parameter Cidr has no default and no AllowedPattern or AllowedValues/);
  });

  it('exits 2 on usage and input errors, with one line that says what to do', async () => {
    const cases: Array<[string[], RegExp]> = [
      [
        ['check', 'vpc-migraton', '--template', template('10.0.0.0/16')],
        /^Unknown lab "vpc-migraton"\. Did you mean "vpc-migration"\? Labs: on-prem-baseline, /,
      ],
      [['check', 'vpc-migration', '--template', '/nonexistent/t.yaml'], /^The template .*t\.yaml does not exist: check the path\.\n$/],
      [['check', 'vpc-migration', '--app', os.tmpdir()], /is not a CDK app \(no cdk\.json\)/],
      [['check', 'vpc-migration', '--cdk-out', os.tmpdir()], /is not a cloud assembly \(no manifest\.json\)/],
      [
        ['check', 'vpc-migration', '--template', 'a.yaml', '--app', '.'],
        /^Choose one input: --app and --template cannot be used together\.\n$/,
      ],
      [['check', 'vpc-migration', '--endpoint', 'http://127.0.0.1:4566'], /^--endpoint applies to live checks only: add --live\.\n$/],
      [['check', 'vpc-migration', '--reporter', 'xml', '--template', 'a.yaml'], /^Unknown reporter "xml"/],
      [['explain', 'vpc-cdir'], /^Unknown rule "vpc-cdir"\. Did you mean "vpc-cidr"\?/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect({ argv, code: result.code }).toEqual({ argv, code: ExitCode.Usage });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 on an unknown option', async () => {
    const result = await run(['check', 'vpc-migration', '--bogus']);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toContain("unknown option '--bogus'");
  });

  it('exits 2 on a malformed template and names where', async () => {
    const file = template('10.0.0.0/16');
    fs.writeFileSync(file, 'Resources:\n  Vpc: {Type: AWS::EC2::VPC\n');
    const result = await run(['check', 'vpc-migration', '--template', file]);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toMatch(/shop\.yaml:\d+:\d+: the template is not valid YAML/);
  });

  it('exits 3 when the live target is unreachable', async () => {
    const result = await run(['check', 'vpc-migration', '--live', '--endpoint', 'http://127.0.0.1:9', '--quiet']);
    expect(result).toMatchObject({ code: ExitCode.Target, stderr: 'Cannot reach http://127.0.0.1:9: is LocalStack running?\n' });
  });

  it('prints the stack trace only with --debug', async () => {
    const argv = ['check', 'vpc-migration', '--template', '/nonexistent/t.yaml'];
    expect((await run(argv)).stderr).not.toMatch(/\n\s+at /);
    expect((await run([...argv, '--debug'])).stderr).toMatch(/\n\s+at /);
  });
});

describe('checker check: inputs and outputs', () => {
  it('speaks Korean with --lang ko or a ko_* locale', async () => {
    const argv = ['check', 'nope', '--template', 'x.yaml'];
    expect((await run([...argv, '--lang', 'ko'])).stderr).toMatch(/^"nope" 실습은 없습니다\./);
    expect((await run(argv, { env: { LANG: 'ko_KR.UTF-8' } })).stderr).toMatch(/^"nope" 실습은 없습니다\./);
    const report = await run(['check', 'vpc-migration', '--template', template('10.0.0.0/16'), '--reporter', 'json'], {
      env: { LC_ALL: 'ko_KR.UTF-8' },
    });
    expect(JSON.parse(report.stdout).lang).toBe('ko');
  });

  it('writes each --reporter name=file to its file and one reporter to stdout', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-out-'));
    const result = await run(
      [
        'check',
        'vpc-migration',
        '--template',
        template('10.0.0.0/16'),
        '--reporter',
        'json=reports/r.json',
        '--reporter',
        'junit=reports/r.xml',
        '--reporter',
        'pretty',
      ],
      { cwd: out },
    );
    expect(result.code).toBe(ExitCode.Pass);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'reports', 'r.json'), 'utf8')).summary.PASS).toBe(lab.checks.length);
    expect(fs.readFileSync(path.join(out, 'reports', 'r.xml'), 'utf8')).toContain('<testsuite');
    expect(result.stdout).toContain(lab.title.en);
  });

  it('checks the app of the lab folder it runs in, inferring the lab', async () => {
    const result = await run(['check', '--reporter', 'json'], { cwd: path.join(labDir('vpc-migration', 'solution'), 'lib') });
    const report = JSON.parse(result.stdout);
    expect(report.lab.id).toBe('vpc-migration');
    expect(report.source.kind).toBe('template');
    expect(report.source.description).toMatch(/^app .*solutions\/vpc-migration$/);
    expect(result.code).toBe(ExitCode.Pass);
  });

  it("checks the learner's starter labs/<lab> when run from the workshop's root with only a lab id", async () => {
    const result = await run(['check', 'vpc-migration', '--reporter', 'json'], {
      cwd: path.resolve(labDir('vpc-migration', 'starter'), '..', '..'),
    });
    const report = JSON.parse(result.stdout);
    expect(report.source.description).toMatch(/^app .*labs\/vpc-migration$/);
    expect(report.lab.id).toBe('vpc-migration');
  });

  it('honours --stack and --guide-base-url', async () => {
    const result = await run([
      'check',
      'vpc-migration',
      '--app',
      // Jest caches modules across tests, so each test synthesizes a different app.
      labDir('on-prem-baseline', 'solution'),
      '--stack',
      'Elsewhere',
      '--guide-base-url',
      'https://example.org',
    ]);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stderr).toMatch(/^Stack Elsewhere is not in the app in .* \(stacks: ShopOnPremBaseline\)/);
    const ok = await run([
      'check',
      'vpc-migration',
      '--template',
      template('10.0.0.0/16'),
      '--reporter',
      'json',
      '--guide-base-url',
      'https://example.org',
    ]);
    expect(JSON.parse(ok.stdout).results[0].guideUrl).toBe('https://example.org/docs/labs/vpc-migration#vpc');
  });
});

describe('checker list and explain', () => {
  it('lists every lab with its rules', async () => {
    const result = await run(['list', '--json']);
    const labs = JSON.parse(result.stdout).labs;
    expect(labs.map((entry: { id: string }) => entry.id)).toContain('vpc-migration');
    expect(labs.find((entry: { id: string }) => entry.id === 'vpc-migration').rules[0]).toEqual({
      id: 'vpc-cidr',
      title: 'vpc-cidr holds',
      points: 5,
    });
    expect((await run(['list'])).stdout).toMatch(/2\. vpc-migration {2}Move to a VPC/);
  });

  it('explains a rule in English and Korean', async () => {
    const en = await run(['explain', 'vpc-cidr']);
    expect(en.stdout).toMatch(/^vpc-cidr: vpc-cidr holds\n/);
    expect(en.stdout).toContain('/docs/labs/vpc-migration#vpc');
    expect(en.stdout).toContain('Use 10.0.0.0/16.');
    const ko = await run(['explain', 'vpc-cidr', '--lang', 'ko']);
    expect(ko.stdout).toContain('고치는 방법');
    expect(ko.stdout).toContain('/ko/docs/labs/vpc-migration#vpc');
    expect(JSON.parse((await run(['explain', 'vpc-cidr', '--json'])).stdout)).toMatchObject({
      id: 'vpc-cidr',
      labs: expect.arrayContaining(['vpc-migration']),
    });
  });
});

describe('checker iam-policy', () => {
  it('prints the read-only policy as JSON with exit code 0', async () => {
    const result = await run(['iam-policy']);
    expect(result.code).toBe(ExitCode.Pass);
    const policy = JSON.parse(result.stdout);
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement[0].Action.every((action: string) => /^[a-z0-9-]+:(Describe|List|Get)/.test(action))).toBe(true);
  });
});

describe('buildProgram', () => {
  it('defines every subcommand and its options once, for the generated CLI reference', () => {
    const program = buildProgram();
    expect(program.commands.map((command) => command.name())).toEqual(
      expect.arrayContaining(['check', 'list', 'explain', 'iam-policy', 'dev-check']),
    );
    const check = program.commands.find((command) => command.name() === 'check')!;
    expect(check.options.map((option) => option.long)).toEqual(
      expect.arrayContaining([
        '--app',
        '--cdk-out',
        '--template',
        '--live',
        '--endpoint',
        '--profile',
        '--region',
        '--stack',
        '--reporter',
      ]),
    );
  });
});

describe('padDisplay', () => {
  it('counts Hangul as two columns so Korean labels line up', () => {
    expect(padDisplay('점수', 6)).toBe('점수  ');
    expect(padDisplay('Points', 8)).toBe('Points  ');
  });
});
