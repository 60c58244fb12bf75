import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import {
  behaviorsOf,
  distributions,
  isApiPattern,
  isExternalLoadBalancer,
  MANAGED_ORIGIN_REQUEST_POLICIES_WITH_QUERY,
  type Behavior,
} from '../../model/queries/cdn';
import { listProp, stringProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';
import { absent, THINGS } from '../absent';

/** A /api/* behaviour sends the API, with every method and the viewer's query strings, to the external ALB. */
export const cloudfrontApiBehavior: Rule = {
  id: 'cloudfront-api-behavior',
  area: 'cdn',
  title: {
    en: 'A /api/* behaviour sends API calls to the external ALB with all methods and the viewer’s query strings',
    ko: '/api/* 동작이 API 호출을 모든 메서드와 쿼리 문자열과 함께 외부 ALB로 보낸다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'One domain serves both the static site and the API: CloudFront picks the origin by path. The API needs POST and PUT, and its query strings and cookies, or orders and logins break.',
    ko: '도메인 하나가 정적 사이트와 API를 함께 제공하고, CloudFront가 경로로 Origin을 고릅니다. API에는 POST, PUT과 쿼리 문자열, 쿠키가 필요합니다. 없으면 주문과 로그인이 깨집니다.',
  },
  fix: {
    en: "additionalBehaviors: { '/api/*': { origin: new origins.LoadBalancerV2Origin(alb), allowedMethods: AllowedMethods.ALLOW_ALL, cachePolicy: CachePolicy.CACHING_DISABLED, originRequestPolicy: OriginRequestPolicy.ALL_VIEWER } }.",
    ko: "additionalBehaviors: { '/api/*': { origin: new origins.LoadBalancerV2Origin(alb), allowedMethods: AllowedMethods.ALLOW_ALL, cachePolicy: CachePolicy.CACHING_DISABLED, originRequestPolicy: OriginRequestPolicy.ALL_VIEWER } }를 추가하세요.",
  },
  guide: { lab: 'cloudfront-cdn', section: 'api-behavior' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: CloudFront랑 직접적으로 뭐랑 연결됨?' },
  modes: ['template', 'live'],
  services: ['cloudfront', 'elbv2'],
  evaluate({ graph }) {
    const all = distributions(graph);
    if (all.length === 0) return absent({ thing: THINGS.distribution, reportedBy: 'cloudfront-static-origin' });
    const problems: LocalizedText[] = [];
    for (const distribution of all) {
      const api = behaviorsOf(graph, distribution).filter((behavior) => !behavior.isDefault && isApiPattern(behavior.pathPattern));
      if (api.length === 0) {
        problems.push({ en: `${distribution.id} has no /api/* behaviour`, ko: `${distribution.id}에 /api/* 동작이 없습니다` });
        continue;
      }
      for (const behavior of api) {
        const problem = judge(graph, distribution, behavior);
        if (!problem) {
          return {
            status: 'PASS',
            message: {
              en: `${distribution.id} sends ${behavior.pathPattern} to the external ALB ${behavior.origin!.loadBalancer!.id} with every method and the viewer's query strings.`,
              ko: `${withParticle(distribution.id, '이/가')} ${withParticle(behavior.pathPattern, '을/를')} 모든 메서드와 쿼리 문자열과 함께 외부 ALB ${withParticle(behavior.origin!.loadBalancer!.id, '으로/로')} 보냅니다.`,
            },
            resources: [distribution.id, behavior.origin!.loadBalancer!.id],
          };
        }
        problems.push({
          en: `${distribution.id} ${behavior.pathPattern}: ${problem.en}`,
          ko: `${distribution.id} ${behavior.pathPattern}: ${problem.ko}`,
        });
      }
    }
    return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: all.map((d) => d.id) })));
  },
};

function judge(graph: ResourceGraph, distribution: Resource, behavior: Behavior): LocalizedText | undefined {
  if (!isExternalLoadBalancer(graph, behavior.origin)) {
    return {
      en: `its origin ${behavior.origin?.id ?? '(none)'} is not the internet-facing ALB`,
      ko: `Origin ${withParticle(behavior.origin?.id ?? '(없음)', '이/가')} 인터넷용 ALB가 아닙니다`,
    };
  }
  const methods = listProp(graph, distribution, `${behavior.path}.AllowedMethods`);
  if (!methods.includes('POST')) {
    return {
      en: `it allows only ${methods.length > 0 ? methods.join(', ') : 'GET, HEAD'}, so POST and PUT get 403`,
      ko: `${methods.length > 0 ? methods.join(', ') : 'GET, HEAD'}만 허용해서 POST, PUT은 403을 받습니다`,
    };
  }
  if (!forwardsQueryStrings(graph, distribution, behavior)) {
    return {
      en: 'the viewer’s query strings and cookies never reach the ALB: add an origin request policy such as OriginRequestPolicy.ALL_VIEWER',
      ko: '쿼리 문자열과 쿠키가 ALB에 전달되지 않습니다. OriginRequestPolicy.ALL_VIEWER 같은 Origin 요청 정책을 추가하세요',
    };
  }
  return undefined;
}

function forwardsQueryStrings(graph: ResourceGraph, distribution: Resource, behavior: Behavior): boolean {
  const policyValue = graph.prop(distribution, `${behavior.path}.OriginRequestPolicyId`);
  if (typeof policyValue === 'string' && MANAGED_ORIGIN_REQUEST_POLICIES_WITH_QUERY[policyValue]) return true;
  const custom =
    policyValue === undefined ? undefined : graph.deref(policyValue, `${distribution.id} ${behavior.path}.OriginRequestPolicyId`);
  if (custom) return stringProp(graph, custom, 'OriginRequestPolicyConfig.QueryStringsConfig.QueryStringBehavior') !== 'none';
  const cachePolicyValue = graph.prop(distribution, `${behavior.path}.CachePolicyId`);
  const cachePolicy =
    cachePolicyValue === undefined ? undefined : graph.deref(cachePolicyValue, `${distribution.id} ${behavior.path}.CachePolicyId`);
  if (cachePolicy) {
    const behaviorName = stringProp(
      graph,
      cachePolicy,
      'CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig.QueryStringBehavior',
    );
    if (behaviorName !== undefined && behaviorName !== 'none') return true;
  }
  return (
    graph.prop(distribution, `${behavior.path}.ForwardedValues.QueryString`) === true ||
    graph.prop(distribution, `${behavior.path}.ForwardedValues.QueryString`) === 'true'
  );
}
