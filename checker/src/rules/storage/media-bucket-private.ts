import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import {
  bucketEncryption,
  enforcesTls,
  mediaBuckets,
  publicAccessBlock,
  publicReadAccess,
  versioningEnabled,
} from '../../model/queries/storage';
import type { Rule } from '../types';

/** Every media bucket blocks public access, encrypts at rest, keeps versions and requires TLS. */
export const mediaBucketPrivate: Rule = {
  id: 'media-bucket-private',
  area: 'storage',
  title: {
    en: 'The media bucket is private, encrypted, versioned and HTTPS-only',
    ko: '미디어 버킷은 비공개이고 암호화·버전 관리되며 HTTPS만 받는다',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: "3 TB of customers' images and video must never be readable from the internet; versions undo an overwrite or a deletion, and TLS keeps the files private in transit.",
    ko: '고객의 이미지·동영상 3TB는 인터넷에서 절대 읽히면 안 됩니다. 버전 관리는 덮어쓰기나 삭제를 되돌리고, TLS는 전송 중인 파일을 보호합니다.',
  },
  fix: {
    en: 'new s3.Bucket(this, ..., { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, encryption: s3.BucketEncryption.S3_MANAGED, versioned: true, enforceSSL: true }).',
    ko: 'new s3.Bucket(this, ..., { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, encryption: s3.BucketEncryption.S3_MANAGED, versioned: true, enforceSSL: true })로 만드세요.',
  },
  guide: { lab: 's3-static-hosting', section: 'media-bucket' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 동영상, 이미지 3TB 이상' },
  modes: ['template', 'live'],
  services: ['s3'],
  resourceTypes: ['AWS::S3::Bucket.VersioningConfiguration', 'AWS::S3::Bucket.PublicAccessBlockConfiguration', 'AWS::S3::BucketPolicy'],
  evaluate({ graph }) {
    const media = mediaBuckets(graph);
    if (media.length === 0) {
      return absent({
        required: {
          en: 'No media bucket: every bucket is the website, a CloudFront origin or a log destination. Add a bucket for images and video.',
          ko: '미디어 버킷이 없습니다. 모든 버킷이 웹사이트, CloudFront 오리진, 로그 저장소입니다. 이미지·동영상용 버킷을 추가하세요.',
        },
      });
    }
    const problems: { en: string; ko: string }[] = [];
    for (const bucket of media) {
      const block = publicAccessBlock(graph, bucket);
      const off = Object.entries(block)
        .filter(([name, on]) => name !== 'explicit' && !on)
        .map(([name]) => name);
      if (off.length > 0)
        problems.push({
          en: `${bucket.id} turns off Block Public Access (${off.join(', ')})`,
          ko: `${bucket.id}의 퍼블릭 액세스 차단이 꺼져 있습니다(${off.join(', ')})`,
        });
      const exposure = publicReadAccess(graph, bucket);
      if (exposure.public && exposure.reason)
        problems.push({
          en: `${bucket.id} is public: ${exposure.reason.en}`,
          ko: `${withParticle(bucket.id, '이/가')} 공개 상태입니다: ${exposure.reason.ko}`,
        });
      if (!versioningEnabled(graph, bucket))
        problems.push({ en: `${bucket.id} has no versioning`, ko: `${bucket.id}에 버전 관리가 없습니다` });
      if (!enforcesTls(graph, bucket))
        problems.push({
          en: `${bucket.id} accepts plain HTTP (no aws:SecureTransport deny)`,
          ko: `${withParticle(bucket.id, '이/가')} HTTP 요청도 받습니다(aws:SecureTransport 거부 없음)`,
        });
    }
    if (problems.length > 0) {
      return failWith(
        problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: media.map((bucket) => bucket.id) })),
      );
    }
    const encryption = media
      .map(
        (bucket) =>
          `${bucket.id}: ${bucketEncryption(graph, bucket).explicit ? bucketEncryption(graph, bucket).algorithm : 'AES256 (S3 default)'}`,
      )
      .join(', ');
    return {
      status: 'PASS',
      message: {
        en: `Media bucket(s) block all public access, keep versions, require HTTPS and encrypt at rest (${encryption}).`,
        ko: `미디어 버킷이 퍼블릭 액세스를 모두 막고, 버전을 남기고, HTTPS만 받고, 저장 데이터를 암호화합니다(${encryption}).`,
      },
      resources: media.map((bucket) => bucket.id),
    };
  },
};
