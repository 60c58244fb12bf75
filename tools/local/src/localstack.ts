import { LocalError, msg } from './messages';
import { waitForEndpoint } from './health';
import type { LocalState } from './state';

/** The pinned LocalStack image: 4.14.0 is the last tag that starts without LOCALSTACK_AUTH_TOKEN. */
export const LOCALSTACK_IMAGE = 'localstack/localstack:4.14.0';

/** The image to run: LOCALSTACK_IMAGE overrides the pinned default (for learners with a LocalStack plan). */
export function localstackImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOCALSTACK_IMAGE?.trim() || LOCALSTACK_IMAGE;
}

/**
 * Resource types of the labs that LocalStack's free tier does not really create: its CloudFormation
 * reports them CREATE_COMPLETE as no-ops (or fails on them), and their describe calls fail. Measured
 * with localstack-core 4.14.0 in host mode, the code of the pinned image (MEASUREMENTS.md). A plan with
 * an auth token emulates more, so the list is empty then and the checker finds out per resource.
 */
export const LOCALSTACK_FREE_UNSUPPORTED_TYPES = [
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::AutoScaling::ScalingPolicy',
  'AWS::CloudFront::Distribution',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::CloudTrail::Trail',
  'AWS::EC2::EIP',
  'AWS::EC2::LaunchTemplate',
  'AWS::EC2::NatGateway',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::GuardDuty::Detector',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBSubnetGroup',
  'AWS::Route53::HostedZone',
  'AWS::Route53::RecordSet',
  'AWS::WAFv2::WebACL',
  'AWS::WAFv2::WebACLAssociation',
];

/** Whether a Docker engine answers; `reason` is the first line of the error when not (it fails within milliseconds). */
export async function dockerStatus(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: String((error as Error).message ?? error).split('\n')[0] };
  }
}

/** The services LocalStack reports as available in /_localstack/health. */
export async function localstackServices(endpoint: string): Promise<string[]> {
  const response = await fetch(`${endpoint}/_localstack/health`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as { services?: Record<string, string> };
  return Object.entries(body.services ?? {})
    .filter(([, status]) => status !== 'disabled' && status !== 'error')
    .map(([name]) => name)
    .sort();
}

/**
 * Starts LocalStack through testcontainers, or reuses the container a previous `up` left running (reuse is
 * keyed by the container's settings), and returns its state. The Ryuk reaper is off so the container
 * outlives this command; `down` removes it by id.
 */
export async function startLocalStack(env: NodeJS.ProcessEnv = process.env): Promise<LocalState> {
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  const { LocalstackContainer } = await import('@testcontainers/localstack');
  const image = localstackImage(env);
  const token = env.LOCALSTACK_AUTH_TOKEN?.trim();
  let container = new LocalstackContainer(image).withReuse().withLabels({ 'workshop.local': 'true' });
  if (token) container = container.withEnvironment({ LOCALSTACK_AUTH_TOKEN: token });
  const started = await container.start();
  const endpoint = started.getConnectionUri().replace('://localhost:', '://127.0.0.1:');
  const region = 'us-east-1';
  const accountId = await waitForEndpoint(endpoint, region, 60_000).catch(() => {
    throw new LocalError(msg.endpointDown(endpoint, `docker logs ${started.getId()}`));
  });
  return {
    endpoint,
    kind: 'localstack',
    flavor: token ? `${image} (auth token)` : image,
    services: await localstackServices(endpoint),
    region,
    accountId,
    unsupportedResourceTypes: token ? [] : LOCALSTACK_FREE_UNSUPPORTED_TYPES,
    containerId: started.getId(),
    startedAt: new Date().toISOString(),
  };
}

/** Stops and removes the LocalStack container recorded in the state (nothing when it is already gone). */
export async function stopLocalStack(containerId: string): Promise<void> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  const client = await getContainerRuntimeClient();
  const container = client.container.getById(containerId);
  try {
    await client.container.stop(container, { timeout: 10_000 });
  } catch {
    // already stopped
  }
  try {
    await client.container.remove(container, { removeVolumes: true });
  } catch {
    // already removed
  }
}
