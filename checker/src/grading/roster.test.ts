import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheckerError } from '../errors';
import { inputOf, loadRoster, parseRoster } from './roster';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-test-'));
fs.mkdirSync(path.join(base, 'app'));
fs.writeFileSync(path.join(base, 'app', 'cdk.json'), '{"app":"npx tsx bin/shop.ts"}');
fs.mkdirSync(path.join(base, 'out'));
fs.writeFileSync(path.join(base, 'out', 'manifest.json'), '{}');
fs.writeFileSync(path.join(base, 'shop.yaml'), 'Resources: {}\n');
fs.mkdirSync(path.join(base, 'empty'));

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function parse(text: string, allowMissing = false) {
  return parseRoster(text, 'roster.csv', { baseDir: base, allowMissing });
}

function errorOf(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CheckerError);
    return (error as CheckerError).text.en;
  }
  throw new Error('expected an error');
}

describe('roster', () => {
  it('resolves every kind of target, relative to the roster folder', () => {
    const students = parse(
      [
        'Student_ID, Name ,target,region,stack',
        's1,"Kim, Minji",app,,',
        's2,Lee,out,,',
        's3,Park,shop.yaml,,MyStack',
        's4,Choi,profile:student4,ap-northeast-2,',
        's5,Jung,role:arn:aws:iam::123456789012:role/WorkshopChecker#ext-42,,',
        's6,Kang,endpoint:http://127.0.0.1:4566,,',
      ].join('\n'),
    );
    expect(students.map((s) => s.target)).toEqual([
      { kind: 'app', dir: path.join(base, 'app') },
      { kind: 'cdk-out', dir: path.join(base, 'out') },
      { kind: 'template', file: path.join(base, 'shop.yaml') },
      { kind: 'profile', profile: 'student4', region: 'ap-northeast-2' },
      { kind: 'role', roleArn: 'arn:aws:iam::123456789012:role/WorkshopChecker', externalId: 'ext-42', region: undefined },
      { kind: 'endpoint', endpoint: 'http://127.0.0.1:4566', region: undefined },
    ]);
    expect(students[0]).toMatchObject({ id: 's1', name: 'Kim, Minji', line: 2 });
    expect(students[2].stack).toBe('MyStack');
    expect(inputOf(students[3].target)).toEqual({ kind: 'live', profile: 'student4', region: 'ap-northeast-2' });
    expect(inputOf(students[4].target)).toEqual({ kind: 'live', region: undefined });
  });

  it.each([
    ['a malformed row, with line and column', 'student_id,name,target\ns1,Le"e,app\n', 'roster.csv:2:6: a quote inside an unquoted field'],
    ['a row with too many fields', 'student_id,name,target\ns1,Lee, Jun,app\n', 'roster.csv:2:4: 4 fields but the header has 3 columns'],
    [
      'a duplicate student id',
      'student_id,target\ns1,app\nS2,out\ns2,app\n',
      'roster.csv:4:1: student id "s2" appears again (first on line 3)',
    ],
    ['a missing path', 'student_id,target\ns1,nowhere\n', `roster.csv:2:2: ${path.join(base, 'nowhere')} does not exist`],
    ['a folder that is no app', 'student_id,target\ns1,empty\n', 'is a folder without cdk.json or manifest.json'],
    ['an unknown column', 'student_id,target,grade\ns1,app,A\n', 'roster.csv:1:3: unknown column "grade"'],
    ['no target column', 'student_id,name\ns1,Lee\n', 'the header has no "target" column'],
    ['a bad student id', 'student_id,target\n../etc,app\n', 'student id "../etc" is not usable'],
    ['a bad role', 'student_id,target\ns1,role:arn:aws:iam::12:role/x\n', 'is not a role to assume'],
    ['a bad endpoint', 'student_id,target\ns1,endpoint:localhost\n', 'is not an endpoint URL'],
    ['no students', 'student_id,target\n', 'has a header but no students'],
    ['an empty file', '\n', 'is empty'],
  ])('rejects %s in one line that says what to do', (_, text, expected) => {
    const message = errorOf(text);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('grades a missing path as an ERROR row with --allow-missing', () => {
    const [student] = parse('student_id,target\ns1,nowhere\n', true);
    expect(student.problem?.en).toBe(`submission not found: ${path.join(base, 'nowhere')}`);
  });

  it('reads the documented example roster', () => {
    const students = loadRoster(path.join(__dirname, '..', '..', 'examples', 'roster.csv'));
    expect(students.map((s) => s.target.kind)).toEqual(['app', 'app', 'app', 'profile', 'role', 'endpoint']);
    expect(students[2].stack).toBe('ShopMultiAzRds');
  });

  it('names an unreadable roster file', () => {
    expect(() => loadRoster(path.join(base, 'missing.csv'))).toThrow(/Cannot read the roster .*missing\.csv \(ENOENT\): check the path/);
  });
});
