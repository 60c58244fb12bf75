import { withParticle } from '../korean';
import { failWith } from '../problems';
import { s3Endpoints } from '../../model/queries/storage';
import type { Rule } from '../types';

/** The VPC has a gateway endpoint for S3. */
export const s3GatewayEndpoint: Rule = {
  id: 's3-gateway-endpoint',
  area: 'network',
  title: { en: 'The VPC has a gateway endpoint for Amazon S3', ko: 'VPC에 Amazon S3용 게이트웨이 엔드포인트가 있다' },
  severity: 'medium',
  points: 10,
  why: {
    en: "S3 has public addresses: without an endpoint, private APP servers reach it through the NAT gateway, which pays the NAT per-GB charge on every file and stops S3 access whenever that NAT gateway is down (the traffic stays on AWS's network either way). A gateway endpoint is free, takes the NAT gateway out of the path, and lets the bucket policy require it with aws:SourceVpce.",
    ko: 'S3는 퍼블릭 주소를 쓰므로 엔드포인트가 없으면 프라이빗 APP 서버가 NAT 게이트웨이를 거쳐 접근합니다. 파일마다 NAT의 GB당 요금이 붙고, 그 NAT 게이트웨이가 멈추면 S3에도 닿지 못합니다(어느 쪽이든 트래픽은 AWS 네트워크 안에 머뭅니다). 게이트웨이 엔드포인트는 무료이고, 경로에서 NAT 게이트웨이를 빼며, 버킷 정책이 aws:SourceVpce로 엔드포인트를 거친 요청만 받게 할 수 있습니다.',
  },
  fix: {
    en: "vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 }).",
    ko: "vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 })를 추가하세요.",
  },
  guide: { lab: 's3-static-hosting', section: 'gateway-endpoint' },
  seed: { seed: '000_0cb1d160706ddd77', section: '4-3' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const endpoints = s3Endpoints(graph);
    const gateways = endpoints.filter((candidate) => candidate.type === 'Gateway');
    if (gateways.length > 0) {
      return {
        status: 'PASS',
        message: {
          en: `Gateway endpoint ${gateways[0].endpoint.id} serves S3 inside the VPC.`,
          ko: `게이트웨이 엔드포인트 ${withParticle(gateways[0].endpoint.id, '이/가')} VPC 안에서 S3를 연결합니다.`,
        },
        resources: gateways.map((candidate) => candidate.endpoint.id),
      };
    }
    if (endpoints.length > 0) {
      return failWith([
        {
          en: `The S3 endpoint ${endpoints[0].endpoint.id} is of type ${endpoints[0].type}: it works, but costs per hour and per GB; a Gateway endpoint does the same for free through the route tables.`,
          ko: `S3 엔드포인트 ${endpoints[0].endpoint.id}의 유형이 ${endpoints[0].type}입니다. 동작은 하지만 시간·GB당 요금이 붙습니다. Gateway 엔드포인트는 라우팅 테이블로 같은 일을 무료로 합니다.`,
          resources: endpoints.map((candidate) => candidate.endpoint.id),
        },
      ]);
    }
    return failWith([
      {
        en: 'No VPC endpoint for S3: private servers reach S3 through the NAT gateway, paying its per-GB charge and depending on it.',
        ko: 'S3용 VPC 엔드포인트가 없습니다. 프라이빗 서버가 NAT 게이트웨이를 거쳐 S3에 접근하므로 GB당 요금을 내고 NAT 게이트웨이에 의존합니다.',
        resources: [],
      },
    ]);
  },
};
