import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import { behaviorsOf, distributions, servesWebsite, type Origin } from '../../model/queries/cdn';
import { bucketCoverage, conditionValues, coversAction, isAnyonePrincipal, principalValues } from '../../model/queries/policies';
import { bucketPolicyStatements } from '../../model/queries/storage';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

/** The distribution's default behaviour serves the static site from S3, through OAC or the website endpoint. */
export const cloudfrontStaticOrigin: Rule = {
  id: 'cloudfront-static-origin',
  area: 'cdn',
  title: {
    en: "A CloudFront distribution's default behaviour serves the static site from S3 (origin access control, or the website endpoint)",
    ko: 'CloudFront 디스트리뷰션의 기본 동작이 S3의 정적 사이트를 제공한다(Origin Access Control 또는 웹사이트 엔드포인트)',
  },
  severity: 'high',
  points: 15,
  why: {
    en: 'Customers overseas wait for every file to cross the world; CloudFront keeps copies at 600+ points of presence (edge locations) and fetches from S3 only on a miss. With origin access control the bucket stays private and trusts this one distribution.',
    ko: '해외 고객은 파일마다 지구 반대편까지 기다립니다. CloudFront는 600개가 넘는 PoP(Edge location)에 사본을 두고 캐시 미스일 때만 S3에서 가져옵니다. Origin Access Control을 쓰면 버킷은 비공개로 남고 이 디스트리뷰션 하나만 믿습니다.',
  },
  fix: {
    en: 'new cloudfront.Distribution(this, ..., { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(siteBucket) } }): CDK adds the OAC and the bucket policy that allows only this distribution (AWS:SourceArn).',
    ko: 'new cloudfront.Distribution(this, ..., { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(siteBucket) } })를 쓰세요. CDK가 OAC와 이 디스트리뷰션만 허용하는(AWS:SourceArn) 버킷 정책을 추가합니다.',
  },
  guide: { lab: 'cloudfront-cdn', section: 'static-origin' },
  seed: { seed: '000_0cb1d160706ddd77', section: '5-1' },
  modes: ['template', 'live'],
  services: ['cloudfront', 's3'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) {
      return absent({
        required: {
          en: 'No CloudFront distribution: every request still crosses the world to the Region.',
          ko: 'CloudFront 디스트리뷰션이 없습니다. 모든 요청이 여전히 리전까지 먼 길을 갑니다.',
        },
      });
    }
    const problems: LocalizedText[] = [];
    for (const distribution of all) {
      const origin = behaviorsOf(graph, distribution).find((behavior) => behavior.isDefault)?.origin;
      const verdict = origin
        ? judgeOrigin(graph, distribution, origin)
        : { en: 'its default behaviour names no origin', ko: '기본 동작에 Origin이 없습니다' };
      if (typeof verdict === 'string') {
        return { status: 'PASS', message: passMessage(distribution, origin!, verdict), resources: [distribution.id, origin!.bucket!.id] };
      }
      problems.push({ en: `${distribution.id}: ${verdict.en}`, ko: `${distribution.id}: ${verdict.ko}` });
    }
    return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: all.map((d) => d.id) })));
  },
};

/** "oac" | "oai" | "website" when the origin is a well-wired S3 origin, else the problem. */
function judgeOrigin(graph: ResourceGraph, distribution: Resource, origin: Origin): 'oac' | 'oai' | 'website' | LocalizedText {
  if (!origin.bucket) {
    return {
      en: `its default behaviour goes to ${origin.id}, which is not an S3 bucket`,
      ko: `기본 동작이 S3 버킷이 아닌 ${withParticle(origin.id, '으로/로')} 갑니다`,
    };
  }
  const statements = bucketPolicyStatements(graph, origin.bucket).filter(
    (statement) =>
      statement.effect === 'Allow' &&
      coversAction(statement, 's3:GetObject') &&
      statement.resources.some((value) => bucketCoverage(graph, value, origin.bucket!) === 'objects'),
  );
  if (origin.kind === 's3-website') {
    if (!servesWebsite(graph, origin)) {
      return {
        en: `it uses ${origin.bucket.id} as a custom origin, but that bucket has no website hosting`,
        ko: `${withParticle(origin.bucket.id, '을/를')} 사용자 지정 Origin으로 쓰지만 그 버킷에 웹사이트 호스팅이 없습니다`,
      };
    }
    const readable = statements.some((statement) => isAnyonePrincipal(statement.principal));
    if (!readable) {
      return {
        en: `the website endpoint of ${origin.bucket.id} may not read any object (no Allow for Principal "*", e.g. with an aws:Referer secret), so CloudFront gets 403`,
        ko: `${origin.bucket.id}의 웹사이트 엔드포인트가 객체를 읽을 수 없어(Principal "*" Allow가 없음, 예: aws:Referer 비밀값 조건) CloudFront가 403을 받습니다`,
      };
    }
    return 'website';
  }
  if (origin.originAccessControl) {
    const oac = origin.originAccessControl;
    const type = oac.properties.OriginAccessControlConfig
      ? graph.prop(oac, 'OriginAccessControlConfig.OriginAccessControlOriginType')
      : 's3';
    const signing = oac.properties.OriginAccessControlConfig ? graph.prop(oac, 'OriginAccessControlConfig.SigningBehavior') : 'always';
    if (type !== 's3' || signing === 'never') {
      return {
        en: `origin access control ${oac.id} does not sign requests to S3 (type ${String(type)}, signing ${String(signing)})`,
        ko: `Origin Access Control ${withParticle(oac.id, '이/가')} S3 요청에 서명하지 않습니다(유형 ${String(type)}, 서명 ${String(signing)})`,
      };
    }
    const trusted = statements.filter((statement) => principalValues(statement.principal, 'Service').includes('cloudfront.amazonaws.com'));
    if (trusted.length === 0) {
      return {
        en: `the policy of ${origin.bucket.id} does not allow cloudfront.amazonaws.com to read objects, so the signed requests get 403`,
        ko: `${origin.bucket.id}의 정책이 cloudfront.amazonaws.com의 객체 읽기를 허용하지 않아 서명된 요청이 403을 받습니다`,
      };
    }
    const limited = trusted.some((statement) =>
      conditionValues(statement, 'AWS:SourceArn', /^(stringequals|arnequals|arnlike|stringlike)$/).some(
        (value) =>
          graph.refsIn(value).includes(distribution) ||
          (typeof value === 'string' && value.endsWith(`/${distribution.physicalId ?? distribution.id}`)),
      ),
    );
    if (!limited) {
      return {
        en: `the policy of ${origin.bucket.id} lets any CloudFront distribution read it: add an AWS:SourceArn condition naming this distribution`,
        ko: `${origin.bucket.id}의 정책이 모든 CloudFront 디스트리뷰션에 읽기를 허용합니다. 이 디스트리뷰션을 지정하는 AWS:SourceArn 조건을 추가하세요`,
      };
    }
    return 'oac';
  }
  if (origin.originAccessIdentity) return 'oai';
  return {
    en: `CloudFront reads ${origin.bucket.id} anonymously (no origin access control), which works only if the bucket is public`,
    ko: `CloudFront가 ${withParticle(origin.bucket.id, '을/를')} 익명으로 읽습니다(Origin Access Control 없음). 버킷이 공개여야만 동작합니다`,
  };
}

function passMessage(distribution: Resource, origin: Origin, how: 'oac' | 'oai' | 'website'): LocalizedText {
  const bucket = origin.bucket!.id;
  switch (how) {
    case 'oac':
      return {
        en: `${distribution.id} serves ${bucket} through origin access control; the bucket policy trusts this distribution only.`,
        ko: `${withParticle(distribution.id, '이/가')} Origin Access Control로 ${withParticle(bucket, '을/를')} 제공하고, 버킷 정책은 이 디스트리뷰션만 믿습니다.`,
      };
    case 'oai':
      return {
        en: `${distribution.id} serves ${bucket} through a legacy origin access identity; origin access control is its successor (SSE-KMS, all Regions).`,
        ko: `${withParticle(distribution.id, '이/가')} 예전 방식인 Origin Access Identity로 ${withParticle(bucket, '을/를')} 제공합니다. 후속 기능은 Origin Access Control입니다(SSE-KMS, 모든 리전).`,
      };
    case 'website':
      return {
        en: `${distribution.id} serves ${bucket} from its website endpoint (index and error documents work; CloudFront reaches S3 over HTTP).`,
        ko: `${withParticle(distribution.id, '이/가')} ${bucket}의 웹사이트 엔드포인트에서 제공합니다(index, error 문서가 동작하고, CloudFront와 S3 사이는 HTTP입니다).`,
      };
  }
}
