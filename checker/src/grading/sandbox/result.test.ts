import { MAX_STACK_TAGS, MAX_STACKS, MAX_TAG_KEY, MAX_TAG_VALUE, parseSynthResult } from './result';

const template = { Resources: { Vault: { Type: 'AWS::Backup::BackupVault' } } };
const one = { stackName: 'ShopBackupDr', allStacks: false };
const all = { stackName: 'ShopBackupDr', allStacks: true };

/** The reason a result is refused, in both languages, after checking it is one line each. */
function refused(value: unknown, options = all): { en: string; ko: string } {
  const outcome = parseSynthResult(value, options);
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(value).slice(0, 200)}`);
  for (const text of [outcome.error.en, outcome.error.ko]) expect(text).not.toMatch(/[\n\r]/);
  expect(outcome.error.ko).toMatch(/[가-힣]/);
  return outcome.error;
}

describe('parseSynthResult', () => {
  it("takes the main stack's template, Region and tags, and with every stack the others' too", () => {
    const tags = { 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H', empty: '' };
    expect(parseSynthResult({ template, regionName: 'ap-northeast-2', stackTags: tags }, one)).toEqual({
      ok: true,
      template,
      regionName: 'ap-northeast-2',
      stackTags: tags,
    });
    const other = { stackName: 'ShopBackupDrRecovery', template, regionName: 'ap-northeast-1', stackTags: { 'workshop:rpo': 'PT24H' } };
    expect(parseSynthResult({ template, others: [other] }, all)).toEqual({ ok: true, template, others: [other] });
    expect(parseSynthResult({ template, others: [] }, all)).toEqual({ ok: true, template, others: [] });
    for (const regionName of ['us-gov-west-1', 'eusc-de-east-1', 'cn-north-1']) {
      expect(parseSynthResult({ template, regionName }, one)).toMatchObject({ ok: true, regionName });
    }
  });

  it('keeps a tag named __proto__ as a plain tag, never as a prototype', () => {
    const outcome = parseSynthResult(JSON.parse('{"template":{"Resources":{}},"stackTags":{"__proto__":"x","a":"b"}}'), one);
    expect(outcome.ok && Object.entries(outcome.stackTags ?? {})).toEqual([
      ['__proto__', 'x'],
      ['a', 'b'],
    ]);
    expect(outcome.ok && Object.getPrototypeOf(outcome.stackTags)).toBe(Object.prototype);
  });

  it("passes the child's own one-line error on, cleaned", () => {
    expect(parseSynthResult({ error: { en: 'synth failed:\nboom', ko: 'synth 실패:\nboom' } }, one)).toEqual({
      ok: false,
      error: { en: 'synth failed: boom', ko: 'synth 실패: boom' },
    });
  });

  it('refuses tags that are not a record of strings as a malformed result', () => {
    for (const stackTags of [['workshop:rto', 'PT4H'], 'PT4H', null, { 'workshop:rto': 4 }, { 'workshop:rto': { value: 'PT4H' } }]) {
      expect(refused({ template, stackTags }, one).en).toMatch(
        /^synth ended without a usable result \(stack ShopBackupDr: .*\): fix the app/,
      );
    }
    const other = { stackName: 'ShopBackupDrRecovery', template, stackTags: { 'workshop:rpo': ['PT24H'] } };
    expect(refused({ template, others: [other] }).en).toBe(
      'synth ended without a usable result (stack ShopBackupDrRecovery: a tag value that is not a string): fix the app, then grade again',
    );
  });

  it("refuses tags over CloudFormation's limits, saying which limit", () => {
    const many = Object.fromEntries(Array.from({ length: MAX_STACK_TAGS + 1 }, (_, i) => [`tag${i}`, 'x']));
    expect(refused({ template, stackTags: many }, one)).toEqual({
      en: `the synthesized app is over a limit: stack ShopBackupDr has ${MAX_STACK_TAGS + 1} tags, more than the ${MAX_STACK_TAGS} CloudFormation allows; remove some in the app, then grade again`,
      ko: `synth한 앱이 한도를 넘습니다: 스택 ShopBackupDr의 태그가 ${MAX_STACK_TAGS + 1}개로, CloudFormation이 허용하는 ${MAX_STACK_TAGS}개보다 많습니다. 앱에서 몇 개를 지우세요. 그 뒤 다시 채점하세요`,
    });
    for (const stackTags of [{ ['k'.repeat(MAX_TAG_KEY + 1)]: 'x' }, { '': 'x' }, { k: 'v'.repeat(MAX_TAG_VALUE + 1) }]) {
      expect(refused({ template, stackTags }, one).en).toMatch(
        /^the synthesized app is over a limit: stack ShopBackupDr has a tag whose key is empty/,
      );
    }
    expect(refused({ template, stackTags: { k: 'line\nbreak' } }, one).en).toMatch(/a tag with control characters/);
    const stacks = Array.from({ length: MAX_STACKS }, (_, i) => ({ stackName: `Extra${i}`, template }));
    expect(refused({ template, others: stacks }).en).toMatch(
      new RegExp(`synthesized ${MAX_STACKS + 1} stacks, more than the ${MAX_STACKS}`),
    );
  });

  it('refuses keys the checker never writes, at every level, and `others` when not every stack was asked for', () => {
    const forged = { ok: true, report: { score: { points: 100, maxPoints: 100 } } };
    expect(refused(forged).en).toBe(
      'synth ended without a usable result (the result: fields the checker never writes): fix the app, then grade again',
    );
    expect(refused({ template, score: 100 }, one).en).toMatch(/\(the result: fields the checker never writes\)/);
    expect(refused({ template, others: [] }, one).en).toMatch(/\(the result: fields the checker never writes\)/);
    expect(refused({ template, others: [{ stackName: 'Other', template, passed: true }] }).en).toMatch(
      /\(other stack #1: fields the checker never writes\)/,
    );
    expect(refused({ template, error: { en: 'x', ko: 'x' } }, one).en).toMatch(/\(the result: fields the checker never writes\)/);
  });

  it('refuses a missing template, a missing list of other stacks, bad stack names and Regions', () => {
    expect(refused({}, one).en).toMatch(/\(stack ShopBackupDr: no template object\)/);
    expect(refused({ template: [template] }, one).en).toMatch(/\(stack ShopBackupDr: no template object\)/);
    expect(refused({ template }).en).toMatch(/\(the other stacks: not a list\)/);
    expect(refused({ template, others: [null] }).en).toMatch(/\(other stack #1: not an object\)/);
    for (const stackName of ['', '1Shop', 'Shop Stack', 'a'.repeat(129), 7]) {
      expect(refused({ template, others: [{ stackName, template }] }).en).toMatch(/\(other stack #1: no valid stack name\)/);
    }
    for (const regionName of ['', 'mars', 'ap-northeast-2\n', '${AWS::Region}', 'ap-northeast-2'.repeat(3), 2]) {
      expect(refused({ template, regionName }, one).en).toMatch(/\(stack ShopBackupDr: a Region that is not a Region name\)/);
    }
    expect(refused('template').en).toMatch(/\(the result: not an object\)/);
  });
});
