import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { natGatewayPerAz } from './nat-gateway-per-az';

describe('nat-gateway-per-az', () => {
  it('passes for natGateways: 2 over two AZs', () => {
    const outcome = judge(natGatewayPerAz, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/AZ#1: .*NATGateway.*; AZ#2: .*NATGateway/);
  });

  it('passes for three L1 NAT gateways and a hand-written template over three named AZs', () => {
    expect(judge(natGatewayPerAz, l1ShopTemplate()).message.en).toContain('AZ#1: Nat0; AZ#2: Nat1; AZ#3: Nat2');
    expect(judge(natGatewayPerAz, handWrittenShop()).status).toBe('PASS');
  });

  it('fails for one NAT gateway shared by both AZs, naming the cross-AZ route', () => {
    const outcome = judge(natGatewayPerAz, shopTemplate({ natGateways: 1 }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/in AZ#2 sends 0\.0\.0\.0\/0 to NAT gateway \S+ in AZ#1: if AZ#1 fails/);
    expect(outcome.message.ko).toContain('AZ#2의 퍼블릭 서브넷에 NAT 게이트웨이를 추가');
  });

  it("fails when a private subnet routes to another AZ's NAT gateway by hand", () => {
    const template = handWrittenShop();
    template.Resources.AppRoutes3Egress.Properties.NatGatewayId = { Ref: 'Nat1' };
    expect(judge(natGatewayPerAz, template).message.en).toContain(
      'Private subnet AppSubnet3 in ap-northeast-2c sends 0.0.0.0/0 to NAT gateway Nat1 in ap-northeast-2a',
    );
  });

  it('fails for a NAT gateway in a private subnet, a private NAT gateway, and a default route to an instance', () => {
    const misplaced = handWrittenShop();
    misplaced.Resources.Nat2.Properties.SubnetId = { Ref: 'DataSubnet2' };
    expect(judge(natGatewayPerAz, misplaced).message.en).toContain(
      'NAT gateway Nat2 sits in subnet DataSubnet2, which has no route to the internet gateway',
    );
    const privateNat = handWrittenShop();
    privateNat.Resources.Nat1.Properties.ConnectivityType = 'private';
    expect(judge(natGatewayPerAz, privateNat).message.en).toContain('Nat1 is a private NAT gateway');
    const natInstance = handWrittenShop();
    natInstance.Resources.NatBox = { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'PublicSubnet1' }, ImageId: 'ami-1' } };
    natInstance.Resources.AppRoutes1Egress.Properties = {
      RouteTableId: { Ref: 'AppRoutes1' },
      DestinationCidrBlock: '0.0.0.0/0',
      InstanceId: { Ref: 'NatBox' },
    };
    expect(judge(natGatewayPerAz, natInstance).message.en).toContain('sends 0.0.0.0/0 to instance NatBox, not to a NAT gateway');
  });

  it('fails when Auto Scaling servers sit in subnets with no way out', () => {
    const template = handWrittenShop();
    for (const n of [1, 2, 3]) delete template.Resources[`AppRoutes${n}Egress`];
    expect(judge(natGatewayPerAz, template).message.en).toContain('holds Auto Scaling servers but has no 0.0.0.0/0 route');
  });

  it('fails when there is no private subnet at all (natGateways: 0)', () => {
    const outcome = judge(natGatewayPerAz, shopTemplate({ natGateways: 0, tierSubnets: ec2.SubnetType.PUBLIC, noInternalAlb: true }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No private subnet sends 0.0.0.0/0 to a NAT gateway');
  });
});
