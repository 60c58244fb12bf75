import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import { distributions } from '../../model/queries/cdn';
import { aliasPointsAt, aliasRecords } from '../../model/queries/dns';
import type { Rule } from '../types';

/** Optional stretch: the shop's domain is an alias to the CloudFront distribution. */
export const route53AliasToCloudfront: Rule = {
  id: 'route53-alias-to-cloudfront',
  area: 'cdn',
  title: {
    en: "Stretch: the shop's domain is a Route 53 alias to the CloudFront distribution",
    ko: '심화: 쇼핑몰 도메인이 CloudFront 디스트리뷰션을 가리키는 Route 53 별칭(alias)이다',
  },
  severity: 'info',
  points: 0,
  why: {
    en: 'Route 53 answers with the nearest edge location’s addresses, so customers reach CloudFront first; a record that still points at the ALB skips the cache, HTTPS and WAF at the edge.',
    ko: 'Route 53이 가장 가까운 Edge location 주소로 응답해 고객이 CloudFront부터 거칩니다. 여전히 ALB를 가리키는 레코드는 엣지의 캐시, HTTPS, WAF를 건너뜁니다.',
  },
  fix: {
    en: 'new route53.ARecord(this, ..., { zone, target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)) }), and list the domain in the distribution’s domainNames with an ACM certificate from us-east-1.',
    ko: 'new route53.ARecord(this, ..., { zone, target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)) })를 만들고, 디스트리뷰션의 domainNames에 도메인을, us-east-1의 ACM 인증서와 함께 넣으세요.',
  },
  guide: { lab: 'cloudfront-cdn', section: 'route53-alias' },
  seed: { seed: '000_0cb1d160706ddd77', section: '5-1' },
  modes: ['template', 'live'],
  services: ['route53', 'cloudfront'],
  optional: true,
  evaluate({ graph }) {
    const aliases = aliasRecords(graph);
    if (aliases.length === 0) {
      return absent({
        thing: { en: 'Route 53 alias record', ko: 'Route 53 별칭 레코드' },
        optional: {
          en: 'To try it, add an ARecord with RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)).',
          ko: '해 보려면 RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution))로 ARecord를 추가하세요.',
        },
      });
    }
    const all = distributions(graph);
    const toCloudFront = aliases.filter(
      ({ aliasDnsName }) =>
        all.some((distribution) => aliasPointsAt(graph, aliasDnsName, distribution)) ||
        (typeof aliasDnsName === 'string' && /\.cloudfront\.net\.?$/.test(aliasDnsName)),
    );
    if (toCloudFront.length === 0) {
      return failWith([
        {
          en: `The alias record(s) ${aliases.map((a) => a.owner.id).join(', ')} do not point at the CloudFront distribution, so visitors skip the edge.`,
          ko: `별칭 레코드 ${withParticle(aliases.map((a) => a.owner.id).join(', '), '이/가')} CloudFront 디스트리뷰션을 가리키지 않아 방문자가 엣지를 건너뜁니다.`,
          resources: aliases.map((a) => a.owner.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: {
        en: `Record ${toCloudFront[0].owner.id} is an alias to the distribution.`,
        ko: `레코드 ${withParticle(toCloudFront[0].owner.id, '이/가')} 디스트리뷰션을 가리키는 별칭입니다.`,
      },
      resources: toCloudFront.map((a) => a.owner.id),
    };
  },
};
