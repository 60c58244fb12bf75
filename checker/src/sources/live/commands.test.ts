import fs from 'node:fs';
import path from 'node:path';
import { SERVICES } from '../../model/services';
import { IAM_ACTION_EXCEPTIONS, LIVE_COMMANDS, iamActionFor, liveCommand, type LiveService } from './commands';
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
      expect(prefix).toBe(SERVICES[entry.service].iamPrefix);
      expect(action).toMatch(/^(Describe|List|Get)[A-Z]/);
    }
    expect(iamActionFor('s3', 'ListObjectsV2')).toBe('s3:ListBucket');
    expect(iamActionFor('elbv2', 'DescribeListeners')).toBe('elasticloadbalancing:DescribeListeners');
    expect(iamActionFor('ec2', 'DescribeVpcs')).toBe('ec2:DescribeVpcs');
  });

  it('uses every IAM action exception it documents', () => {
    const used = new Set(LIVE_COMMANDS.map((entry) => `${SERVICES[entry.service].iamPrefix}:${entry.command}`));
    expect(Object.keys(IAM_ACTION_EXCEPTIONS).filter((key) => !used.has(key))).toEqual([]);
  });

  it('answers whether a command may be sent', () => {
    expect(liveCommand('ec2', 'DescribeSubnets')?.iamActions).toEqual(['ec2:DescribeSubnets']);
    expect(liveCommand('ec2', 'DeleteVpc')).toBeUndefined();
  });
});

/** The checker's service id for an SDK client package name. */
const SERVICE_OF_PACKAGE: Readonly<Record<string, LiveService>> = {
  'elastic-load-balancing-v2': 'elbv2',
  'auto-scaling': 'autoscaling',
  'secrets-manager': 'secretsmanager',
  'route-53': 'route53',
};

/** Every `XxxCommand` a source file imports (statically or with await import) from an AWS SDK client, as "service:Xxx". */
function sdkCommandsIn(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /import\s*\{([^}]*)\}\s*from\s*['"]@aws-sdk\/client-([a-z0-9-]+)['"]/g,
    /\{([^}]*)\}\s*=\s*await\s+import\(\s*['"]@aws-sdk\/client-([a-z0-9-]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const service = SERVICE_OF_PACKAGE[match[2]] ?? match[2];
      for (const name of match[1].split(',').map((part) => part.trim().split(/\s+as\s+/)[0])) {
        if (name.endsWith('Command') && !name.startsWith('type ')) found.push(`${service}:${name.slice(0, -'Command'.length)}`);
      }
    }
  }
  return found;
}

/**
 * The checker's own source files: everything reachable through relative imports from the CLI entry
 * and the live loader (which the CLI requires only for --live). Test files and test harnesses are
 * not reachable, so their setup calls (creating stacks on an emulator) do not count.
 */
function checkerSources(root: string): string[] {
  const seen = new Set<string>();
  const queue = [path.join(root, 'cli.ts'), path.join(root, 'sources', 'live', 'index.ts')];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from\s*|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find((candidate) => fs.existsSync(candidate));
      if (resolved) queue.push(resolved);
    }
  }
  return [...seen];
}

describe('every AWS SDK command the checker can send', () => {
  const root = path.resolve(__dirname, '..', '..');
  const files = checkerSources(root);

  it('finds commands in the ways sources import them', () => {
    expect(sdkCommandsIn("import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';")).toEqual(['ec2:DescribeVpcs']);
    expect(sdkCommandsIn("const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');")).toEqual([
      'sts:GetCallerIdentity',
    ]);
    expect(sdkCommandsIn("import { DeleteStackCommand as Del } from '@aws-sdk/client-cloudformation';")).toEqual([
      'cloudformation:DeleteStack',
    ]);
    expect(sdkCommandsIn("import type { DescribeVpcsResult } from '@aws-sdk/client-ec2';")).toEqual([]);
  });

  it('is in the read-only list, wherever in the checker it is sent from', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toEqual(
      expect.arrayContaining([
        path.join(root, 'commands', 'check.ts'),
        path.join(root, 'sources', 'live', 'fetchers', 'ec2', 'instance.ts'),
      ]),
    );
    const allowed = new Set(LIVE_COMMANDS.map((entry) => `${entry.service}:${entry.command}`));
    const outside = files.flatMap((file) =>
      sdkCommandsIn(fs.readFileSync(file, 'utf8'))
        .filter((command) => !allowed.has(command))
        .map((command) => `${path.relative(root, file)}: ${command}`),
    );
    expect(outside).toEqual([]);
  });
});
