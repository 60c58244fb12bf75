import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { ResourceGraph } from '../../model/graph';
import { launchedFromTemplate, serverDefinitions } from '../../model/queries/compute';
import { primaryDatabases } from '../../model/queries/database';
import { bucketEncryption, buckets } from '../../model/queries/storage';
import { booleanProp, listProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

/** Buckets, databases and every server disk are encrypted at rest. */
export const encryptionAtRest: Rule = {
  id: 'encryption-at-rest',
  area: 'security',
  title: {
    en: 'Everything that stores data is encrypted at rest: buckets, databases and server disks',
    ko: '데이터를 저장하는 모든 것이 암호화되어 있다: 버킷, 데이터베이스, 서버 디스크',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Encryption at rest protects data on disks, snapshots and backups that leave your control; with AWS-managed keys it costs nothing and no application notices.',
    ko: '저장 데이터 암호화는 통제를 벗어난 디스크, 스냅샷, 백업의 데이터를 보호합니다. AWS 관리형 키를 쓰면 비용도 없고 애플리케이션도 알아채지 못합니다.',
  },
  fix: {
    en: 'storageEncrypted: true on RDS; encryption on every s3.Bucket; blockDevices with ec2.BlockDeviceVolume.ebs(size, { encrypted: true }) on every launch template and instance.',
    ko: 'RDS에 storageEncrypted: true, 모든 s3.Bucket에 encryption, 모든 Launch Template과 인스턴스에 ec2.BlockDeviceVolume.ebs(크기, { encrypted: true })를 쓴 blockDevices를 주세요.',
  },
  guide: { lab: 'security-review', section: 'encryption-at-rest' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 보안컨설팅' },
  modes: ['template', 'live'],
  services: ['s3', 'rds', 'ec2', 'autoscaling'],
  evaluate({ graph }) {
    const servers = serverDefinitions(graph);
    const disks = [...servers.templates, ...servers.configurations, ...servers.instances];
    const volumes = graph.ofType('AWS::EC2::Volume');
    const databases = primaryDatabases(graph);
    const allBuckets = buckets(graph);
    if (disks.length + volumes.length + databases.length + allBuckets.length === 0) {
      return absent({ thing: { en: 'resource that stores data', ko: '데이터를 저장하는 리소스' }, nothingToCheck: true });
    }
    const problems: { en: string; ko: string }[] = [];
    for (const db of databases) {
      if (booleanProp(graph, db, 'StorageEncrypted') !== true)
        problems.push({
          en: `Database ${db.id} is not encrypted`,
          ko: `데이터베이스 ${withParticle(db.id, '이/가')} 암호화되어 있지 않습니다`,
        });
    }
    for (const volume of volumes) {
      if (booleanProp(graph, volume, 'Encrypted') !== true)
        problems.push({
          en: `Volume ${volume.id} is not encrypted`,
          ko: `볼륨 ${withParticle(volume.id, '이/가')} 암호화되어 있지 않습니다`,
        });
    }
    for (const disk of disks) {
      const verdict = diskEncryption(graph, disk);
      if (verdict === 'unencrypted')
        problems.push({
          en: `${disk.id} attaches an unencrypted EBS volume`,
          ko: `${withParticle(disk.id, '이/가')} 암호화되지 않은 EBS 볼륨을 붙입니다`,
        });
      if (verdict === 'ami-default')
        problems.push({
          en: `${disk.id} keeps the AMI's root volume, which is unencrypted unless the account turned on EBS encryption by default`,
          ko: `${withParticle(disk.id, '이/가')} AMI의 루트 볼륨을 그대로 써서, 계정에서 EBS 기본 암호화를 켜지 않았다면 암호화되지 않습니다`,
        });
    }
    if (problems.length > 0) {
      return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: [] })));
    }
    const implicit = allBuckets.filter((bucket) => !bucketEncryption(graph, bucket).explicit).length;
    return {
      status: 'PASS',
      message: {
        en: `Encrypted at rest: ${databases.length} database(s), ${allBuckets.length} bucket(s)${implicit > 0 ? ` (${implicit} with S3's default SSE-S3)` : ''}, ${disks.length + volumes.length} server disk definition(s).`,
        ko: `저장 데이터가 암호화되어 있습니다: 데이터베이스 ${databases.length}개, 버킷 ${allBuckets.length}개${implicit > 0 ? `(그중 ${implicit}개는 S3 기본 SSE-S3)` : ''}, 서버 디스크 정의 ${disks.length + volumes.length}개.`,
      },
    };
  },
};

/** How a server definition encrypts its disks: every EBS mapping encrypted, one not, or none declared (AMI default). */
function diskEncryption(graph: ResourceGraph, disk: Resource): 'encrypted' | 'unencrypted' | 'ami-default' {
  const base = disk.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData.BlockDeviceMappings' : 'BlockDeviceMappings';
  if (disk.type === 'AWS::EC2::Instance' && launchedFromTemplate(graph, disk) && listProp(graph, disk, base).length === 0) {
    return 'encrypted'; // judged on its launch template
  }
  const mappings = listProp(graph, disk, base)
    .map((_, i) => `${base}.${i}.Ebs`)
    .filter((path) => graph.prop(disk, path) !== undefined);
  if (mappings.length === 0 && disk.type === 'AWS::EC2::LaunchTemplate') {
    // A template that only sets metadata options for instances that declare their own disks
    // (what CDK's requireImdsv2 on an ec2.Instance writes): the instances are judged instead.
    const users = graph.referencing(disk);
    const instances = users.filter((user) => user.type === 'AWS::EC2::Instance');
    const ownDisks = instances.length > 0 && instances.every((instance) => listProp(graph, instance, 'BlockDeviceMappings').length > 0);
    if (ownDisks && !users.some((user) => user.type === 'AWS::AutoScaling::AutoScalingGroup')) return 'encrypted';
  }
  if (mappings.length === 0) return 'ami-default';
  return mappings.every((path) => booleanProp(graph, disk, `${path}.Encrypted`) === true) ? 'encrypted' : 'unencrypted';
}
