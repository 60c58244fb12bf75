import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { fixtureReport, passingKoreanReport } from '../reporters/fixtures';
import { json } from '../reporters/json';
import schema from '../reporters/report.schema.json';
import type { Rule } from '../rules/types';
import { attest, canonicalJson, fingerprintOf, keyId, rulesetSha256, verifyReport, type SignedReport } from './integrity';

const RULESET = 'c'.repeat(64);
const KEY = 'class-2026-secret';

/** The parts of a report's JSON that the tamper cases change. */
interface ReportJson {
  score: { points: number };
  results: Array<{ status: string; message: { en: string } }>;
  summary: Record<string, number>;
  integrity?: { studentId?: string; input: { sha256?: string } };
}

/** A signed report as `checker grade` writes it and `checker verify` reads it back. */
function signedJson(key: string | null = KEY): ReportJson {
  const report = attest(
    passingKoreanReport,
    { rulesetSha256: RULESET, input: fingerprintOf(passingKoreanReport, {}), studentId: 's1' },
    key ?? undefined,
  );
  return JSON.parse(json(report, { color: false }));
}

function verify(value: unknown, key: string | null = KEY, ruleset = RULESET) {
  return verifyReport(value, { key: key ?? undefined, rulesetSha256: ruleset });
}

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, without undefined members', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: undefined, a: 'x' }], a: null })).toBe('{"a":null,"b":[1,{"a":"x","d":2}]}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('signed reports', () => {
  it('are valid with the grading key and match the documented schema', () => {
    const report = signedJson();
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(schema);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    const verdict = verify(report);
    expect(verdict).toMatchObject({ valid: true, signed: true });
    expect(verdict.valid && verdict.summary).toContain(
      `s1 vpc-migration 6/6, checker 0.1.0, rule set cccccccccccc, signed (key id ${keyId(KEY)})`,
    );
  });

  it.each<[string, (report: ReportJson) => void]>([
    ['a raised score', (r) => (r.score.points = 6.5)],
    ['a FAIL turned into a PASS', (r) => (r.results[1].status = 'FAIL')],
    ['another student id', (r) => (r.integrity!.studentId = 's2')],
    ['another input hash', (r) => (r.integrity!.input.sha256 = 'b'.repeat(64))],
    ['a changed message', (r) => (r.results[0].message.en += '!')],
    ['a removed result', (r) => r.results.pop()],
  ])('are invalid after %s', (_, tamper) => {
    const report = signedJson();
    tamper(report);
    expect(verify(report)).toEqual({
      valid: false,
      reason: { en: 'the signature does not match: the report was changed after grading', ko: expect.any(String) },
    });
  });

  it('are invalid under another key, and need a key to verify', () => {
    expect(verify(signedJson(), 'other key')).toMatchObject({
      valid: false,
      reason: { en: expect.stringContaining('signed with another key') },
    });
    expect(verify(signedJson(), null)).toMatchObject({ valid: false, needsKey: true });
  });

  it('are invalid when graded with another rule set', () => {
    expect(verify(signedJson(), KEY, 'd'.repeat(64))).toMatchObject({
      valid: false,
      reason: { en: expect.stringContaining('graded with another rule set') },
    });
  });
});

describe('unsigned reports', () => {
  it('are valid without a key when their numbers add up, and say anyone could have written them', () => {
    const verdict = verify(signedJson(null), null);
    expect(verdict).toMatchObject({ valid: true, signed: false });
    expect(verdict.valid && verdict.summary).toContain('unsigned');
  });

  it('are invalid when a key is set', () => {
    expect(verify(signedJson(null))).toMatchObject({ valid: false, reason: { en: expect.stringContaining('not signed') } });
  });

  it.each<[string, (report: ReportJson) => void, string]>([
    ['a score that is not the sum', (r) => (r.score.points = 5), 'is not the sum of the rules'],
    ['points on a FAIL', (r) => (r.results[1].status = 'FAIL'), 'is FAIL with 3 points'],
    ['summary counts that disagree', (r) => (r.summary.PASS = 3), "summary's PASS count"],
    ['an input hash that is not the template', (r) => (r.integrity!.input.sha256 = 'b'.repeat(64)), 'input hash differs'],
    ['no integrity block', (r) => delete r.integrity, 'no integrity block'],
  ])('are invalid with %s', (_, tamper, reason) => {
    const report = signedJson(null);
    tamper(report);
    expect(verify(report, null)).toMatchObject({ valid: false, reason: { en: expect.stringContaining(reason) } });
  });
});

describe('fingerprintOf', () => {
  it('records a live stack with its account, region, endpoint and time', () => {
    expect(fingerprintOf(fixtureReport, { region: 'us-east-1', account: '000000000000', endpoint: 'http://127.0.0.1:4566' })).toEqual({
      kind: 'live',
      stack: 'ShopVpcMigration',
      region: 'us-east-1',
      account: '000000000000',
      endpoint: 'http://127.0.0.1:4566',
      checkedAt: fixtureReport.startedAt,
    });
  });

  it('signs a live report the schema accepts', () => {
    const report: SignedReport = attest(
      fixtureReport,
      { rulesetSha256: RULESET, input: fingerprintOf(fixtureReport, { region: 'us-east-1' }) },
      KEY,
    );
    expect(verify(JSON.parse(json(report, { color: false })))).toMatchObject({ valid: true });
  });
});

describe('rulesetSha256', () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'ruleset-'));
  fs.mkdirSync(path.join(src, 'rules', 'network'), { recursive: true });
  fs.mkdirSync(path.join(src, 'rules', 'fixtures'));
  fs.mkdirSync(path.join(src, 'model'));
  const write = (file: string, text: string): void => fs.writeFileSync(path.join(src, file), text);
  write('rules/network/vpc-cidr.ts', 'export const rule = 1;\n');
  write('rules/network/vpc-cidr.test.ts', 'test\n');
  write('rules/fixtures/shop.ts', 'fixture\n');
  write('model/graph.ts', 'graph\n');
  const rule = { id: 'vpc-cidr', points: 5, title: { en: 'a', ko: 'ㄱ' }, evaluate: () => ({}) } as unknown as Rule;
  afterAll(() => fs.rmSync(src, { recursive: true, force: true }));

  it('changes with a rule source file or metadata, not with tests, fixtures or line ends', () => {
    const first = rulesetSha256([rule], src);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    write('rules/network/vpc-cidr.test.ts', 'changed test\n');
    write('rules/fixtures/shop.ts', 'changed fixture\n');
    write('model/graph.ts', 'graph\r\n');
    expect(rulesetSha256([rule], src)).toBe(first);
    expect(rulesetSha256([{ ...rule, points: 10 }], src)).not.toBe(first);
    write('model/graph.ts', 'graph2\n');
    expect(rulesetSha256([rule], src)).not.toBe(first);
  });

  it('covers the real rule set', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { rules } = require('../rules') as { rules: Rule[] };
    expect(rulesetSha256(rules)).toBe(rulesetSha256([...rules].reverse()));
  });
});
