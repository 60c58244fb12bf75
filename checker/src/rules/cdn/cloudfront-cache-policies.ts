import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import { behaviorsOf, cachePolicyOf, cacheTtls, distributions, isApiPattern, type Behavior } from '../../model/queries/cdn';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';
import { absent, THINGS } from '../absent';

/** Static files are cached at the edge; API responses are not. */
export const cloudfrontCachePolicies: Rule = {
  id: 'cloudfront-cache-policies',
  area: 'cdn',
  title: {
    en: 'Static files are cached at the edge (CachingOptimized) and API responses are not (CachingDisabled)',
    ko: '정적 파일은 엣지에 캐싱되고(CachingOptimized) API 응답은 캐싱되지 않는다(CachingDisabled)',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Caching is the point of a CDN for images, CSS and JavaScript; but a cached API answer would show one customer’s cart or order to the next.',
    ko: '이미지, CSS, JavaScript에는 캐싱이 CDN을 쓰는 이유입니다. 하지만 API 응답이 캐싱되면 한 고객의 장바구니나 주문이 다음 고객에게 보입니다.',
  },
  fix: {
    en: 'cachePolicy: CachePolicy.CACHING_OPTIMIZED on the default behaviour and CachePolicy.CACHING_DISABLED on /api/*.',
    ko: '기본 동작에 cachePolicy: CachePolicy.CACHING_OPTIMIZED, /api/*에 CachePolicy.CACHING_DISABLED를 주세요.',
  },
  guide: { lab: 'cloudfront-cdn', section: 'cache-policies' },
  seed: { seed: '000_0cb1d160706ddd77', section: '5-1' },
  modes: ['template', 'live'],
  services: ['cloudfront'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    const problems: LocalizedText[] = [];
    const notes: string[] = [];
    for (const distribution of all) {
      for (const behavior of behaviorsOf(graph, distribution)) {
        const api = !behavior.isDefault && isApiPattern(behavior.pathPattern);
        const cached = caches(graph, distribution, behavior);
        if (behavior.isDefault && cached === false) {
          problems.push({
            en: `${distribution.id}'s default behaviour caches nothing, so every file comes from S3 again`,
            ko: `${distribution.id}의 기본 동작이 아무것도 캐싱하지 않아 파일마다 S3에서 다시 가져옵니다`,
          });
        }
        if (api && cached !== false) {
          problems.push({
            en: `${distribution.id} caches ${behavior.pathPattern} responses, so customers may see each other's answers`,
            ko: `${withParticle(distribution.id, '이/가')} ${behavior.pathPattern} 응답을 캐싱해서 고객끼리 서로의 응답을 볼 수 있습니다`,
          });
        }
        notes.push(`${behavior.pathPattern}: ${describe(graph, distribution, behavior)}`);
      }
    }
    if (problems.length > 0) {
      return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: all.map((d) => d.id) })));
    }
    return {
      status: 'PASS',
      message: { en: `Cache policies fit the content (${notes.join(', ')}).`, ko: `캐시 정책이 콘텐츠에 맞습니다(${notes.join(', ')}).` },
      resources: all.map((d) => d.id),
    };
  },
};

/** False when the behaviour never caches, true when it does. */
function caches(graph: ResourceGraph, distribution: Resource, behavior: Behavior): boolean {
  const policy = cachePolicyOf(graph, distribution, behavior);
  if (policy.kind === 'managed') return policy.name !== 'CachingDisabled';
  if (policy.kind === 'unknown') return true;
  const ttls = cacheTtls(graph, distribution, behavior);
  return ttls === undefined || ttls.max > 0;
}

function describe(graph: ResourceGraph, distribution: Resource, behavior: Behavior): string {
  const policy = cachePolicyOf(graph, distribution, behavior);
  if (policy.kind === 'managed') return policy.name;
  if (policy.kind === 'custom') return `custom ${policy.resource.id}`;
  if (policy.kind === 'unknown') return policy.id;
  return 'legacy TTLs';
}
