import { ALL_SERVICES, type Service } from '../../../model/services';
import { unreachableError } from '../errors';
import {
  AWS_PROFILE,
  LOCALSTACK_FREE_SERVICES,
  LOCALSTACK_PAID_SERVICES,
  MOTO_SERVICES,
  MOTO_UNSUPPORTED_TYPES,
  type TargetProfile,
} from './profiles';

/** The HTTP GET detectTarget uses; tests pass a fake. Resolves undefined when nothing answers. */
export type Probe = (url: string) => Promise<{ status: number; body: string } | undefined>;

/** Health-endpoint service names per service (LocalStack and MiniStack spell some differently). */
const HEALTH_NAMES: Readonly<Record<Service, readonly string[]>> = {
  ec2: ['ec2'],
  elbv2: ['elbv2', 'elasticloadbalancing', 'elb'],
  autoscaling: ['autoscaling'],
  rds: ['rds'],
  elasticache: ['elasticache'],
  ssm: ['ssm'],
  backup: ['backup'],
  secretsmanager: ['secretsmanager'],
  route53: ['route53'],
  s3: ['s3'],
  iam: ['iam'],
  cloudfront: ['cloudfront'],
  wafv2: ['wafv2'],
  cloudtrail: ['cloudtrail'],
  cloudwatch: ['cloudwatch', 'monitoring'],
  logs: ['logs'],
  guardduty: ['guardduty'],
  kms: ['kms'],
  sts: ['sts'],
  cloudformation: ['cloudformation'],
};
const UP_STATES = new Set(['available', 'running', 'initialized']);

/** LocalStack editions that mean a paid plan ("community" and absent mean free). */
const PAID_EDITIONS = new Set(['pro', 'enterprise', 'team', 'base', 'ultimate', 'starter']);

/** The rule services a health response lists as up (available/running), or undefined when it lists none. */
export function servicesFromHealth(services: unknown): Service[] | undefined {
  if (typeof services !== 'object' || services === null) return undefined;
  const states = services as Record<string, unknown>;
  if (Object.keys(states).length === 0) return undefined;
  return ALL_SERVICES.filter((service) => HEALTH_NAMES[service].some((name) => UP_STATES.has(String(states[name]))));
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const defaultProbe: Probe = async (url) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2500) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
};

/**
 * The capability profile of a live target. Without an endpoint: real AWS. With one, asks the
 * endpoint what it is: MiniStack (`/_ministack/health`), LocalStack (`/_localstack/health`: its
 * edition says free or paid, its service list what runs), moto server (`/moto-api/`). An endpoint
 * that answers none of them is treated as AWS-compatible. Throws a LiveError (exit 3) when
 * nothing answers at all.
 */
export async function detectTarget(endpoint?: string, probe: Probe = defaultProbe): Promise<TargetProfile> {
  if (!endpoint) return AWS_PROFILE;
  const base = endpoint.replace(/\/+$/, '');
  const [ministack, localstack, moto, root] = await Promise.all([
    probe(`${base}/_ministack/health`),
    probe(`${base}/_localstack/health`),
    probe(`${base}/moto-api/`),
    probe(`${base}/`),
  ]);
  if (!ministack && !localstack && !moto && !root) throw unreachableError({ endpoint }, 'no answer');

  const ministackHealth = ministack?.status === 200 ? parseJson(ministack.body) : undefined;
  if (ministackHealth) {
    const version = typeof ministackHealth.version === 'string' ? ministackHealth.version : undefined;
    return {
      id: 'emulator',
      name: `MiniStack${version ? ` ${version}` : ''}`,
      endpoint,
      version,
      services: servicesFromHealth(ministackHealth.services) ?? [],
    };
  }

  const health = localstack?.status === 200 ? parseJson(localstack.body) : undefined;
  if (health && 'services' in health) {
    const edition = typeof health.edition === 'string' ? health.edition.toLowerCase() : 'community';
    const version = typeof health.version === 'string' ? health.version : undefined;
    const paid = PAID_EDITIONS.has(edition);
    const tier = paid ? LOCALSTACK_PAID_SERVICES : LOCALSTACK_FREE_SERVICES;
    const running = servicesFromHealth(health.services);
    return {
      id: paid ? 'localstack-paid' : 'localstack-free',
      name: `LocalStack${version ? ` ${version}` : ''} (${edition})`,
      endpoint,
      version,
      // The plan bounds what can run; the health list says what actually runs (a Base plan lists no CloudTrail).
      services: running ? tier.filter((service) => running.includes(service)) : tier,
    };
  }

  if (moto?.status === 200)
    return { id: 'emulator', name: 'moto server', endpoint, services: MOTO_SERVICES, unsupportedResourceTypes: MOTO_UNSUPPORTED_TYPES };

  return { id: 'emulator', name: `the endpoint ${endpoint}`, endpoint, services: ALL_SERVICES };
}
