import path from 'node:path';
import { findLab, repoRoot } from '@workshop/catalog';
import { loadSource } from '../../sources';
import { ResourceGraph } from '../../model/graph';
import { judge } from '../fixtures/judge';
import { backupDrTemplates, idsOfType, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { isoHours, recoveryObjectivesDeclared } from './recovery-objectives-declared';

const MAIN = 'ShopBackupDr';

function withOutputs(change: (outputs: Record<string, { Value: unknown }>) => void): StackTemplates {
  const templates = backupDrTemplates();
  change(templates[MAIN].Outputs as Record<string, { Value: unknown }>);
  return templates;
}

const verdict = (templates: StackTemplates) => judge(recoveryObjectivesDeclared, labGraph('backup-dr', templates));

describe('recovery-objectives-declared', () => {
  it('passes for PT4H and PT24H outputs with a daily backup', () => {
    const outcome = verdict(backupDrTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toBe('The recovery objectives are declared: RTO PT4H, RPO PT24H (the backups run every 24 hours at most).');
  });

  it('passes for outputs named differently, in days', () => {
    const templates = withOutputs((outputs) => {
      outputs.Rto = { Value: 'PT8H' };
      outputs.Rpo = { Value: 'P1D' };
      delete outputs.RecoveryTimeObjective;
      delete outputs.RecoveryPointObjective;
    });
    expect(verdict(templates).status).toBe('PASS');
  });

  it('passes live for stack tags workshop:rto and workshop:rpo', () => {
    const graph = labGraph(
      'backup-dr',
      withOutputs((outputs) => Object.keys(outputs).forEach((key) => delete outputs[key])),
    );
    const stacks = graph.stacks.map((stack) =>
      stack.name === MAIN ? { ...stack, outputs: {}, tags: { 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H' } } : stack,
    );
    const outcome = judge(recoveryObjectivesDeclared, new ResourceGraph('live', graph.all(), undefined, stacks));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('RTO PT4H, RPO PT24H');
  });

  it('fails for an RPO of one hour with a daily backup, and teaches why', () => {
    const outcome = verdict(withOutputs((outputs) => (outputs.RecoveryPointObjective.Value = 'PT1H')));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('The RPO PT1H is shorter than the 24 hours between backups');
    expect(outcome.message.en).toContain('turn on continuous backup');
  });

  it('passes the one-hour RPO once continuous backup is on', () => {
    const templates = withOutputs((outputs) => (outputs.RecoveryPointObjective.Value = 'PT1H'));
    const [plan] = idsOfType(templates, MAIN, 'AWS::Backup::BackupPlan');
    const rule = (resourcesOf(templates, MAIN)[plan].Properties as { BackupPlan: { BackupPlanRule: Array<Record<string, unknown>> } })
      .BackupPlan.BackupPlanRule[0];
    rule.EnableContinuousBackup = true;
    expect(verdict(templates).message.en).toContain('continuous backup allows a short RPO');
  });

  it('fails for a value that is not an ISO-8601 duration', () => {
    const outcome = verdict(withOutputs((outputs) => (outputs.RecoveryTimeObjective.Value = '4 hours')));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain(
      'declares the RTO (recovery time objective) as "4 hours", which is not a positive ISO-8601 duration',
    );
  });

  it('fails when the RTO is missing', () => {
    const outcome = verdict(withOutputs((outputs) => delete outputs.RecoveryTimeObjective));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No RTO (recovery time objective) is declared');
    expect(outcome.message.ko).toContain('RTO(목표 복구 시간)가 선언되어 있지 않습니다');
  });

  it('reads ISO-8601 durations', () => {
    expect([isoHours('PT4H'), isoHours('P1D'), isoHours('PT30M'), isoHours('P1DT12H'), isoHours('P1W')]).toEqual([4, 24, 0.5, 36, 168]);
    expect([isoHours('4h'), isoHours('P'), isoHours('PT')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('recovery-objectives-declared on the backup-dr app', () => {
  it('reads the stack tags workshop:rto and workshop:rpo from the synthesized assembly, next to the outputs', async () => {
    const lab = findLab('backup-dr')!;
    const loaded = await loadSource({ kind: 'app', dir: path.join(repoRoot, 'solutions', 'backup-dr') }, { lab, stackName: lab.stackName });
    const main = loaded.graph.stacks.find((stack) => stack.name === lab.stackName);
    expect(main?.tags).toMatchObject({ 'workshop:rto': 'PT4H', 'workshop:rpo': 'PT24H' });
    expect(main?.outputs).toMatchObject({ RecoveryTimeObjective: 'PT4H', RecoveryPointObjective: 'PT24H' });
    expect(judge(recoveryObjectivesDeclared, loaded.graph).status).toBe('PASS');
  }, 180_000);
});
