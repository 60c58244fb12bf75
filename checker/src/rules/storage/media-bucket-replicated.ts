import { primaryMediaBuckets, replicationRole, replicationRules } from '../../model/queries/media-copies';
import { bucketNamed, versioningEnabled } from '../../model/queries/storage';
import { literalText } from '../../model/queries/backup';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { absent, THINGS } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** The media bucket is versioned and replicated to a versioned bucket in the other Region. */
export const mediaBucketReplicated: Rule = {
  id: 'media-bucket-replicated',
  area: 'storage',
  title: {
    en: 'The media bucket is versioned and replicates, through a role, to a versioned bucket in another Region',
    ko: '미디어 버킷이 버전 관리되고, 역할을 통해 다른 리전의 버전 관리 버킷으로 복제된다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'The shop asked for a separate backup of its images and video (the NAS backup). S3 Replication copies every new object version to a bucket in the secondary Region within minutes, so the media survives a Region-wide outage or a bucket deleted by mistake. S3 replicates versions, so both buckets need versioning, and S3 needs a role to read and write them.',
    ko: '쇼핑몰은 이미지와 동영상을 따로 백업하길 요구했습니다(NAS 백업). S3 복제는 새 객체 버전을 몇 분 안에 보조 리전의 버킷으로 복사하므로, 리전 전체 장애나 실수로 지운 버킷에도 미디어가 남습니다. S3는 버전을 복제하므로 두 버킷 모두 버전 관리가 필요하고, 읽고 쓸 역할도 필요합니다.',
  },
  fix: {
    en: "versioned: true on the media bucket and on the replica bucket (recovery stack, secondary Region); on the media bucket's CfnBucket set replicationConfiguration: { role: role.roleArn, rules: [{ status: 'Enabled', destination: { bucket: 'arn:aws:s3:::<replica name>' }, ... }] } with a role assumed by s3.amazonaws.com.",
    ko: "미디어 버킷과 복제 버킷(복구 스택, 보조 리전)에 versioned: true를 주고, 미디어 버킷의 CfnBucket에 replicationConfiguration: { role: role.roleArn, rules: [{ status: 'Enabled', destination: { bucket: 'arn:aws:s3:::<복제 버킷 이름>' }, ... }] }를 s3.amazonaws.com이 맡는 역할과 함께 주세요.",
  },
  guide: { lab: 'backup-dr', section: 'media-replication' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: S3에는 뭐가 들어갔나?' },
  modes: ['template', 'live'],
  services: ['s3', 'iam'],
  evaluate({ graph }) {
    const media = primaryMediaBuckets(graph);
    if (media.length === 0) return absent({ thing: THINGS.mediaBucket, reportedBy: 'media-bucket-private' });
    const problems = media.flatMap((bucket) => replicationProblems(graph, bucket));
    if (problems.length > 0) return failWith(problems);
    const pairs = media.map((bucket) => {
      const target = replicationRules(graph, bucket)
        .filter((rule) => rule.enabled)
        .map((rule) => bucketNamed(graph, rule.destination))
        .find((candidate) => candidate !== undefined) as Resource;
      return `${bucket.id} → ${target.id} (${graph.placement(target).regionName ?? graph.placement(target).region})`;
    });
    return {
      status: 'PASS',
      message: {
        en: `The media is replicated to another Region, both buckets versioned: ${pairs.join(', ')}.`,
        ko: `미디어가 다른 리전으로 복제되고, 두 버킷 모두 버전 관리됩니다: ${pairs.join(', ')}.`,
      },
      resources: media.map((bucket) => bucket.id),
    };
  },
};

function replicationProblems(graph: ResourceGraph, bucket: Resource): Problem[] {
  const problems: Problem[] = [];
  if (!versioningEnabled(graph, bucket)) {
    problems.push({
      en: `Media bucket ${bucket.id} is not versioned: S3 replicates object versions, so replication needs versioning on (versioned: true), and versions also undo an overwrite.`,
      ko: `미디어 버킷 ${bucket.id}에 버전 관리가 꺼져 있습니다. S3는 객체 버전을 복제하므로 복제하려면 버전 관리가 필요하고(versioned: true), 버전은 덮어쓴 것도 되돌려 줍니다.`,
      resources: [bucket.id],
    });
  }
  const rules = replicationRules(graph, bucket);
  const enabled = rules.filter((rule) => rule.enabled);
  if (enabled.length === 0) {
    problems.push({
      en:
        rules.length === 0
          ? `Media bucket ${bucket.id} is not replicated: a Region-wide outage or a mistaken delete loses the images and video. Add a replication rule to a versioned bucket in the secondary Region.`
          : `Media bucket ${bucket.id} has replication rules, but none is Enabled: nothing is copied. Set status: 'Enabled'.`,
      ko:
        rules.length === 0
          ? `미디어 버킷 ${withParticle(bucket.id, '이/가')} 복제되지 않습니다. 리전 전체 장애나 실수로 지우면 이미지와 동영상을 잃습니다. 보조 리전의 버전 관리 버킷으로 가는 복제 규칙을 추가하세요.`
          : `미디어 버킷 ${bucket.id}에 복제 규칙이 있지만 Enabled인 것이 없어 아무것도 복사되지 않습니다. status: 'Enabled'를 주세요.`,
      resources: [bucket.id],
    });
    return problems;
  }
  const judged = enabled.map((rule) => {
    const target = bucketNamed(graph, rule.destination);
    const shown = target?.id ?? literalText(rule.destination) ?? '?';
    if (!target) {
      return {
        en: `Media bucket ${bucket.id} replicates to ${shown}, which none of the lab's stacks creates: create the replica bucket, versioned, in the recovery stack (secondary Region) with exactly that name.`,
        ko: `미디어 버킷 ${withParticle(bucket.id, '이/가')} 복제하는 ${withParticle(shown, '은/는')} 실습의 어느 스택도 만들지 않습니다. 복구 스택(보조 리전)에 꼭 그 이름으로 버전 관리 복제 버킷을 만드세요.`,
        resources: [bucket.id],
      };
    }
    if (graph.placement(target).region === graph.placement(bucket).region) {
      return {
        en: `Media bucket ${bucket.id} replicates to ${target.id} in the same Region: a Region-wide outage takes both. Replicate to the bucket of the secondary Region's stack.`,
        ko: `미디어 버킷 ${withParticle(bucket.id, '이/가')} 같은 리전의 ${withParticle(target.id, '으로/로')} 복제합니다. 리전 전체 장애가 나면 둘 다 잃습니다. 보조 리전 스택의 버킷으로 복제하세요.`,
        resources: [bucket.id, target.id],
      };
    }
    if (!versioningEnabled(graph, target)) {
      return {
        en: `Replica bucket ${target.id} is not versioned: S3 refuses to replicate into it. Set versioned: true on it.`,
        ko: `복제 버킷 ${withParticle(target.id, '은/는')} 버전 관리가 꺼져 있어 S3가 그곳으로 복제하지 않습니다. versioned: true를 주세요.`,
        resources: [target.id],
      };
    }
    return undefined;
  });
  if (judged.every((problem) => problem !== undefined)) problems.push(...(judged as Problem[]));
  const role = replicationRole(graph, bucket);
  if (role === undefined || role === '') {
    problems.push({
      en: `Media bucket ${bucket.id} replicates without a role: S3 needs one (trusting s3.amazonaws.com) to read the versions and write the replicas.`,
      ko: `미디어 버킷 ${withParticle(bucket.id, '이/가')} 역할 없이 복제합니다. S3가 버전을 읽고 복제본을 쓰려면 s3.amazonaws.com을 신뢰하는 역할이 필요합니다.`,
      resources: [bucket.id],
    });
  }
  return problems;
}
