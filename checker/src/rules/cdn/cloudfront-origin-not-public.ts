import { withParticle } from '../korean';
import { failWith } from '../problems';
import { distributions, originsOf } from '../../model/queries/cdn';
import { publicReadAccess } from '../../model/queries/storage';
import type { Rule } from '../types';
import { absent, THINGS } from '../absent';

/** No bucket behind the distribution is readable by anyone on the internet. */
export const cloudfrontOriginNotPublic: Rule = {
  id: 'cloudfront-origin-not-public',
  area: 'cdn',
  title: {
    en: 'The buckets behind CloudFront are not public: visitors go through the distribution only',
    ko: 'CloudFront 뒤의 버킷은 공개되지 않는다: 방문자는 디스트리뷰션을 통해서만 들어온다',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: 'A public bucket behind CloudFront can be read around it: no edge cache, no HTTPS redirect, no WAF or geo restriction, and a bill for every direct download.',
    ko: 'CloudFront 뒤의 버킷이 공개되어 있으면 디스트리뷰션을 우회해 바로 읽힙니다. 엣지 캐시도, HTTPS 리디렉션도, WAF나 지역 제한도 없이 직접 다운로드마다 요금이 나옵니다.',
  },
  fix: {
    en: 'With origin access control: blockPublicAccess: BlockPublicAccess.BLOCK_ALL and no publicReadAccess. With a website origin: allow s3:GetObject only with an aws:Referer condition that matches a secret custom header the origin sends.',
    ko: 'Origin Access Control이면 blockPublicAccess: BlockPublicAccess.BLOCK_ALL로 두고 publicReadAccess를 빼세요. 웹사이트 Origin이면 Origin이 보내는 비밀 사용자 지정 헤더와 맞는 aws:Referer 조건을 붙여서만 s3:GetObject를 허용하세요.',
  },
  guide: { lab: 'cloudfront-cdn', section: 'private-origin' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: CloudFront보안 액세스 구성' },
  modes: ['template', 'live'],
  services: ['cloudfront', 's3'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    const buckets = [
      ...new Set(all.flatMap((distribution) => originsOf(graph, distribution).flatMap((origin) => (origin.bucket ? [origin.bucket] : [])))),
    ];
    if (buckets.length === 0) {
      return absent({ thing: { en: 'S3 bucket behind the distribution', ko: '디스트리뷰션 뒤의 S3 버킷' }, nothingToCheck: true });
    }
    for (const bucket of buckets) {
      const exposure = publicReadAccess(graph, bucket);
      if (exposure.public && exposure.reason) {
        return failWith([
          {
            en: `Bucket ${bucket.id} behind CloudFront is public: ${exposure.reason.en}. Anyone can skip the distribution.`,
            ko: `CloudFront 뒤의 버킷 ${withParticle(bucket.id, '이/가')} 공개 상태입니다: ${exposure.reason.ko}. 누구나 디스트리뷰션을 건너뛸 수 있습니다.`,
            resources: [bucket.id],
          },
        ]);
      }
    }
    return {
      status: 'PASS',
      message: {
        en: `No bucket behind CloudFront (${buckets.map((b) => b.id).join(', ')}) can be read directly from the internet.`,
        ko: `CloudFront 뒤의 버킷(${buckets.map((b) => b.id).join(', ')})은 인터넷에서 직접 읽을 수 없습니다.`,
      },
      resources: buckets.map((b) => b.id),
    };
  },
};
