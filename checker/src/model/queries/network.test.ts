import { ResourceGraph } from '../graph';
import { CannotEvaluate, type Resource } from '../types';
import { graphFromTemplate } from '../../sources/template/resolve';
import { handWrittenShop } from '../../rules/fixtures/hand-written-shop';
import { l1ShopTemplate } from '../../rules/fixtures/l1-shop';
import { shopTemplate } from '../../rules/fixtures/shop';
import {
  azsOf,
  describeRouteTarget,
  formatCidr,
  internetGatewaysOf,
  parseCidr,
  cidrContains,
  routeTableOf,
  shopVpc,
  subnetAz,
  subnetKind,
  subnetRouting,
  subnetsOf,
} from './network';

const kinds = (graph: ResourceGraph): Record<string, string> =>
  Object.fromEntries(subnetsOf(graph).map((subnet) => [subnet.id, `${subnetAz(graph, subnet)} ${subnetKind(graph, subnet)}`]));

describe('subnet routing', () => {
  it('classifies a CDK VPC: public (IGW), private (NAT) and isolated (no default route), one of each per AZ', () => {
    const graph = graphFromTemplate(shopTemplate());
    const byKind = (kind: string): string[] =>
      subnetsOf(graph)
        .filter((subnet) => subnetKind(graph, subnet) === kind)
        .map((subnet) => subnetAz(graph, subnet))
        .sort();
    expect(byKind('public')).toEqual(['AZ#1', 'AZ#2']);
    expect(byKind('private')).toEqual(['AZ#1', 'AZ#2']);
    expect(byKind('isolated')).toEqual(['AZ#1', 'AZ#2']);
    const privateSubnet = subnetsOf(graph).find((subnet) => subnetKind(graph, subnet) === 'private')!;
    expect(subnetRouting(graph, privateSubnet).defaultRoute?.target.kind).toBe('nat-gateway');
  });

  it('classifies L1 subnets over three AZs, with a shared public route table and database subnets left on the main route table', () => {
    const graph = graphFromTemplate(l1ShopTemplate());
    expect(kinds(graph)).toMatchObject({ Pub0: 'AZ#1 public', Pub2: 'AZ#3 public', App1: 'AZ#2 private', Data2: 'AZ#3 isolated' });
    expect(routeTableOf(graph, graph.get('Pub0')!)).toBe(routeTableOf(graph, graph.get('Pub1')!));
    expect(routeTableOf(graph, graph.get('Data0')!)).toBeUndefined();
    expect(azsOf(graph, subnetsOf(graph))).toEqual(['AZ#1', 'AZ#2', 'AZ#3']);
  });

  it('classifies a hand-written template with literal AZ names', () => {
    const graph = graphFromTemplate(handWrittenShop());
    expect(kinds(graph)).toMatchObject({
      PublicSubnet1: 'ap-northeast-2a public',
      AppSubnet2: 'ap-northeast-2b private',
      DataSubnet3: 'ap-northeast-2c isolated',
    });
    expect(internetGatewaysOf(graph, shopVpc(graph)!).map((gateway) => gateway.id)).toEqual(['Gateway']);
  });

  it('counts any route to an internet gateway as public, as AWS does, even without a default route', () => {
    const template = handWrittenShop();
    template.Resources.DataRoutes1Partner = {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: { Ref: 'DataRoutes1' }, DestinationCidrBlock: '203.0.113.0/24', GatewayId: { Ref: 'Gateway' } },
    };
    const graph = graphFromTemplate(template);
    const routing = subnetRouting(graph, graph.get('DataSubnet1')!);
    expect(routing.kind).toBe('public');
    expect(routing.defaultRoute).toBeUndefined();
    expect(describeRouteTarget(routing.internetGatewayRoutes[0].target)).toEqual({
      en: 'internet gateway Gateway',
      ko: '인터넷 게이트웨이 Gateway',
    });
  });

  it('throws CannotEvaluate for a subnet whose AZ AWS picks at deploy time', () => {
    const graph = graphFromTemplate({
      Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: {} }, S: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' } } } },
    });
    expect(() => subnetAz(graph, graph.get('S')!)).toThrow(CannotEvaluate);
  });

  it('reads a live graph: physical ids, id-prefixed targets outside the graph and the main route table', () => {
    const resource = (id: string, type: string, properties: Record<string, unknown>, live?: Record<string, unknown>): Resource => ({
      id,
      type,
      physicalId: id,
      properties,
      live,
    });
    const graph = new ResourceGraph('live', [
      resource('vpc-1', 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' }),
      resource('subnet-a', 'AWS::EC2::Subnet', { VpcId: { $ref: 'vpc-1' }, AvailabilityZone: 'ap-northeast-2a' }),
      resource('subnet-b', 'AWS::EC2::Subnet', { VpcId: { $ref: 'vpc-1' }, AvailabilityZone: 'ap-northeast-2b' }),
      resource('rtb-main', 'AWS::EC2::RouteTable', { VpcId: { $ref: 'vpc-1' } }, { main: true }),
      resource('rtb-main|0.0.0.0/0', 'AWS::EC2::Route', {
        RouteTableId: { $ref: 'rtb-main' },
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: 'igw-0abc',
      }),
      resource('rtb-b', 'AWS::EC2::RouteTable', { VpcId: { $ref: 'vpc-1' } }),
      resource('rtbassoc-b', 'AWS::EC2::SubnetRouteTableAssociation', { SubnetId: { $ref: 'subnet-b' }, RouteTableId: { $ref: 'rtb-b' } }),
    ]);
    expect(routeTableOf(graph, graph.get('subnet-a')!)?.id).toBe('rtb-main');
    expect(subnetKind(graph, graph.get('subnet-a')!)).toBe('public');
    expect(subnetKind(graph, graph.get('subnet-b')!)).toBe('isolated');
    const orphan = new ResourceGraph('live', [
      resource('vpc-1', 'AWS::EC2::VPC', {}),
      resource('subnet-a', 'AWS::EC2::Subnet', { VpcId: { $ref: 'vpc-1' } }),
    ]);
    expect(() => routeTableOf(orphan, orphan.get('subnet-a')!)).toThrow('main route table, which was not loaded');
  });
});

describe('CIDR blocks', () => {
  it('normalizes to the network address and rejects what is not IPv4', () => {
    expect(formatCidr(parseCidr('10.0.5.7/16')!)).toBe('10.0.0.0/16');
    expect(parseCidr('10.0.0.0/16')).toEqual({ network: 10 * 2 ** 24, prefix: 16 });
    expect(parseCidr('10.0.0.256/16')).toBeUndefined();
    expect(parseCidr('fd00::/8')).toBeUndefined();
  });

  it('tells whether one block contains another', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.3.0/24')).toBe(true);
    expect(cidrContains('10.0.3.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrContains('10.0.0.0/16', '10.1.0.0/24')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '203.0.113.7/32')).toBe(true);
    expect(cidrContains('10.0.0.0/16', 'not-a-cidr')).toBe(false);
  });
});
