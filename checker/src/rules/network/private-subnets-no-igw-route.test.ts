import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { privateSubnetsNoIgwRoute } from './private-subnets-no-igw-route';

describe('private-subnets-no-igw-route', () => {
  it('passes when the servers, the internal ALB and the database sit in private or isolated subnets (L2, L1, hand-written)', () => {
    expect(judge(privateSubnetsNoIgwRoute, shopTemplate()).status).toBe('PASS');
    expect(judge(privateSubnetsNoIgwRoute, l1ShopTemplate()).status).toBe('PASS');
    expect(judge(privateSubnetsNoIgwRoute, handWrittenShop()).status).toBe('PASS');
  });

  it('fails when the Auto Scaling groups launch in public subnets', () => {
    const outcome = judge(privateSubnetsNoIgwRoute, shopTemplate({ tierSubnets: ec2.SubnetType.PUBLIC }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(
      /^WebFleet\w+ uses subnets \S+, \S+, which send 0\.0\.0\.0\/0 to internet gateway \S+: that makes them public/,
    );
  });

  it('fails when a database subnet gets a route to the internet gateway, whatever its destination', () => {
    const template = handWrittenShop();
    template.Resources.DataRoutes1Partner = {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: { Ref: 'DataRoutes1' }, DestinationCidrBlock: '198.51.100.0/24', GatewayId: { Ref: 'Gateway' } },
    };
    const outcome = judge(privateSubnetsNoIgwRoute, template);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Database uses subnet DataSubnet1, which sends 198.51.100.0/24 to internet gateway Gateway');
  });

  it('passes with no workloads yet when some subnets have no internet gateway route, fails when every subnet is public', () => {
    const template = handWrittenShop();
    for (const id of ['WebFleet', 'AppFleet', 'InnerAlb', 'InnerListener', 'Database']) delete template.Resources[id];
    expect(judge(privateSubnetsNoIgwRoute, template).message.en).toContain('no servers or database are placed in them yet');
    const allPublic = shopTemplate({
      maxAzs: 1,
      natGateways: 0,
      noIsolatedSubnets: true,
      noDatabase: true,
      tierSubnets: ec2.SubnetType.PUBLIC,
    });
    const graphless = allPublic as { Resources: Record<string, { Type: string }> };
    for (const [id, resource] of Object.entries(graphless.Resources)) {
      if (resource.Type.startsWith('AWS::AutoScaling') || resource.Type.startsWith('AWS::ElasticLoadBalancingV2') || id.includes('Apps'))
        delete graphless.Resources[id];
    }
    expect(judge(privateSubnetsNoIgwRoute, allPublic).message.en).toContain('Every subnet routes to the internet gateway');
  });
});
