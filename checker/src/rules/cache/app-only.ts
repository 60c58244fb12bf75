import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import { shopTiers } from '../../model/queries/chain';
import { subnetRouting } from '../../model/queries/network';
import { describePorts, describeSource, isAnywhere, isFromGroups, rulesAllowing } from '../../model/queries/security-groups';
import type { Resource } from '../../model/types';
import { withParticle } from '../korean';
import type { Problem } from '../problems';

/** A data service the APP tier alone should reach: where it is placed and what guards it. */
export interface GuardedService {
  readonly resource: Resource;
  /** "Cache", "RDS Proxy": how messages name it. */
  readonly what: LocalizedText;
  /** The subnets it can be placed in; empty means the default VPC. */
  readonly subnets: readonly Resource[];
  /** The security groups it wears; empty means the VPC's default group. */
  readonly groups: readonly Resource[];
  readonly port: number;
}

/**
 * Why a data service is not private and reachable from the APP tier only: subnets that route to
 * the internet gateway, no subnets of its own, the default security group, an ingress rule on its
 * port from anything but the APP servers' security groups (the internet, an address range, WEB),
 * or no rule that lets APP in. Used by cache-private-app-only and rds-proxy-private.
 */
export function appOnlyProblems(graph: ResourceGraph, service: GuardedService): Problem[] {
  const { resource, what, port } = service;
  const problems: Problem[] = [];
  const name = `${what.en} ${resource.id}`;
  const nameKo = `${what.ko} ${resource.id}`;
  if (service.subnets.length === 0) {
    problems.push({
      en: `${name} names no subnets, so AWS places it in the default VPC: give it a subnet group of your isolated subnets.`,
      ko: `${withParticle(nameKo, '은/는')} 서브넷을 지정하지 않아 AWS가 기본 VPC에 둡니다. 격리 서브넷으로 된 서브넷 그룹을 주세요.`,
      resources: [resource.id],
    });
  }
  const exposed = service.subnets.filter((subnet) => subnetRouting(graph, subnet).internetGatewayRoutes.length > 0);
  if (exposed.length > 0) {
    const ids = exposed.map((subnet) => subnet.id).join(', ');
    problems.push({
      en: `${name} may be placed in public subnet${exposed.length > 1 ? 's' : ''} ${ids}, which route${exposed.length > 1 ? '' : 's'} to the internet gateway: use the isolated subnets (PRIVATE_ISOLATED).`,
      ko: `${withParticle(nameKo, '이/가')} 인터넷 게이트웨이로 라우팅되는 퍼블릭 서브넷 ${ids}에 놓일 수 있습니다. 격리 서브넷(PRIVATE_ISOLATED)을 쓰세요.`,
      resources: [resource.id, ...exposed.map((subnet) => subnet.id)],
    });
  }
  if (service.groups.length === 0) {
    problems.push({
      en: `${name} wears the VPC's default security group, which every other resource in it may share: give it a security group of its own that admits the APP group on ${port}.`,
      ko: `${withParticle(nameKo, '이/가')} VPC의 기본 보안 그룹을 씁니다. 다른 리소스도 함께 쓸 수 있는 그룹입니다. APP 그룹만 ${port} 포트로 받는 전용 보안 그룹을 주세요.`,
      resources: [resource.id],
    });
    return problems;
  }
  const tiers = shopTiers(graph);
  const app = tiers.app.groups;
  const rules = rulesAllowing(graph, service.groups, port);
  for (const rule of rules.filter((candidate) => !isFromGroups(candidate.source, app))) {
    const source = describeSource(rule.source);
    const ports = describePorts(rule);
    const where = {
      en: `${rule.group.id} lets ${source.en} in on ${ports.en}`,
      ko: `${rule.group.id}에서 ${source.ko}의 ${ports.ko} 접근을 허용합니다`,
    };
    if (isAnywhere(rule.source)) {
      problems.push({
        en: `${name} is open to the whole internet: ${where.en}. Admit the APP security group only.`,
        ko: `${withParticle(nameKo, '이/가')} 인터넷 전체에 열려 있습니다: ${where.ko}. APP 보안 그룹만 허용하세요.`,
        resources: [resource.id, rule.declaredBy.id],
      });
    } else if (rule.source.kind === 'cidr') {
      problems.push({
        en: `${name} admits an address range: ${where.en}. Addresses cannot tell the APP servers from WEB servers in the same subnets: admit the APP security group instead.`,
        ko: `${withParticle(nameKo, '이/가')} 주소 범위를 받습니다: ${where.ko}. 주소로는 같은 서브넷의 APP 서버와 WEB 서버를 구별할 수 없으니 APP 보안 그룹을 허용하세요.`,
        resources: [resource.id, rule.declaredBy.id],
      });
    } else if (isFromGroups(rule.source, tiers.web.groups)) {
      problems.push({
        en: `${name} admits the WEB tier: ${where.en}. WEB goes through the internal ALB to APP; only APP talks to the data tier.`,
        ko: `${withParticle(nameKo, '이/가')} WEB 계층을 받습니다: ${where.ko}. WEB은 내부 ALB를 거쳐 APP으로 가고, 데이터 계층과는 APP만 통신합니다.`,
        resources: [resource.id, rule.declaredBy.id],
      });
    } else {
      problems.push({
        en: `${name} admits more than the APP tier: ${where.en}. Admit the APP security group only.`,
        ko: `${withParticle(nameKo, '이/가')} APP 계층 말고도 받습니다: ${where.ko}. APP 보안 그룹만 허용하세요.`,
        resources: [resource.id, rule.declaredBy.id],
      });
    }
  }
  if (!rules.some((rule) => isFromGroups(rule.source, app))) {
    problems.push({
      en: `The APP servers cannot reach ${name}: no rule of ${service.groups.map((group) => group.id).join(', ')} admits the APP security group on ${port}.`,
      ko: `APP 서버가 ${nameKo}에 닿지 못합니다: ${service.groups.map((group) => group.id).join(', ')}에 APP 보안 그룹을 ${port} 포트로 허용하는 규칙이 없습니다.`,
      resources: [resource.id, ...service.groups.map((group) => group.id)],
    });
  }
  return problems;
}
