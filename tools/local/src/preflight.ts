import fs from 'node:fs';
import { BackupClient, DescribeBackupVaultCommand } from '@aws-sdk/client-backup';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { templateFile } from './cdk';
import type { DeployStack, StackContext } from './context';
import { recoveryFor, stackStatus } from './stack';

/** The values CloudFormation gives a stack's pseudo parameters, which a fixed name may read. */
export interface StackPseudo {
  /** The account, when known (from STS GetCallerIdentity); names that read it are skipped without it. */
  readonly account?: string;
  readonly region: string;
  readonly stackName: string;
}

/** A retained resource the template names with a fixed physical name, resolved for one stack. */
export interface FixedName {
  readonly stackName: string;
  readonly region: string;
  readonly logicalId: string;
  readonly type: string;
  readonly name: string;
}

/** The part of a CloudFormation template the scan reads. */
export interface TemplateLike {
  Resources?: Record<string, { Type?: string; DeletionPolicy?: unknown; Properties?: Record<string, unknown> }>;
}

/** Read-only clients in one Region (made on first use), for the existence checks of {@link FIXED_NAME_TYPES}. */
export class RegionProbe {
  private readonly clients: Array<{ destroy(): void }> = [];
  private backupClient?: BackupClient;
  private s3Client?: S3Client;
  private secretsClient?: SecretsManagerClient;
  private kmsClient?: KMSClient;

  constructor(
    /** SDK client settings of the target (endpoint and credentials for local AWS), without the Region. */
    readonly clientConfig: Record<string, unknown>,
    readonly region: string,
  ) {}

  private config() {
    return { ...this.clientConfig, region: this.region, maxAttempts: 2 };
  }

  /** AWS Backup in this Region. */
  backup(): BackupClient {
    return (this.backupClient ??= this.keep(new BackupClient(this.config())));
  }

  /** Amazon S3 in this Region. */
  s3(): S3Client {
    return (this.s3Client ??= this.keep(new S3Client(this.config())));
  }

  /** AWS Secrets Manager in this Region. */
  secrets(): SecretsManagerClient {
    return (this.secretsClient ??= this.keep(new SecretsManagerClient(this.config())));
  }

  /** AWS KMS in this Region. */
  kms(): KMSClient {
    return (this.kmsClient ??= this.keep(new KMSClient(this.config())));
  }

  /** Closes every client this probe made. */
  close(): void {
    this.clients.forEach((client) => client.destroy());
  }

  private keep<T extends { destroy(): void }>(client: T): T {
    this.clients.push(client);
    return client;
  }
}

/** Whether a resource of one type with one name exists in the probe's Region: true, false, or undefined when the call cannot tell. */
type Exists = (probe: RegionProbe, name: string) => Promise<boolean | undefined>;

/** What an SDK error says about existence: `missing` errors mean absent, other answers from the service undefined. */
function answerOf(error: unknown, missing: readonly string[]): false | undefined {
  return missing.includes((error as { name?: string }).name ?? '') ? false : undefined;
}

const vaultExists: Exists = async (probe, name) => {
  try {
    await probe.backup().send(new DescribeBackupVaultCommand({ BackupVaultName: name }));
    return true;
  } catch (error) {
    return answerOf(error, ['ResourceNotFoundException']);
  }
};

const bucketExists: Exists = async (probe, name) => {
  try {
    await probe.s3().send(new HeadBucketCommand({ Bucket: name }));
    return true;
  } catch (error) {
    // S3 answers 404 for a name nobody holds; 403 (another account's bucket) and 301 (a bucket in another
    // Region) mean the name is taken all the same: bucket names are global.
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return false;
    return status === 403 || status === 301 ? true : undefined;
  }
};

const aliasExists: Exists = async (probe, name) => {
  try {
    await probe.kms().send(new DescribeKeyCommand({ KeyId: name }));
    return true;
  } catch (error) {
    return answerOf(error, ['NotFoundException']);
  }
};

const secretExists: Exists = async (probe, name) => {
  try {
    // A secret scheduled for deletion is still found here, and still holds its name until it is gone.
    await probe.secrets().send(new DescribeSecretCommand({ SecretId: name }));
    return true;
  } catch (error) {
    return answerOf(error, ['ResourceNotFoundException']);
  }
};

/**
 * Resource types whose retained resources block a new stack that gives them the same fixed name: the property
 * that holds the name, the read-only call that finds one, and how it is asked. Add a row to cover another type.
 */
export const FIXED_NAME_TYPES: Readonly<Record<string, { readonly property: string; readonly action: string; readonly exists: Exists }>> = {
  'AWS::Backup::BackupVault': { property: 'BackupVaultName', action: 'backup:DescribeBackupVault', exists: vaultExists },
  'AWS::S3::Bucket': { property: 'BucketName', action: 's3:HeadBucket', exists: bucketExists },
  'AWS::KMS::Alias': { property: 'AliasName', action: 'kms:DescribeKey', exists: aliasExists },
  'AWS::SecretsManager::Secret': { property: 'Name', action: 'secretsmanager:DescribeSecret', exists: secretExists },
};

/** The DeletionPolicy values that keep a resource (and its name) after its stack is deleted. */
const RETAINING = new Set(['Retain', 'RetainExceptOnUpdate']);

/** The partition a Region belongs to, as CloudFormation's AWS::Partition gives it. */
function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** CloudFormation's pseudo parameters for one stack (AWS::AccountId only when the account is known). */
function pseudoParameters(pseudo: StackPseudo): Record<string, string | undefined> {
  return {
    'AWS::AccountId': pseudo.account,
    'AWS::Region': pseudo.region,
    'AWS::StackName': pseudo.stackName,
    'AWS::Partition': partitionOf(pseudo.region),
    'AWS::URLSuffix': partitionOf(pseudo.region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com',
  };
}

/**
 * Resolves a template value to the name CloudFormation would give: literals, pseudo parameters (Ref), and
 * Fn::Join and Fn::Sub over them. Undefined when it reads anything else (a parameter, another resource),
 * whose value is only known at deploy time.
 */
export function resolveName(value: unknown, pseudo: StackPseudo): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [fn, arg] = entries[0];
  if (fn === 'Ref') return typeof arg === 'string' ? pseudoParameters(pseudo)[arg] : undefined;
  if (fn === 'Fn::Join') {
    if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return undefined;
    const parts = (arg[1] as unknown[]).map((part) => resolveName(part, pseudo));
    return parts.every((part): part is string => part !== undefined) ? parts.join(arg[0]) : undefined;
  }
  if (fn === 'Fn::Sub') {
    const [text, variables] = Array.isArray(arg) ? arg : [arg, {}];
    if (typeof text !== 'string' || !variables || typeof variables !== 'object') return undefined;
    const values: Record<string, string | undefined> = { ...pseudoParameters(pseudo) };
    for (const [key, inner] of Object.entries(variables as Record<string, unknown>)) values[key] = resolveName(inner, pseudo);
    let unresolved = false;
    const out = text.replace(/\$\{(!?)([^}]*)\}/g, (whole, literal: string, key: string) => {
      if (literal) return `\${${key}}`;
      const found = values[key];
      if (found === undefined) unresolved = true;
      return found ?? whole;
    });
    return unresolved ? undefined : out;
  }
  return undefined;
}

/**
 * The resources of a template that are retained when the stack is deleted and have a fixed physical name of a
 * type in {@link FIXED_NAME_TYPES}, with the name resolved for the stack. Generated names (no name property)
 * and names that cannot be resolved before the deploy are left out.
 */
export function retainedFixedNames(template: TemplateLike, pseudo: StackPseudo): FixedName[] {
  const out: FixedName[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const kind = FIXED_NAME_TYPES[resource.Type ?? ''];
    if (!kind || !RETAINING.has(String(resource.DeletionPolicy))) continue;
    const name = resolveName(resource.Properties?.[kind.property], pseudo);
    if (name === undefined || name === '') continue;
    out.push({ stackName: pseudo.stackName, region: pseudo.region, logicalId, type: resource.Type as string, name });
  }
  return out;
}

/** The names of `names` that a resource already holds, asked read-only in each name's Region; those it cannot tell are left out. */
export async function existingNames(names: readonly FixedName[], probeIn: (region: string) => RegionProbe): Promise<FixedName[]> {
  const found = await Promise.all(names.map((item) => FIXED_NAME_TYPES[item.type].exists(probeIn(item.region), item.name)));
  return names.filter((_, index) => found[index] === true);
}

/** A stack the deploy would create rather than update, and whether it exists now (so --replace would delete it first). */
export interface StackToCreate {
  readonly stack: DeployStack;
  readonly replacing: boolean;
}

/**
 * The lab's stacks the deploy would create: those that do not exist, those an unfinished first deploy left
 * (removed before deploying), and with --replace every existing one.
 */
export async function stacksToCreate(context: StackContext): Promise<StackToCreate[]> {
  const out: StackToCreate[] = [];
  for (const stack of context.stacks) {
    const status = await stackStatus(context.forStack(stack).cfn, stack.name);
    if (!status || recoveryFor(status) === 'delete') out.push({ stack, replacing: false });
    else if (context.args.replace) out.push({ stack, replacing: true });
  }
  return out;
}

/**
 * The retained fixed names of the stacks the deploy would create (read from their synthesized templates in
 * `assembly`) that a resource already holds in the stack's Region: CloudFormation would fail to create them.
 * Only read calls are made; the account comes from the target (STS), the Region from the stack.
 */
export async function blockingLeftovers(context: StackContext, assembly: string, creating: readonly StackToCreate[]): Promise<FixedName[]> {
  const names = creating.flatMap(({ stack }) => {
    let template: TemplateLike;
    try {
      template = JSON.parse(fs.readFileSync(templateFile(assembly, stack.name), 'utf8')) as TemplateLike;
    } catch {
      return [];
    }
    return retainedFixedNames(template, { account: context.target.account, region: stack.regionName, stackName: stack.name });
  });
  if (names.length === 0) return [];
  const probes = new Map<string, RegionProbe>();
  const probeIn = (region: string) => {
    let probe = probes.get(region);
    if (!probe) probes.set(region, (probe = new RegionProbe(context.target.clientConfig, region)));
    return probe;
  };
  try {
    return await existingNames(names, probeIn);
  } finally {
    probes.forEach((probe) => probe.close());
  }
}
