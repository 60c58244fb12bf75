import Ajv, { type ValidateFunction } from 'ajv';
import { REPORT_SCHEMA_VERSION, type CheckReport } from '../engine/result';
import { shopTemplate } from '../rules/fixtures/shop';
import { graphFromTemplate } from '../sources/template/resolve';
import { withArchitecture } from '../views/report';
import { fixtureReport, passingKoreanReport } from './fixtures';
import { json } from './json';
import schema from './report.schema.json';

function validator(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
  return ajv.compile(schema);
}

describe('json reporter', () => {
  const validate = validator();

  it.each([
    ['a live report with every status', fixtureReport],
    ['a passing template report in Korean', passingKoreanReport],
  ])('writes %s that the documented schema accepts', (_, report) => {
    const output = JSON.parse(json(report, { color: false }));
    expect(validate(output) ? [] : validate.errors).toEqual([]);
    expect(output).toEqual(report);
  });

  it('leaves the drawing to the markdown report: the shape stays the one the schema describes', () => {
    const drawn = withArchitecture(fixtureReport, graphFromTemplate(shopTemplate()), undefined);
    const output = JSON.parse(json(drawn, { color: false }));
    expect(validate(output) ? [] : validate.errors).toEqual([]);
    expect(output).toEqual(fixtureReport);
  });

  it('records the language chosen for the run', () => {
    expect(JSON.parse(json(fixtureReport, { color: true, lang: 'ko' })).lang).toBe('ko');
  });

  it('has a schema version that matches the result model', () => {
    expect(schema.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
  });

  it.each<[string, (report: Record<string, unknown>) => void]>([
    ['an unknown status', (r) => ((r.results as Array<Record<string, unknown>>)[0]!.status = 'WARN')],
    ['a missing score', (r) => delete r.score],
    ['a field the schema does not document', (r) => (r.grade = 'A')],
    ['a title without Korean', (r) => ((r.lab as { title: Record<string, string> }).title = { en: 'VPC' })],
    ['a newer schema version', (r) => (r.schemaVersion = 2)],
    ['a start time that is not a date', (r) => (r.startedAt = 'yesterday')],
  ])('rejects a report with %s', (_, corrupt) => {
    const report = JSON.parse(json(fixtureReport, { color: false })) as Record<string, unknown>;
    corrupt(report);
    expect(validate(report)).toBe(false);
  });

  it('is typed by the same model the schema describes', () => {
    const report: CheckReport = JSON.parse(json(passingKoreanReport, { color: false }));
    expect(report.summary.PASS).toBe(2);
  });
});
