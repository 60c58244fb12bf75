import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addStorage, grownShopGraph, stackGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { s3GatewayEndpoint } from './s3-gateway-endpoint';

describe('s3-gateway-endpoint', () => {
  it('passes for vpc.addGatewayEndpoint with the S3 service', () => {
    expect(
      judge(
        s3GatewayEndpoint,
        grownShopGraph((shop) => addStorage(shop)),
      ).status,
    ).toBe('PASS');
  });

  it('passes for an L1 endpoint that leaves VpcEndpointType to its Gateway default', () => {
    const graph = stackGraph((stack) => {
      const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
      new ec2.CfnVPCEndpoint(stack, 'Storage', { vpcId: vpc.ref, serviceName: 'com.amazonaws.ap-northeast-2.s3' });
    });
    expect(judge(s3GatewayEndpoint, graph).status).toBe('PASS');
  });

  it('fails for an interface endpoint and for no endpoint at all', () => {
    const iface = judge(
      s3GatewayEndpoint,
      grownShopGraph((shop) => addStorage(shop, { endpoint: 'interface', policy: false })),
    );
    expect(iface.status).toBe('FAIL');
    expect(iface.message.en).toContain('of type Interface');
    expect(judge(s3GatewayEndpoint, grownShopGraph()).status).toBe('FAIL');
  });

  it('does not count a gateway endpoint for another service', () => {
    const graph = grownShopGraph((shop) => shop.vpc.addGatewayEndpoint('Dynamo', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB }));
    expect(judge(s3GatewayEndpoint, graph).status).toBe('FAIL');
  });
});
