import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { publicSubnetsRouteToIgw } from './public-subnets-route-to-igw';

describe('public-subnets-route-to-igw', () => {
  it('passes for CDK public subnets, an L1 route table shared by three subnets and a hand-written template', () => {
    expect(judge(publicSubnetsRouteToIgw, shopTemplate()).status).toBe('PASS');
    expect(judge(publicSubnetsRouteToIgw, l1ShopTemplate()).message.en).toContain('3 public subnet(s)');
    expect(judge(publicSubnetsRouteToIgw, handWrittenShop()).status).toBe('PASS');
  });

  it('fails when a NAT gateway sits in a subnet whose default route is missing', () => {
    const template = handWrittenShop();
    delete template.Resources.PublicRoutes2Internet;
    const outcome = judge(publicSubnetsRouteToIgw, template);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain(
      'Subnet PublicSubnet2 holds NAT gateway Nat2 and holds internet-facing load balancer FrontAlb but has no 0.0.0.0/0 route',
    );
    expect(outcome.resources).toContain('PublicSubnet2');
  });

  it('fails when the internet gateway is not attached to the VPC', () => {
    const template = handWrittenShop();
    delete template.Resources.GatewayToVpc;
    expect(judge(publicSubnetsRouteToIgw, template).message.en).toContain('No internet gateway is attached');
  });

  it('fails when no subnet routes to the internet gateway', () => {
    const template = handWrittenShop();
    for (const n of [1, 2, 3]) delete template.Resources[`PublicRoutes${n}Internet`];
    for (const id of ['Nat1', 'Nat2', 'Nat3', 'FrontAlb', 'FrontListener', 'FrontToWeb']) delete template.Resources[id];
    for (const n of [1, 2, 3]) delete template.Resources[`AppRoutes${n}Egress`];
    expect(judge(publicSubnetsRouteToIgw, template).message.en).toContain('so none is public');
  });

  it('fails when there is no VPC', () => {
    expect(judge(publicSubnetsRouteToIgw, { Resources: {} }).status).toBe('FAIL');
  });
});
