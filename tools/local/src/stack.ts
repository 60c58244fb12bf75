import fs from 'node:fs';
import path from 'node:path';
import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListStackResourcesCommand,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { DeleteObjectsCommand, GetBucketWebsiteCommand, ListObjectVersionsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** The status of a stack, or undefined when it does not exist. */
export async function stackStatus(cfn: CloudFormationClient, stackName: string): Promise<string | undefined> {
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const status = Stacks?.[0]?.StackStatus;
    return status === 'DELETE_COMPLETE' ? undefined : status;
  } catch (error) {
    if (/does not exist/i.test((error as Error).message)) return undefined;
    throw error;
  }
}

/** Every resource of a stack (all pages of ListStackResources). */
export async function listStackResources(cfn: CloudFormationClient, stackName: string): Promise<StackResourceSummary[]> {
  const all: StackResourceSummary[] = [];
  let token: string | undefined;
  do {
    const page = await cfn.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }));
    all.push(...(page.StackResourceSummaries ?? []));
    token = page.NextToken;
  } while (token);
  return all;
}

/** Stack states a new deploy cannot start from, which an interrupted or failed first deploy leaves behind. */
export const LEFTOVER_STATES = ['REVIEW_IN_PROGRESS', 'ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'CREATE_FAILED', 'DELETE_FAILED'];

/** What to do before deploying over a stack in `status`: go on, delete the leftover first, wait, or give up. */
export function recoveryFor(status: string | undefined): 'none' | 'delete' | 'wait' | 'stuck' {
  if (!status) return 'none';
  if (LEFTOVER_STATES.includes(status)) return 'delete';
  if (status.endsWith('_IN_PROGRESS')) return 'wait';
  if (status === 'UPDATE_ROLLBACK_FAILED') return 'stuck';
  return 'none';
}

/**
 * Makes a stack deployable again after an interrupted or failed deploy: waits for an operation in progress,
 * deletes a leftover that never finished creating. Returns the status it found, and whether it deleted it.
 */
export async function recoverStack(
  cfn: CloudFormationClient,
  stackName: string,
  waitMs = 120_000,
): Promise<{ found?: string; deleted: boolean; stuck?: string }> {
  let status = await stackStatus(cfn, stackName);
  const found = status;
  const deadline = Date.now() + waitMs;
  while (recoveryFor(status) === 'wait' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    status = await stackStatus(cfn, stackName);
  }
  const action = recoveryFor(status);
  if (action === 'wait' || action === 'stuck') return { found, deleted: false, stuck: status };
  if (action === 'delete') {
    await cfn.send(new DeleteStackCommand({ StackName: stackName }));
    const until = Date.now() + waitMs;
    while ((await stackStatus(cfn, stackName)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { found, deleted: true };
  }
  return { found, deleted: false };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type S3 should serve a file with. */
export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/**
 * The bucket a lab's static files go to: the stack's bucket with website hosting, else the one whose
 * logical id names a site. Undefined when the stack has no such bucket.
 */
export async function findSiteBucket(s3: S3Client, resources: StackResourceSummary[]): Promise<string | undefined> {
  const buckets = resources.filter((r) => r.ResourceType === 'AWS::S3::Bucket' && r.PhysicalResourceId);
  for (const bucket of buckets) {
    try {
      const website = await s3.send(new GetBucketWebsiteCommand({ Bucket: bucket.PhysicalResourceId }));
      if (website.IndexDocument) return bucket.PhysicalResourceId;
    } catch {
      // no website configuration
    }
  }
  return buckets.find((b) => /site/i.test(b.LogicalResourceId ?? ''))?.PhysicalResourceId;
}

/** Uploads every file of `dir` to `bucket` with its Content-Type; returns the number of files. */
export async function uploadDir(s3: S3Client, bucket: string, dir: string): Promise<number> {
  const files = listFiles(dir);
  for (const file of files) {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: file, Body: fs.readFileSync(path.join(dir, file)), ContentType: contentType(file) }),
    );
  }
  return files.length;
}

/** Deletes every object version of a bucket so CloudFormation can delete the bucket; returns how many. */
export async function emptyBucket(s3: S3Client, bucket: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
      Key: v.Key as string,
      VersionId: v.VersionId ?? undefined,
    }));
    if (objects.length === 0) return deleted;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    deleted += objects.length;
  }
}

/** A resource that outlives its stack. */
export interface Leftover {
  logicalId: string;
  type: string;
  physicalId: string;
  why: 'retained' | 'snapshot' | 'delete-failed';
  /** The stack gives it a fixed name, so deploying the stack again fails until it is deleted. */
  blocksRedeploy?: boolean;
}

/** Resources of a template whose DeletionPolicy keeps them (or a snapshot of them) after the stack is gone. */
export function retainedResources(templateBody: string, resources: StackResourceSummary[]): Leftover[] {
  const template = JSON.parse(templateBody) as { Resources?: Record<string, { Type: string; DeletionPolicy?: string }> };
  const out: Leftover[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const policy = resource.DeletionPolicy;
    if (policy !== 'Retain' && policy !== 'RetainExceptOnUpdate' && policy !== 'Snapshot') continue;
    const live = resources.find((r) => r.LogicalResourceId === logicalId);
    if (!live?.PhysicalResourceId) continue;
    out.push({ logicalId, type: resource.Type, physicalId: live.PhysicalResourceId, why: policy === 'Snapshot' ? 'snapshot' : 'retained' });
  }
  return out;
}

/** The deployed template of a stack as a JSON string. */
export async function deployedTemplate(cfn: CloudFormationClient, stackName: string): Promise<string> {
  const { TemplateBody } = await cfn.send(new GetTemplateCommand({ StackName: stackName }));
  return typeof TemplateBody === 'string' ? TemplateBody : JSON.stringify(TemplateBody ?? {});
}

/** Resource types that keep costing money when left behind, with what is billed (English, Korean). */
export const BILLABLE_TYPES: Record<string, { en: string; ko: string }> = {
  'AWS::RDS::DBInstance': { en: 'database snapshot storage, per GB-month', ko: 'DB 스냅샷 저장 요금(GB-월)' },
  'AWS::RDS::DBCluster': { en: 'database snapshot storage, per GB-month', ko: 'DB 스냅샷 저장 요금(GB-월)' },
  'AWS::S3::Bucket': { en: 'S3 storage and requests', ko: 'S3 저장 및 요청 요금' },
  'AWS::Logs::LogGroup': { en: 'CloudWatch Logs storage', ko: 'CloudWatch Logs 저장 요금' },
  'AWS::KMS::Key': { en: 'USD 1 per key-month until it is deleted', ko: '삭제될 때까지 키당 월 1 USD' },
  'AWS::SecretsManager::Secret': { en: 'USD 0.40 per secret-month', ko: '비밀당 월 0.40 USD' },
  'AWS::EC2::EIP': { en: 'public IPv4 address, per hour', ko: '퍼블릭 IPv4 주소 시간당 요금' },
  'AWS::EC2::Instance': { en: 'EC2 instance hours', ko: 'EC2 인스턴스 시간 요금' },
  'AWS::EC2::NatGateway': { en: 'NAT gateway hours and data', ko: 'NAT 게이트웨이 시간 및 데이터 요금' },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { en: 'load balancer hours', ko: '로드 밸런서 시간 요금' },
  'AWS::EC2::Volume': { en: 'EBS storage, per GB-month', ko: 'EBS 저장 요금(GB-월)' },
};

/** Logical ids a template value reads through Ref or Fn::GetAtt (also inside Fn::Sub strings). */
function referencedIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => referencedIds(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') out.add(inner);
      else if (key === 'Fn::GetAtt') out.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        for (const match of String(text).matchAll(/\$\{([^.}!]+)[.}]/g)) out.add(match[1]);
        if (Array.isArray(inner)) referencedIds(inner[1], out);
      } else referencedIds(inner, out);
    }
  }
  return out;
}

/**
 * Removes the stack outputs that read a resource of a type the emulator does not create (moto answers
 * every DescribeStacks of such a stack with an error, which fails the deploy). Returns the names dropped.
 */
export function dropOutputsOfUncreated(
  template: { Resources?: Record<string, { Type?: string }>; Outputs?: Record<string, unknown> },
  unsupportedTypes: readonly string[],
): string[] {
  const uncreated = new Set(
    Object.entries(template.Resources ?? {})
      .filter(([, r]) => unsupportedTypes.includes(r.Type ?? ''))
      .map(([id]) => id),
  );
  const dropped = Object.keys(template.Outputs ?? {}).filter((name) =>
    [...referencedIds(template.Outputs?.[name])].some((id) => uncreated.has(id)),
  );
  for (const name of dropped) delete template.Outputs?.[name];
  if (template.Outputs && Object.keys(template.Outputs).length === 0) delete template.Outputs;
  return dropped;
}
