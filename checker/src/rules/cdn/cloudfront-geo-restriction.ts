import { withParticle } from '../korean';
import { failWith } from '../problems';
import { distributions } from '../../model/queries/cdn';
import { listProp, stringProp } from '../../model/queries/values';
import type { Rule } from '../types';
import { absent, THINGS } from '../absent';

/** Optional stretch: the distribution limits which countries may use the shop. */
export const cloudfrontGeoRestriction: Rule = {
  id: 'cloudfront-geo-restriction',
  area: 'cdn',
  title: {
    en: 'Stretch: CloudFront limits the countries that may use the shop (geo restriction)',
    ko: '심화: CloudFront가 쇼핑몰을 쓸 수 있는 국가를 제한한다(지역 제한)',
  },
  severity: 'info',
  points: 0,
  why: {
    en: 'A shop that sells only in some countries can refuse the rest at the edge, before any request reaches AWS in Seoul; the review named it as a CloudFront security feature.',
    ko: '일부 국가에서만 판매하는 쇼핑몰은 나머지 국가의 요청을 서울의 AWS에 닿기 전에 엣지에서 거절할 수 있습니다. 리뷰에서도 CloudFront 보안 기능으로 꼽았습니다.',
  },
  fix: {
    en: "geoRestriction: cloudfront.GeoRestriction.allowlist('KR', 'JP') on the Distribution (or denylist for the opposite).",
    ko: "Distribution에 geoRestriction: cloudfront.GeoRestriction.allowlist('KR', 'JP')를 주세요(반대는 denylist).",
  },
  guide: { lab: 'cloudfront-cdn', section: 'geo-restriction' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: 특정 지리적 위치의 사용자 차단' },
  modes: ['template', 'live'],
  services: ['cloudfront'],
  optional: true,
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    for (const distribution of all) {
      const path = 'DistributionConfig.Restrictions.GeoRestriction';
      const type = stringProp(graph, distribution, `${path}.RestrictionType`) ?? 'none';
      if (type === 'none') continue;
      const locations = listProp(graph, distribution, `${path}.Locations`);
      if (locations.length === 0) {
        return failWith([
          {
            en: `${distribution.id} sets a ${type} geo restriction with no countries.`,
            ko: `${distribution.id}에 국가가 없는 ${type} 지역 제한이 있습니다.`,
            resources: [distribution.id],
          },
        ]);
      }
      const verb = type === 'whitelist' ? { en: 'admits only', ko: '만 허용합니다' } : { en: 'refuses', ko: '을(를) 거부합니다' };
      return {
        status: 'PASS',
        message: {
          en: `${distribution.id} ${verb.en} ${locations.join(', ')}.`,
          ko: `${withParticle(distribution.id, '이/가')} ${locations.join(', ')}${verb.ko}.`,
        },
        resources: [distribution.id],
      };
    }
    return absent({
      thing: { en: 'geo restriction', ko: '지역 제한' },
      optional: {
        en: 'To try it, set geoRestriction: GeoRestriction.allowlist(...) on the distribution.',
        ko: '해 보려면 디스트리뷰션에 geoRestriction: GeoRestriction.allowlist(...)를 주세요.',
      },
    });
  },
};
