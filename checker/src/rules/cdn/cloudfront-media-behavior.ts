import { behaviorsOf, distributions, type Behavior } from '../../model/queries/cdn';
import { isMediaPattern } from '../../model/queries/media-copies';
import { publicReadAccess, websiteDocuments } from '../../model/queries/storage';
import { stringProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import { absent, THINGS } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** CloudFront serves /media/* from the private media bucket through origin access control, over HTTPS. */
export const cloudfrontMediaBehavior: Rule = {
  id: 'cloudfront-media-behavior',
  area: 'cdn',
  title: {
    en: 'A /media/* behaviour serves the private media bucket through origin access control (OAC), over HTTPS',
    ko: '/media/* 동작이 비공개 미디어 버킷을 오리진 액세스 제어(OAC)로, HTTPS로 제공한다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Customers abroad wait for every image and video that crosses the ocean. CloudFront caches the media at edge locations near them, so the 3 TB of media is fetched from the bucket once per edge, not once per view. With OAC only the distribution may read the bucket, which stays private, and HTTPS protects what customers see.',
    ko: '해외 고객은 바다를 건너오는 이미지와 동영상을 하나하나 기다립니다. CloudFront가 고객 가까운 엣지에 미디어를 캐시하면 3TB의 미디어를 조회마다가 아니라 엣지마다 한 번만 버킷에서 가져옵니다. OAC를 쓰면 디스트리뷰션만 버킷을 읽을 수 있어 버킷은 비공개로 남고, HTTPS가 고객이 보는 것을 보호합니다.',
  },
  fix: {
    en: "distribution.addBehavior('/media/*', origins.S3BucketOrigin.withOriginAccessControl(mediaBucket), { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED }); keep the bucket's Block Public Access on.",
    ko: "distribution.addBehavior('/media/*', origins.S3BucketOrigin.withOriginAccessControl(mediaBucket), { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED })를 추가하고, 버킷의 퍼블릭 액세스 차단은 켜 두세요.",
  },
  guide: { lab: 'global-expansion', section: 'media-cdn' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: 글로벌 확장계획, CloudFront' },
  modes: ['template', 'live'],
  services: ['cloudfront', 's3'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    const media = all.flatMap((distribution) =>
      behaviorsOf(graph, distribution)
        .filter((behavior) => isMediaPattern(behavior.pathPattern))
        .map((behavior) => ({ distribution, behavior })),
    );
    if (media.length === 0) {
      return failWith([
        {
          en: `No distribution has a /media/* behaviour: the images and video still come from the Region for every view. Add a behaviour for /media/* with the media bucket as its origin (OAC).`,
          ko: '/media/* 동작이 있는 디스트리뷰션이 없어 이미지와 동영상을 조회할 때마다 리전에서 가져옵니다. 미디어 버킷을 오리진(OAC)으로 하는 /media/* 동작을 추가하세요.',
          resources: all.map((distribution) => distribution.id),
        },
      ]);
    }
    const problems = media.flatMap(({ distribution, behavior }) => behaviorProblems(graph, distribution, behavior));
    if (problems.length > 0) return failWith(problems);
    const described = media.map(
      ({ distribution, behavior }) => `${distribution.id} ${behavior.pathPattern} → ${behavior.origin?.bucket?.id}`,
    );
    return {
      status: 'PASS',
      message: {
        en: `The media is served at the edge from the private bucket through OAC, over HTTPS: ${described.join(', ')}.`,
        ko: `미디어가 비공개 버킷에서 OAC를 거쳐 HTTPS로 엣지에서 제공됩니다: ${described.join(', ')}.`,
      },
      resources: media.flatMap(({ distribution, behavior }) => [
        distribution.id,
        ...(behavior.origin?.bucket ? [behavior.origin.bucket.id] : []),
      ]),
    };
  },
};

function behaviorProblems(graph: Parameters<Rule['evaluate']>[0]['graph'], distribution: Resource, behavior: Behavior): Problem[] {
  const where = `${distribution.id} ${behavior.pathPattern}`;
  const origin = behavior.origin;
  const bucket = origin?.bucket;
  if (!origin || !bucket || origin.kind !== 's3-rest' || websiteDocuments(graph, bucket) !== undefined) {
    return [
      {
        en: `Behaviour ${where} does not go to the media bucket through its S3 REST endpoint (origin ${origin?.id ?? 'unknown'}): point it at the media bucket with S3BucketOrigin.withOriginAccessControl.`,
        ko: `동작 ${withParticle(where, '이/가')} S3 REST 엔드포인트로 미디어 버킷에 가지 않습니다(오리진 ${origin?.id ?? '알 수 없음'}). S3BucketOrigin.withOriginAccessControl로 미디어 버킷을 가리키세요.`,
        resources: [distribution.id],
      },
    ];
  }
  const problems: Problem[] = [];
  if (!origin.originAccessControl) {
    problems.push(
      origin.originAccessIdentity
        ? {
            en: `Behaviour ${where} reads bucket ${bucket.id} with a legacy origin access identity (OAI): use origin access control (OAC), which signs every request and works with SSE-KMS and every Region.`,
            ko: `동작 ${withParticle(where, '이/가')} 버킷 ${withParticle(bucket.id, '을/를')} 예전 방식인 원본 액세스 ID(OAI)로 읽습니다. 모든 요청에 서명하고 SSE-KMS와 모든 리전에서 동작하는 오리진 액세스 제어(OAC)를 쓰세요.`,
            resources: [distribution.id, bucket.id],
          }
        : {
            en: `Behaviour ${where} reads bucket ${bucket.id} without origin access control: either the bucket must be public or CloudFront gets Access Denied. Use S3BucketOrigin.withOriginAccessControl.`,
            ko: `동작 ${withParticle(where, '이/가')} 오리진 액세스 제어 없이 버킷 ${withParticle(bucket.id, '을/를')} 읽습니다. 버킷을 공개하거나 CloudFront가 Access Denied를 받게 됩니다. S3BucketOrigin.withOriginAccessControl을 쓰세요.`,
            resources: [distribution.id, bucket.id],
          },
    );
  }
  const policy = stringProp(graph, distribution, `${behavior.path}.ViewerProtocolPolicy`) ?? 'allow-all';
  if (policy === 'allow-all') {
    problems.push({
      en: `Behaviour ${where} allows plain HTTP (ViewerProtocolPolicy allow-all): set redirect-to-https or https-only.`,
      ko: `동작 ${withParticle(where, '이/가')} 평문 HTTP를 허용합니다(ViewerProtocolPolicy allow-all). redirect-to-https나 https-only를 주세요.`,
      resources: [distribution.id],
    });
  }
  const access = publicReadAccess(graph, bucket);
  if (access.public) {
    problems.push({
      en: `Media bucket ${bucket.id} is public (${access.reason?.en}): anyone can bypass CloudFront. Remove the public access and let only the distribution read it through OAC.`,
      ko: `미디어 버킷 ${withParticle(bucket.id, '이/가')} 공개되어 있습니다(${access.reason?.ko}). 누구나 CloudFront를 우회할 수 있습니다. 공개 접근을 없애고 디스트리뷰션만 OAC로 읽게 하세요.`,
      resources: [bucket.id],
    });
  }
  return problems;
}
