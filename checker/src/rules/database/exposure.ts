import type { ResourceGraph } from '../../model/graph';
import { clusterOf, dbInstances, dbSubnets, publicAccess } from '../../model/queries/database';
import { subnetRouting } from '../../model/queries/network';
import type { Resource } from '../../model/types';
import type { Problem } from '../problems';
import { withParticle } from '../korean';

/**
 * Why a database (an instance or a cluster's member instances) is reachable from the internet:
 * a public address or subnets with an internet gateway route. Used by rds-private and rds-read-replica-private.
 */
export function exposureProblems(graph: ResourceGraph, db: Resource, what: { en: string; ko: string }): Problem[] {
  const problems: Problem[] = [];
  const members = db.type === 'AWS::RDS::DBCluster' ? dbInstances(graph).filter((instance) => clusterOf(graph, instance) === db) : [db];
  for (const member of members) {
    const access = publicAccess(graph, member);
    if (!access.public) continue;
    problems.push(
      access.explicit
        ? {
            en: `${what.en} ${member.id} has PubliclyAccessible: true, so RDS gives it a public address: set publiclyAccessible: false.`,
            ko: `${what.ko} ${member.id}에 PubliclyAccessible: true가 있어 RDS가 퍼블릭 주소를 줍니다. publiclyAccessible: false로 바꾸세요.`,
            resources: [member.id],
          }
        : {
            en: `${what.en} ${member.id} does not set PubliclyAccessible, and its VPC has an internet gateway (or it has no subnet group), so RDS makes it public: set publiclyAccessible: false.`,
            ko: `${what.ko} ${member.id}에 PubliclyAccessible이 없고 VPC에 인터넷 게이트웨이가 있어(또는 서브넷 그룹이 없어) RDS가 퍼블릭으로 만듭니다. publiclyAccessible: false를 주세요.`,
            resources: [member.id],
          },
    );
  }
  const subnets = dbSubnets(graph, db);
  if (subnets.length === 0) {
    problems.push({
      en: `${what.en} ${db.id} has no DB subnet group, so RDS places it in the default VPC: give it a subnet group of your isolated subnets.`,
      ko: `${what.ko} ${db.id}에 DB 서브넷 그룹이 없어 RDS가 기본 VPC에 둡니다. 격리 서브넷으로 된 서브넷 그룹을 주세요.`,
      resources: [db.id],
    });
  }
  const exposed = subnets.filter((subnet) => subnetRouting(graph, subnet).internetGatewayRoutes.length > 0);
  if (exposed.length > 0) {
    problems.push({
      en: `${what.en} ${db.id} may be placed in subnet${exposed.length > 1 ? 's' : ''} ${exposed.map((s) => s.id).join(', ')}, which route${exposed.length > 1 ? '' : 's'} to the internet gateway: use a subnet group of isolated subnets (PRIVATE_ISOLATED).`,
      ko: `${what.ko} ${withParticle(db.id, '이/가')} 인터넷 게이트웨이로 라우팅되는 서브넷 ${exposed.map((s) => s.id).join(', ')}에 놓일 수 있습니다. 격리 서브넷(PRIVATE_ISOLATED)으로 된 서브넷 그룹을 쓰세요.`,
      resources: [db.id, ...exposed.map((s) => s.id)],
    });
  }
  return problems;
}
