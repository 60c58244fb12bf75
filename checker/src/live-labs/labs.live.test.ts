import fs from 'node:fs';
import { catalog, labDir, type Lab } from '@workshop/catalog';
import type { CheckReport, RuleResult } from '../engine/result';
import { rules } from '../rules';
import {
  checkAssembly,
  checkLive,
  deleteStack,
  deployedAssembly,
  emulatorMissing,
  runDeployCommand,
  startSandbox,
  type LiveSandbox,
} from './harness';

// Every lab, live on the embedded emulator: the solution deployed with `npm run deploy -- <lab> --solution`
// passes every rule the emulator can judge and SKIPs the rest with the reason; the starter fails at
// least one of the lab's own rules; a rule both modes judge gives the same status in template mode
// (the deploy's own cloud assembly) and live. Without the emulator installed the suite is skipped
// with the reason, unless CI=true (then a missing or broken emulator fails the run).
const ci = process.env.CI === 'true';
const missing = emulatorMissing();
if (missing && !ci) process.stderr.write(`skipped: labs live on the embedded emulator (${missing})\n`);
const describeIf = missing && !ci ? describe.skip : describe;
const labs = catalog.labs.filter((lab) => fs.existsSync(labDir(lab.id, 'solution')));
const byId = new Map(rules.map((rule) => [rule.id, rule]));

/** A SKIP the live check may give: the target's gap (naming it), a template-only rule, or an absent stretch task. */
function acceptableSkip(result: RuleResult, targetName: string): boolean {
  const rule = byId.get(result.ruleId);
  return result.message.en.includes(targetName) || rule?.modes.includes('live') === false || rule?.optional === true;
}

const statuses = (report: CheckReport) => Object.fromEntries(report.results.map((result) => [result.ruleId, result.status]));
const explain = (report: CheckReport, status: string) =>
  report.results.filter((result) => result.status === status).map((result) => `${result.ruleId}: ${result.message.en}`);

describeIf(missing && !ci ? `labs live on the embedded emulator (skipped: ${missing})` : 'labs live on the embedded emulator', () => {
  let sandbox: LiveSandbox;
  /** One line per lab and phase, written at the end when LIVE_LABS_SUMMARY is set. */
  const summary: string[] = [];

  beforeAll(async () => {
    if (missing) throw new Error(missing);
    sandbox = await startSandbox();
  }, 60_000);

  afterAll(async () => {
    await sandbox?.stop();
    if (process.env.LIVE_LABS_SUMMARY) process.stderr.write(`${summary.join('\n')}\n`);
  });

  describe.each(labs.map((lab): [string, Lab] => [lab.id, lab]))('%s', (_id, lab) => {
    let solutionLive: CheckReport;

    test('the solution deploys and passes live every rule the emulator judges; the others SKIP with the reason', async () => {
      const deployed = await runDeployCommand(sandbox, 'deploy', lab.id, true);
      expect({ code: deployed.code, tail: deployed.code === 0 ? '' : deployed.output.slice(-2000) }).toEqual({ code: 0, tail: '' });
      const { report, target } = await checkLive(sandbox, lab);
      solutionLive = report;
      const count = (status: string) => report.results.filter((result) => result.status === status).length;
      const reasons = [
        ...new Set(
          report.results
            .filter((result) => result.status === 'SKIP')
            .map((result) => result.message.en.replace(/ check this rule.*$/, '').replace(/: this stretch task.*$/, ': optional')),
        ),
      ];
      summary.push(
        `${lab.id} solution live: PASS ${count('PASS')}, SKIP ${count('SKIP')}, FAIL ${count('FAIL')}, ERROR ${count('ERROR')}; SKIP reasons: ${reasons.join(' | ')}`,
      );
      expect(report.source.target).toBe('emulator');
      expect(explain(report, 'FAIL')).toEqual([]);
      expect(explain(report, 'ERROR')).toEqual([]);
      const targetName = target?.name ?? 'moto server';
      expect(report.results.filter((result) => result.status === 'SKIP' && !acceptableSkip(result, targetName))).toEqual([]);
    }, 300_000);

    test('template mode and live mode agree on every rule both judge', () => {
      if (!solutionLive) throw new Error('the solution was not checked live');
      const template = checkAssembly(lab, deployedAssembly(sandbox, lab.id, true));
      const live = statuses(solutionLive);
      const both = template.results.filter((result) => result.status !== 'SKIP' && live[result.ruleId] !== 'SKIP');
      summary.push(
        `${lab.id} agreement: ${both.length} rules judged by both modes (${both.map((result) => result.ruleId).join(', ') || 'none'})`,
      );
      expect(Object.fromEntries(both.map((result) => [result.ruleId, live[result.ruleId]]))).toEqual(
        Object.fromEntries(both.map((result) => [result.ruleId, result.status])),
      );
    });

    test('the starter deploys and fails at least one of the lab’s rules live; npm run destroy removes it', async () => {
      await deleteStack(sandbox, lab.stackName);
      const deployed = await runDeployCommand(sandbox, 'deploy', lab.id, false);
      expect({ code: deployed.code, tail: deployed.code === 0 ? '' : deployed.output.slice(-2000) }).toEqual({ code: 0, tail: '' });
      const { report, target } = await checkLive(sandbox, lab);
      expect(explain(report, 'ERROR')).toEqual([]);
      // The rules the starter fails in template mode fail live too, unless the emulator cannot judge them
      // (cloudfront-cdn on moto: every rule its starter misses reads CloudFront, which moto does not emulate).
      const template = checkAssembly(lab, deployedAssembly(sandbox, lab.id, false));
      const missed = template.results.filter((result) => result.status === 'FAIL').map((result) => result.ruleId);
      expect(missed).not.toEqual([]);
      const live = Object.fromEntries(report.results.map((result) => [result.ruleId, result]));
      const targetName = target?.name ?? 'moto server';
      const judged = missed.filter((id) => !(live[id].status === 'SKIP' && acceptableSkip(live[id], targetName)));
      expect(Object.fromEntries(judged.map((id) => [id, live[id].status]))).toEqual(Object.fromEntries(judged.map((id) => [id, 'FAIL'])));
      summary.push(
        `${lab.id} starter: template FAIL ${missed.join(', ')}; live FAIL ${
          explain(report, 'FAIL')
            .map((line) => line.split(':')[0])
            .join(', ') || 'none (the emulator judges none of them)'
        }`,
      );
      const gone = await runDeployCommand(sandbox, 'destroy', lab.id, false);
      expect(gone.output).toContain(`Stack ${lab.stackName} is gone.`);
    }, 400_000);
  });
});
