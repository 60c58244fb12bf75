import { runFetcher } from '../test-transport';
import { elbv2Fetcher } from './elbv2';

const lbArn = 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/shop/abc';
const tgArn = 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/web/def';
const listenerArn = 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:listener/app/shop/abc/ghi';

describe('elbv2 fetcher', () => {
  it('maps load balancers, their attributes and listeners, and target groups', async () => {
    const { byId, requests } = await runFetcher(
      elbv2Fetcher,
      {
        'elbv2:DescribeLoadBalancers': {
          LoadBalancers: [
            {
              LoadBalancerArn: lbArn,
              LoadBalancerName: 'shop',
              DNSName: 'shop-1.ap-northeast-2.elb.amazonaws.com',
              Scheme: 'internet-facing',
              Type: 'application',
              VpcId: 'vpc-1',
              State: { Code: 'active' },
              IpAddressType: 'ipv4',
              AvailabilityZones: [
                { ZoneName: 'ap-northeast-2a', SubnetId: 'subnet-pa' },
                { ZoneName: 'ap-northeast-2c', SubnetId: 'subnet-pc' },
              ],
              SecurityGroups: ['sg-alb'],
            },
          ],
        },
        'elbv2:DescribeLoadBalancerAttributes': { Attributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }] },
        'elbv2:DescribeListeners': (input: Record<string, unknown>) =>
          input.Marker
            ? { Listeners: [] }
            : {
                Listeners: [
                  {
                    ListenerArn: listenerArn,
                    LoadBalancerArn: lbArn,
                    Port: 80,
                    Protocol: 'HTTP',
                    DefaultActions: [
                      { Type: 'forward', TargetGroupArn: tgArn, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1 }] } },
                    ],
                  },
                ],
                NextMarker: 'm2',
              },
        'elbv2:DescribeTargetGroups': {
          TargetGroups: [
            {
              TargetGroupArn: tgArn,
              TargetGroupName: 'web',
              Port: 80,
              Protocol: 'HTTP',
              VpcId: 'vpc-1',
              TargetType: 'instance',
              HealthCheckPath: '/',
              Matcher: { HttpCode: '200' },
              LoadBalancerArns: [lbArn],
            },
          ],
        },
      },
      [
        { logicalId: 'Alb', physicalId: lbArn, type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' },
        { logicalId: 'Listener', physicalId: listenerArn, type: 'AWS::ElasticLoadBalancingV2::Listener' },
        { logicalId: 'WebTg', physicalId: tgArn, type: 'AWS::ElasticLoadBalancingV2::TargetGroup' },
      ],
    );
    expect(byId(lbArn)).toMatchObject({
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      properties: {
        Name: 'shop',
        Type: 'application',
        Scheme: 'internet-facing',
        Subnets: [{ $ref: 'subnet-pa' }, { $ref: 'subnet-pc' }],
        SecurityGroups: [{ $ref: 'sg-alb' }],
        LoadBalancerAttributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }],
      },
      live: {
        logicalId: 'Alb',
        arn: lbArn,
        dnsName: 'shop-1.ap-northeast-2.elb.amazonaws.com',
        availabilityZones: ['ap-northeast-2a', 'ap-northeast-2c'],
      },
    });
    expect(byId(listenerArn).properties).toEqual({
      LoadBalancerArn: { $ref: lbArn },
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        {
          Type: 'forward',
          TargetGroupArn: { $ref: tgArn },
          ForwardConfig: { TargetGroups: [{ TargetGroupArn: { $ref: tgArn }, Weight: 1 }] },
        },
      ],
    });
    expect(byId(tgArn).properties).toMatchObject({
      Port: 80,
      Protocol: 'HTTP',
      VpcId: { $ref: 'vpc-1' },
      TargetType: 'instance',
      Matcher: { HttpCode: '200' },
    });
    expect(requests.filter((request) => request.command === 'DescribeListeners').map((request) => request.input.Marker)).toEqual([
      undefined,
      'm2',
    ]);
  });
});
