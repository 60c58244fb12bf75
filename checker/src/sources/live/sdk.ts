import type { AwsRequest, Transport } from './caller';
import type { LiveService } from './commands';
import { quietSdkNodeWarning } from './node-notice';

/** Where and as whom the SDK clients connect. */
export interface SdkOptions {
  readonly region?: string;
  readonly profile?: string;
  /** A local target (LocalStack, the embedded emulator); S3 then uses path-style addressing. */
  readonly endpoint?: string;
  /** Attempts per call, including the first (adaptive retry mode). */
  readonly maxAttempts?: number;
}

interface SdkModule {
  readonly [name: string]: unknown;
}

type ClientClass = new (config: Record<string, unknown>) => {
  send(command: unknown): Promise<unknown>;
  config: { region: () => Promise<string> };
};
type CommandClass = new (input: unknown) => unknown;

// Clients load lazily so a run only pays for the services its stack uses.
const CLIENTS: Readonly<Record<LiveService, { load: () => Promise<SdkModule>; client: string }>> = {
  sts: { load: () => import('@aws-sdk/client-sts'), client: 'STSClient' },
  cloudformation: { load: () => import('@aws-sdk/client-cloudformation'), client: 'CloudFormationClient' },
  ec2: { load: () => import('@aws-sdk/client-ec2'), client: 'EC2Client' },
  autoscaling: { load: () => import('@aws-sdk/client-auto-scaling'), client: 'AutoScalingClient' },
  elbv2: { load: () => import('@aws-sdk/client-elastic-load-balancing-v2'), client: 'ElasticLoadBalancingV2Client' },
  rds: { load: () => import('@aws-sdk/client-rds'), client: 'RDSClient' },
  elasticache: { load: () => import('@aws-sdk/client-elasticache'), client: 'ElastiCacheClient' },
  backup: { load: () => import('@aws-sdk/client-backup'), client: 'BackupClient' },
  ssm: { load: () => import('@aws-sdk/client-ssm'), client: 'SSMClient' },
  secretsmanager: { load: () => import('@aws-sdk/client-secrets-manager'), client: 'SecretsManagerClient' },
  s3: { load: () => import('@aws-sdk/client-s3'), client: 'S3Client' },
  iam: { load: () => import('@aws-sdk/client-iam'), client: 'IAMClient' },
  cloudfront: { load: () => import('@aws-sdk/client-cloudfront'), client: 'CloudFrontClient' },
  wafv2: { load: () => import('@aws-sdk/client-wafv2'), client: 'WAFV2Client' },
  cloudtrail: { load: () => import('@aws-sdk/client-cloudtrail'), client: 'CloudTrailClient' },
  cloudwatch: { load: () => import('@aws-sdk/client-cloudwatch'), client: 'CloudWatchClient' },
  guardduty: { load: () => import('@aws-sdk/client-guardduty'), client: 'GuardDutyClient' },
  route53: { load: () => import('@aws-sdk/client-route-53'), client: 'Route53Client' },
};

/** The SDK module of a service (used by tests to check every listed command exists). */
export function loadSdkModule(service: LiveService): Promise<SdkModule> {
  return CLIENTS[service].load();
}

/** The region the loader uses when none is given: flag, then AWS_REGION/AWS_DEFAULT_REGION; us-east-1 for local targets. */
export function defaultRegion(options: Pick<SdkOptions, 'region' | 'endpoint'>): string | undefined {
  return options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? (options.endpoint ? 'us-east-1' : undefined);
}

// Local targets accept any key; fixed test credentials keep a learner's real keys away from them.
const LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * A transport that sends requests with AWS SDK v3 clients: one client per service and region,
 * adaptive retries, short connection timeouts, and the standard credential chain (or `--profile`).
 */
export function sdkTransport(options: SdkOptions): Transport & { region(): Promise<string | undefined> } {
  quietSdkNodeWarning();
  const clients = new Map<string, Promise<InstanceType<ClientClass>>>();
  let credentials: Promise<unknown> | undefined;
  const region = defaultRegion(options);

  const credentialsFor = (): Promise<unknown> => {
    credentials ??= (async () => {
      if (options.endpoint && !options.profile) return LOCAL_CREDENTIALS;
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      return fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
    })();
    return credentials;
  };

  const clientFor = (service: LiveService, callRegion: string | undefined): Promise<InstanceType<ClientClass>> => {
    const key = `${service}|${callRegion ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = (async () => {
        const module = await CLIENTS[service].load();
        const Client = module[CLIENTS[service].client] as ClientClass;
        return new Client({
          region: callRegion,
          profile: options.profile,
          endpoint: options.endpoint,
          credentials: await credentialsFor(),
          retryMode: 'adaptive',
          maxAttempts: options.maxAttempts ?? 5,
          requestHandler: { connectionTimeout: 3000, requestTimeout: 20000 },
          ...(service === 's3' && options.endpoint ? { forcePathStyle: true } : {}),
        });
      })();
      clients.set(key, client);
    }
    return client;
  };

  const transport = async (request: AwsRequest): Promise<unknown> => {
    const client = await clientFor(request.service, request.region ?? region);
    const module = await CLIENTS[request.service].load();
    const Command = module[`${request.command}Command`] as CommandClass | undefined;
    if (!Command) throw new Error(`the AWS SDK has no ${request.command}Command for ${request.service}`);
    return client.send(new Command(request.input));
  };

  return Object.assign(transport, {
    /** The region the clients resolved (flag, environment or profile). */
    region: async (): Promise<string | undefined> => {
      if (region) return region;
      try {
        return await (await clientFor('cloudformation', undefined)).config.region();
      } catch {
        return undefined;
      }
    },
  });
}
