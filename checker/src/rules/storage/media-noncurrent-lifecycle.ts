import { lifecycleRules, primaryMediaBuckets, replicationRules } from '../../model/queries/media-copies';
import { bucketNamed, versioningEnabled } from '../../model/queries/storage';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { absent, THINGS } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** Noncurrent versions of the media (and of its replica) expire or move to a cheaper class. */
export const mediaNoncurrentLifecycle: Rule = {
  id: 'media-noncurrent-lifecycle',
  area: 'storage',
  title: {
    en: 'The media bucket, and its replica, expire or transition noncurrent versions with a lifecycle rule',
    ko: '미디어 버킷과 그 복제 버킷이 수명 주기 규칙으로 이전 버전을 만료하거나 더 싼 클래스로 옮긴다',
  },
  severity: 'medium',
  points: 5,
  why: {
    en: 'With versioning on, every overwritten or deleted image stays as a noncurrent version and is billed like the current one: 3 TB of media can quietly become 6. A lifecycle rule that moves old versions to Standard-IA and expires them after a while keeps the undo window and bounds the bill. Lifecycle rules are not replicated, so the replica bucket needs its own.',
    ko: '버전 관리를 켜면 덮어쓰거나 지운 이미지가 모두 이전 버전으로 남고 현재 버전처럼 요금이 붙습니다. 3TB 미디어가 모르는 사이에 6TB가 될 수 있습니다. 이전 버전을 Standard-IA로 옮기고 얼마 뒤 만료하는 수명 주기 규칙은 되돌릴 여유를 지키면서 비용을 묶어 둡니다. 수명 주기 규칙은 복제되지 않으므로 복제 버킷에도 따로 있어야 합니다.',
  },
  fix: {
    en: 'bucket.addLifecycleRule({ noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }], noncurrentVersionExpiration: Duration.days(90) }) on the media bucket, and a rule with noncurrentVersionExpiration on the replica bucket.',
    ko: '미디어 버킷에 bucket.addLifecycleRule({ noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }], noncurrentVersionExpiration: Duration.days(90) })를, 복제 버킷에도 noncurrentVersionExpiration이 있는 규칙을 주세요.',
  },
  guide: { lab: 'backup-dr', section: 'media-replication' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: S3에는 뭐가 들어갔나?' },
  modes: ['template', 'live'],
  services: ['s3'],
  resourceTypes: ['AWS::S3::Bucket.LifecycleConfiguration'],
  evaluate({ graph }) {
    const media = primaryMediaBuckets(graph);
    if (media.length === 0) return absent({ thing: THINGS.mediaBucket, reportedBy: 'media-bucket-private' });
    const judged = new Set<Resource>();
    const problems: Problem[] = [];
    for (const bucket of media) {
      const replicas = replicationRules(graph, bucket)
        .map((rule) => bucketNamed(graph, rule.destination))
        .filter((target): target is Resource => target !== undefined && target !== bucket);
      for (const [target, role] of [[bucket, 'media'] as const, ...replicas.map((replica) => [replica, 'replica'] as const)]) {
        if (judged.has(target)) continue;
        judged.add(target);
        const problem = noncurrentProblem(graph, target, role);
        if (problem) problems.push(problem);
      }
    }
    if (problems.length > 0) return failWith(problems);
    const described = [...judged].map((bucket) => `${bucket.id} (${describe(graph, bucket)})`);
    return {
      status: 'PASS',
      message: {
        en: `Old media versions do not pile up: ${described.join(', ')}.`,
        ko: `미디어의 이전 버전이 쌓이지 않습니다: ${described.join(', ')}.`,
      },
      resources: [...judged].map((bucket) => bucket.id),
    };
  },
};

function describe(graph: ResourceGraph, bucket: Resource): string {
  const rules = lifecycleRules(graph, bucket).filter((rule) => rule.enabled);
  const days = rules.map((rule) => rule.noncurrentExpirationDays).find((value) => value !== undefined);
  const moves = rules.flatMap((rule) => rule.noncurrentTransitions.map((move) => `${move.storageClass} ${move.days ?? 0}d`));
  return [...moves, ...(days !== undefined ? [`expire ${days}d`] : [])].join(', ');
}

function noncurrentProblem(graph: ResourceGraph, bucket: Resource, role: 'media' | 'replica'): Problem | undefined {
  if (!versioningEnabled(graph, bucket) && role === 'media') return undefined;
  const rules = lifecycleRules(graph, bucket).filter((rule) => rule.enabled);
  if (rules.some((rule) => rule.noncurrentExpirationDays !== undefined || rule.noncurrentTransitions.length > 0)) return undefined;
  return role === 'media'
    ? {
        en: `Media bucket ${bucket.id} is versioned but no lifecycle rule touches noncurrent versions: every overwritten or deleted image is kept, and billed, forever. Add noncurrentVersionTransitions and noncurrentVersionExpiration.`,
        ko: `미디어 버킷 ${withParticle(bucket.id, '은/는')} 버전 관리되지만 이전 버전을 다루는 수명 주기 규칙이 없어, 덮어쓰거나 지운 이미지가 모두 영원히 남고 요금이 붙습니다. noncurrentVersionTransitions와 noncurrentVersionExpiration을 추가하세요.`,
        resources: [bucket.id],
      }
    : {
        en: `Replica bucket ${bucket.id} has no lifecycle rule for noncurrent versions: lifecycle rules are not replicated, so old versions pile up there. Give it its own noncurrentVersionExpiration.`,
        ko: `복제 버킷 ${bucket.id}에 이전 버전을 다루는 수명 주기 규칙이 없습니다. 수명 주기 규칙은 복제되지 않으므로 그곳에 이전 버전이 쌓입니다. 복제 버킷에도 noncurrentVersionExpiration을 주세요.`,
        resources: [bucket.id],
      };
}
