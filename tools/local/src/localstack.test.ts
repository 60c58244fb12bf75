import { spawnSync } from 'node:child_process';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { localClientConfig } from './env';
import { LOCALSTACK_IMAGE, localstackImage, startLocalStack, stopLocalStack } from './localstack';
import { listStackResources, stackStatus } from './stack';

// getContainerRuntimeClient rejects within milliseconds without a Docker engine. Jest decides what to
// skip before any test runs, so ask once, synchronously, in a child process.
const probe = spawnSync(
  process.execPath,
  [
    '-e',
    "require('testcontainers').getContainerRuntimeClient().then(() => process.exit(0), (e) => { console.log(String(e.message).split('\\n')[0]); process.exit(1); })",
  ],
  { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DEBUG: '' } },
);
const docker = probe.status === 0;
const reason = `no Docker engine: ${probe.stdout.trim() || 'the probe timed out'}`;
if (!docker) process.stderr.write(`skipped: LocalStack via testcontainers (${reason})\n`);

describe('LocalStack image choice', () => {
  test('pins 4.14.0 and honours LOCALSTACK_IMAGE', () => {
    expect(LOCALSTACK_IMAGE).toBe('localstack/localstack:4.14.0');
    expect(localstackImage({})).toBe('localstack/localstack:4.14.0');
    expect(localstackImage({ LOCALSTACK_IMAGE: 'localstack/localstack-pro:4.14.0' })).toBe('localstack/localstack-pro:4.14.0');
  });
});

(docker ? describe : describe.skip)(docker ? 'LocalStack via testcontainers' : `LocalStack via testcontainers (skipped: ${reason})`, () => {
  test('starts, deploys a stack, lists its resources, and is removed by id', async () => {
    const state = await startLocalStack();
    try {
      expect(state.kind).toBe('localstack');
      expect(state.endpoint).toMatch(/^http:\/\/[\d.]+:\d+$/);
      expect(state.services).toContain('cloudformation');
      const cfn = new CloudFormationClient(localClientConfig(state));
      await cfn.send(
        new CreateStackCommand({
          StackName: 'WorkshopSmoke',
          TemplateBody: JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } }),
        }),
      );
      for (let i = 0; i < 60 && (await stackStatus(cfn, 'WorkshopSmoke')) !== 'CREATE_COMPLETE'; i++)
        await new Promise((r) => setTimeout(r, 1_000));
      const resources = await listStackResources(cfn, 'WorkshopSmoke');
      expect(resources.map((r) => r.ResourceType)).toEqual(['AWS::EC2::VPC']);
      cfn.destroy();
    } finally {
      if (state.containerId) await stopLocalStack(state.containerId);
    }
  }, 600_000);
});
