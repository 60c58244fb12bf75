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
    en: 'S3 is a public AWS service: without an endpoint, private APP servers reach it through the NAT gateway and the internet, paying NAT data charges. A gateway endpoint keeps the traffic inside AWS and costs nothing.',
    ko: 'S3는 퍼블릭 AWS 서비스라서 엔드포인트가 없으면 프라이빗 APP 서버가 NAT 게이트웨이와 인터넷을 거쳐 접근하고 NAT 데이터 요금을 냅니다. 게이트웨이 엔드포인트는 트래픽을 AWS 내부망에 두고 요금도 없습니다.',
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
          ko: `게이트웨이 엔드포인트 ${gateways[0].endpoint.id}가 VPC 안에서 S3를 연결합니다.`,
        },
        resources: gateways.map((candidate) => candidate.endpoint.id),
      };
    }
    if (endpoints.length > 0) {
      return {
        status: 'FAIL',
        message: {
          en: `The S3 endpoint ${endpoints[0].endpoint.id} is of type ${endpoints[0].type}: it works, but costs per hour and per GB; a Gateway endpoint does the same for free through the route tables.`,
          ko: `S3 엔드포인트 ${endpoints[0].endpoint.id}의 유형이 ${endpoints[0].type}입니다. 동작은 하지만 시간·GB당 요금이 붙습니다. Gateway 엔드포인트는 라우팅 테이블로 같은 일을 무료로 합니다.`,
        },
        resources: endpoints.map((candidate) => candidate.endpoint.id),
      };
    }
    return {
      status: 'FAIL',
      message: {
        en: 'No VPC endpoint for S3: private servers reach S3 through the NAT gateway.',
        ko: 'S3용 VPC 엔드포인트가 없습니다. 프라이빗 서버가 NAT 게이트웨이를 거쳐 S3에 접근합니다.',
      },
    };
  },
};
