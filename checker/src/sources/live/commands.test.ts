import { IAM_ACTION_EXCEPTIONS, IAM_PREFIX, LIVE_COMMANDS, iamActionFor, liveCommand } from './commands';
import { loadSdkModule } from './sdk';

describe('the live loader command list (read-only by construction)', () => {
  it('holds only Describe, List and Get commands', () => {
    const writes = LIVE_COMMANDS.filter((entry) => !/^(Describe|List|Get)[A-Z]/.test(entry.command));
    expect(writes).toEqual([]);
    expect(LIVE_COMMANDS.length).toBeGreaterThan(30);
  });

  it('never reads secret values or object content', () => {
    const names = LIVE_COMMANDS.map((entry) => `${entry.service}:${entry.command}`);
    for (const sensitive of [
      'secretsmanager:GetSecretValue',
      's3:GetObject',
      'ec2:GetPasswordData',
      'ec2:DescribeInstanceAttribute',
      'cloudformation:GetTemplate',
    ]) {
      expect(names).not.toContain(sensitive);
    }
  });

  it('names commands that exist in the installed AWS SDK clients', async () => {
    const missing: string[] = [];
    for (const entry of LIVE_COMMANDS) {
      const module = await loadSdkModule(entry.service);
      if (typeof module[`${entry.command}Command`] !== 'function') missing.push(`${entry.service}:${entry.command}`);
    }
    expect(missing).toEqual([]);
  });

  it('maps each command to one read-only IAM action of its service', () => {
    for (const entry of LIVE_COMMANDS) {
      expect(entry.iamActions).toHaveLength(1);
      const [prefix, action] = entry.iamActions[0].split(':');
      expect(prefix).toBe(IAM_PREFIX[entry.service]);
      expect(action).toMatch(/^(Describe|List|Get)[A-Z]/);
    }
    expect(iamActionFor('s3', 'ListObjectsV2')).toBe('s3:ListBucket');
    expect(iamActionFor('elbv2', 'DescribeListeners')).toBe('elasticloadbalancing:DescribeListeners');
    expect(iamActionFor('ec2', 'DescribeVpcs')).toBe('ec2:DescribeVpcs');
  });

  it('uses every IAM action exception it documents', () => {
    const used = new Set(LIVE_COMMANDS.map((entry) => `${IAM_PREFIX[entry.service]}:${entry.command}`));
    expect(Object.keys(IAM_ACTION_EXCEPTIONS).filter((key) => !used.has(key))).toEqual([]);
  });

  it('answers whether a command may be sent', () => {
    expect(liveCommand('ec2', 'DescribeSubnets')?.iamActions).toEqual(['ec2:DescribeSubnets']);
    expect(liveCommand('ec2', 'DeleteVpc')).toBeUndefined();
  });
});
