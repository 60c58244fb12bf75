import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { bucketEncryption } from '../../model/queries/storage';
import { booleanProp } from '../../model/queries/values';
import type { Rule } from '../types';

/** A multi-Region CloudTrail trail with log file validation writes into an encrypted bucket. */
export const cloudtrailMultiRegionValidated: Rule = {
  id: 'cloudtrail-multi-region-validated',
  area: 'security',
  title: {
    en: 'A multi-Region CloudTrail trail with log file validation writes into an encrypted bucket',
    ko: '로그 파일 검증을 켠 멀티 리전 CloudTrail 추적이 암호화된 버킷에 기록한다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'CloudTrail answers who did what and when, for every API call (an Auto Scaling group launching a server, a policy change). Every Region, so nothing happens unseen; validation, so nobody edits the record.',
    ko: 'CloudTrail은 모든 API 호출(Auto Scaling 그룹의 서버 시작, 정책 변경)에 대해 누가, 언제, 무엇을 했는지 답합니다. 모든 리전을 기록해야 안 보이는 곳이 없고, 검증을 켜야 아무도 기록을 고치지 못합니다.',
  },
  fix: {
    en: 'new cloudtrail.Trail(this, ..., { bucket, isMultiRegionTrail: true, enableFileValidation: true }) with a bucket that has encryption (S3_MANAGED or KMS).',
    ko: 'new cloudtrail.Trail(this, ..., { bucket, isMultiRegionTrail: true, enableFileValidation: true })에 암호화(S3_MANAGED 또는 KMS)를 켠 버킷을 주세요.',
  },
  guide: { lab: 'security-review', section: 'cloudtrail' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: CloudWatch와 CloudTrail' },
  modes: ['template', 'live'],
  services: ['cloudtrail', 's3'],
  evaluate({ graph }) {
    const trails = graph.ofType('AWS::CloudTrail::Trail');
    if (trails.length === 0) {
      return absent({
        required: {
          en: 'No CloudTrail trail: API calls are kept only 90 days in the event history, for this Region.',
          ko: 'CloudTrail 추적이 없습니다. API 호출이 이 리전의 이벤트 기록에 90일만 남습니다.',
        },
      });
    }
    const problems: { en: string; ko: string }[] = [];
    for (const trail of trails) {
      const gaps: { en: string; ko: string }[] = [];
      if (booleanProp(graph, trail, 'IsLogging') === false) gaps.push({ en: 'logging is off', ko: '기록이 꺼져 있습니다' });
      if (booleanProp(graph, trail, 'IsMultiRegionTrail') !== true)
        gaps.push({ en: 'it records one Region only', ko: '한 리전만 기록합니다' });
      if (booleanProp(graph, trail, 'EnableLogFileValidation') !== true)
        gaps.push({ en: 'log file validation is off', ko: '로그 파일 검증이 꺼져 있습니다' });
      const bucket = graph.refsIn(graph.prop(trail, 'S3BucketName')).find((target) => target.type === 'AWS::S3::Bucket');
      const kms = graph.prop(trail, 'KMSKeyId') !== undefined;
      const bucketNote = kms
        ? 'KMS'
        : bucket
          ? bucketEncryption(graph, bucket).explicit
            ? bucketEncryption(graph, bucket).algorithm
            : undefined
          : 'a bucket outside this stack';
      if (bucketNote === undefined)
        gaps.push({ en: `its bucket ${bucket!.id} sets no encryption`, ko: `버킷 ${bucket!.id}에 암호화 설정이 없습니다` });
      if (gaps.length === 0) {
        return {
          status: 'PASS',
          message: {
            en: `Trail ${trail.id} records every Region with log file validation, into ${bucket?.id ?? 'its bucket'} (${bucketNote}).`,
            ko: `추적 ${withParticle(trail.id, '이/가')} 모든 리전을 로그 파일 검증과 함께 ${bucket?.id ?? '버킷'}(${bucketNote})에 기록합니다.`,
          },
          resources: [trail.id, ...(bucket ? [bucket.id] : [])],
        };
      }
      problems.push({ en: `${trail.id}: ${gaps.map((g) => g.en).join(', ')}`, ko: `${trail.id}: ${gaps.map((g) => g.ko).join(', ')}` });
    }
    return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: trails.map((t) => t.id) })));
  },
};
