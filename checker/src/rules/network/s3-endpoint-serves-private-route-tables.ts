import { absent } from '../absent';
import { failWith } from '../problems';
import { subnetRouting, subnetsOf, vpcOf } from '../../model/queries/network';
import { s3Endpoints } from '../../model/queries/storage';
import type { Resource } from '../../model/types';
import type { Rule } from '../types';

/** Every private subnet's route table has the S3 gateway endpoint's route. */
export const s3EndpointServesPrivateRouteTables: Rule = {
  id: 's3-endpoint-serves-private-route-tables',
  area: 'network',
  title: {
    en: "The S3 gateway endpoint is attached to every private subnet's route table",
    ko: 'S3 게이트웨이 엔드포인트가 모든 프라이빗 서브넷의 라우팅 테이블에 연결되어 있다',
  },
  severity: 'medium',
  points: 5,
  why: {
    en: "A gateway endpoint works through routes: only subnets whose route table lists it send S3 traffic to it. A private subnet left out still goes through NAT, and the bucket policy's aws:SourceVpce Deny then blocks its servers.",
    ko: '게이트웨이 엔드포인트는 경로로 동작합니다. 라우팅 테이블에 엔드포인트가 있는 서브넷만 S3 트래픽을 엔드포인트로 보냅니다. 빠진 프라이빗 서브넷은 계속 NAT를 거치고, 버킷 정책의 aws:SourceVpce Deny에 막힙니다.',
  },
  fix: {
    en: 'Leave out `subnets` in vpc.addGatewayEndpoint (all subnets), or list every private subnet type: subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }].',
    ko: 'vpc.addGatewayEndpoint에서 subnets를 빼거나(모든 서브넷), 모든 프라이빗 서브넷 유형을 넣으세요: subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }].',
  },
  guide: { lab: 's3-static-hosting', section: 'gateway-endpoint' },
  seed: { seed: '000_0cb1d160706ddd77', section: '4-2' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const gateways = s3Endpoints(graph).filter((candidate) => candidate.type === 'Gateway');
    if (gateways.length === 0) {
      return absent({ thing: { en: 'S3 gateway endpoint', ko: 'S3 게이트웨이 엔드포인트' }, reportedBy: 's3-gateway-endpoint' });
    }
    const missing: Resource[] = [];
    const served = new Set<Resource>();
    let privateTables = 0;
    for (const { endpoint } of gateways) {
      const tables = new Set(graph.refsIn(graph.prop(endpoint, 'RouteTableIds')));
      const vpc = vpcOf(graph, endpoint);
      const seen = new Set<Resource>();
      for (const subnet of subnetsOf(graph, vpc)) {
        const routing = subnetRouting(graph, subnet);
        if (routing.kind !== 'private' || !routing.routeTable || seen.has(routing.routeTable)) continue;
        seen.add(routing.routeTable);
        privateTables += 1;
        if (tables.has(routing.routeTable)) served.add(routing.routeTable);
        else missing.push(routing.routeTable);
      }
    }
    if (privateTables === 0) {
      return absent({ thing: { en: 'private subnet with a NAT route', ko: 'NAT 경로가 있는 프라이빗 서브넷' }, nothingToCheck: true });
    }
    if (missing.length > 0) {
      return failWith([
        {
          en: `Route table(s) ${missing.map((table) => table.id).join(', ')} of private subnets do not list the S3 endpoint: their servers still reach S3 through NAT.`,
          ko: `프라이빗 서브넷의 라우팅 테이블 ${missing.map((table) => table.id).join(', ')}에 S3 엔드포인트가 없습니다. 그 서버들은 여전히 NAT를 거쳐 S3에 갑니다.`,
          resources: missing.map((table) => table.id),
        },
      ]);
    }
    return {
      status: 'PASS',
      message: {
        en: `All ${privateTables} private route table(s) send S3 traffic to the gateway endpoint.`,
        ko: `프라이빗 라우팅 테이블 ${privateTables}개가 모두 S3 트래픽을 게이트웨이 엔드포인트로 보냅니다.`,
      },
      resources: [...served].map((table) => table.id),
    };
  },
};
