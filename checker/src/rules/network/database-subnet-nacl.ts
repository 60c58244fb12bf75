import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { LocalizedText } from '@workshop/catalog';
import { shopTiers } from '../../model/queries/chain';
import { autoScalingGroupSubnets } from '../../model/queries/compute';
import { dbPort, dbSubnets, primaryDatabases } from '../../model/queries/database';
import { aclEntryCovers, networkAclEntries, networkAclOf } from '../../model/queries/nacl';
import { cidrContains } from '../../model/queries/network';
import { stringProp } from '../../model/queries/values';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

/** The database subnets have their own network ACL: database port in from the app side, replies out, nothing open to everyone. */
export const databaseSubnetNacl: Rule = {
  id: 'database-subnet-nacl',
  area: 'network',
  title: {
    en: 'The database subnets have their own network ACL: the database port in, replies out, nothing open to 0.0.0.0/0',
    ko: 'DB 서브넷에 전용 NACL이 있다: DB 포트는 들어오고 응답은 나가며, 0.0.0.0/0에 열린 것은 없다',
  },
  severity: 'medium',
  points: 10,
  why: {
    en: 'A security group guards each resource and remembers connections (stateful); a network ACL guards the whole subnet and checks every packet both ways (stateless). Together they are two walls: a mistake in one does not open the database.',
    ko: '보안 그룹은 리소스마다 붙고 연결을 기억합니다(stateful). NACL은 서브넷 전체를 지키고 모든 패킷을 양방향으로 검사합니다(stateless). 둘이 함께 두 겹의 벽이 되어, 하나에서 실수해도 데이터베이스가 열리지 않습니다.',
  },
  fix: {
    en: 'new ec2.NetworkAcl(this, ..., { vpc, subnetSelection: { subnetType: PRIVATE_ISOLATED } }) with an INGRESS ALLOW of the database port from each APP subnet CIDR and an EGRESS ALLOW of tcp 1024-65535 back to them.',
    ko: 'new ec2.NetworkAcl(this, ..., { vpc, subnetSelection: { subnetType: PRIVATE_ISOLATED } })에 APP 서브넷 CIDR마다 DB 포트의 INGRESS ALLOW와, 그쪽으로 돌아가는 tcp 1024-65535의 EGRESS ALLOW를 넣으세요.',
  },
  guide: { lab: 'security-review', section: 'nacl-vs-security-group' },
  seed: { seed: '001_8b32331c4bddb65a', section: 'Feed Back: VPC에 대한 보안 컨설팅 (NACL)' },
  modes: ['template', 'live'],
  services: ['ec2', 'rds'],
  resourceTypes: ['AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation'],
  evaluate({ graph }) {
    const databases = primaryDatabases(graph);
    const subnets = [...new Set(databases.flatMap((db) => dbSubnets(graph, db)))];
    if (subnets.length === 0) return absent({ thing: { en: 'database subnets', ko: 'DB 서브넷' }, nothingToCheck: true });
    const ports = [...new Set(databases.map((db) => dbPort(graph, db)))];
    const databaseCidrs = subnets.flatMap((subnet) => stringProp(graph, subnet, 'CidrBlock') ?? []);
    // The clients: the APP servers' subnets when the tiers are known, else any range outside the database subnets.
    const appCidrs = [...new Set(shopTiers(graph).app.members.flatMap((asg) => autoScalingGroupSubnets(graph, asg)))].flatMap(
      (subnet) => stringProp(graph, subnet, 'CidrBlock') ?? [],
    );
    const isClient = (cidr: string | undefined): boolean =>
      cidr !== undefined &&
      !cidr.endsWith('/0') &&
      (appCidrs.length > 0 ? appCidrs.some((app) => cidrContains(cidr, app)) : !databaseCidrs.some((db) => cidrContains(db, cidr)));
    const problems: LocalizedText[] = [];
    const acls = new Set<Resource>();
    for (const subnet of subnets) {
      const acl = networkAclOf(graph, subnet);
      if (!acl) {
        problems.push({
          en: `${subnet.id} uses the VPC's default network ACL, which allows everything`,
          ko: `${withParticle(subnet.id, '이/가')} 모든 것을 허용하는 VPC 기본 NACL을 씁니다`,
        });
        continue;
      }
      acls.add(acl);
      const entries = networkAclEntries(graph, acl);
      const inbound = entries.filter((e) => !e.egress && e.allow);
      const outbound = entries.filter((e) => e.egress && e.allow);
      const anywhere = inbound.find((e) => e.cidr?.endsWith('/0') && e.protocol === '-1');
      if (anywhere) {
        problems.push({
          en: `${acl.id} lets all traffic in from ${anywhere.cidr}`,
          ko: `${withParticle(acl.id, '이/가')} ${anywhere.cidr}의 모든 트래픽을 들입니다`,
        });
      }
      const missingPorts = ports.filter((port) => !inbound.some((e) => isClient(e.cidr) && aclEntryCovers(e, port)));
      if (missingPorts.length > 0) {
        problems.push({
          en: `${acl.id} lets no APP subnet reach the database port ${missingPorts.join(', ')}`,
          ko: `${withParticle(acl.id, '이/가')} APP 서브넷에서 DB 포트 ${withParticle(missingPorts.join(', '), '으로/로')} 오는 연결을 들이지 않습니다`,
        });
      }
      if (!outbound.some((e) => isClient(e.cidr) && aclEntryCovers(e, 1024) && aclEntryCovers(e, 65535))) {
        problems.push({
          en: `${acl.id} sends no replies back (allow tcp 1024-65535 out: a network ACL is stateless)`,
          ko: `${withParticle(acl.id, '이/가')} 응답을 내보내지 않습니다(tcp 1024-65535 아웃바운드 허용이 필요합니다. NACL은 stateless입니다)`,
        });
      }
    }
    if (problems.length > 0) {
      return failWith(problems.map((problem) => ({ en: `${problem.en}.`, ko: `${problem.ko}.`, resources: subnets.map((s) => s.id) })));
    }
    return {
      status: 'PASS',
      message: {
        en: `Network ACL ${[...acls].map((a) => a.id).join(', ')} guards the ${subnets.length} database subnets: port ${ports.join(', ')} in from the app side, replies out.`,
        ko: `NACL ${withParticle([...acls].map((a) => a.id).join(', '), '이/가')} DB 서브넷 ${subnets.length}개를 지킵니다. 앱 쪽에서 오는 ${ports.join(', ')} 포트를 들이고 응답을 내보냅니다.`,
      },
      resources: [...acls].map((a) => a.id),
    };
  },
};
