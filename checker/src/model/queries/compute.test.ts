import { graphFromTemplate } from '../../sources/template/resolve';
import { handWrittenShop } from '../../rules/fixtures/hand-written-shop';
import { l1ShopTemplate } from '../../rules/fixtures/l1-shop';
import {
  applicationLoadBalancers,
  autoScalingGroupAzs,
  autoScalingGroupMinSize,
  autoScalingGroupsBehind,
  listenerPorts,
  launchedFromTemplate,
  serverDefinitions,
  loadBalancerScheme,
  loadBalancerSubnets,
  targetGroupsOf,
} from './compute';

describe('load balancers and Auto Scaling groups', () => {
  it('reads the scheme with its internet-facing default, subnets, listeners and the groups behind forward actions (L1)', () => {
    const graph = graphFromTemplate(l1ShopTemplate());
    const web = graph.get('WebLb')!;
    expect(loadBalancerScheme(graph, web)).toBe('internet-facing');
    expect(applicationLoadBalancers(graph, 'internal').map((lb) => lb.id)).toEqual(['AppLb']);
    expect(loadBalancerSubnets(graph, web).map((s) => s.id)).toEqual(['Pub0', 'Pub1', 'Pub2']);
    expect(listenerPorts(graph, web)).toEqual([80]);
    expect(autoScalingGroupsBehind(graph, web).map((asg) => asg.id)).toEqual(['WebGroup']);
    expect(autoScalingGroupAzs(graph, graph.get('WebGroup')!)).toEqual(['AZ#1', 'AZ#2', 'AZ#3']);
    expect(autoScalingGroupMinSize(graph, graph.get('WebGroup')!)).toBe(3);
  });

  it('follows SubnetMappings and listener rules (hand-written)', () => {
    const graph = graphFromTemplate(handWrittenShop());
    const front = graph.get('FrontAlb')!;
    expect(loadBalancerSubnets(graph, front).map((s) => s.id)).toEqual(['PublicSubnet1', 'PublicSubnet2', 'PublicSubnet3']);
    expect(targetGroupsOf(graph, front).map((group) => group.id)).toEqual(['WebTargets']);
    expect(autoScalingGroupsBehind(graph, front).map((asg) => asg.id)).toEqual(['WebFleet']);
    expect(autoScalingGroupsBehind(graph, graph.get('InnerAlb')!).map((asg) => asg.id)).toEqual(['AppFleet']);
  });

  it('lists the server definitions a stack launches from, leaving out a launch template nothing uses', () => {
    const template = handWrittenShop() as { Resources: Record<string, unknown> };
    template.Resources.Spare = { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1' } } };
    template.Resources.Single = {
      Type: 'AWS::EC2::Instance',
      Properties: { ImageId: 'ami-1', LaunchTemplate: { LaunchTemplateId: { Ref: 'Spare' }, Version: '1' } },
    };
    const withUse = graphFromTemplate(template);
    expect(serverDefinitions(withUse).templates.map((t) => t.id)).toContain('Spare');
    expect(launchedFromTemplate(withUse, withUse.get('Single')!)).toBe(true);
    delete template.Resources.Single;
    const unused = graphFromTemplate(template);
    expect(serverDefinitions(unused).templates.map((t) => t.id)).not.toContain('Spare');
    expect(serverDefinitions(unused).instances).toEqual([]);
  });
});
