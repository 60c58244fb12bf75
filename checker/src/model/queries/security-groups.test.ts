import { graphFromTemplate } from '../../sources/template/resolve';
import { handWrittenShop } from '../../rules/fixtures/hand-written-shop';
import { l1ShopTemplate } from '../../rules/fixtures/l1-shop';
import { shopTemplate } from '../../rules/fixtures/shop';
import { CannotEvaluate } from '../types';
import { allowsPort, describePorts, groupsReaching, ingressRules, isAnywhere, launchSpecOf, securityGroupsOf } from './security-groups';

describe('security group ingress', () => {
  it('reads separate AWS::EC2::SecurityGroupIngress resources (CDK, GetAtt GroupId) and resolves Endpoint.Port to the database port', () => {
    const graph = graphFromTemplate(shopTemplate());
    const [db] = graph.ofType('AWS::RDS::DBInstance');
    const [dbGroup] = securityGroupsOf(graph, db);
    const rules = ingressRules(graph, dbGroup);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ protocol: 'tcp', fromPort: 3306, toPort: 3306, source: { kind: 'security-group' } });
    expect(rules[0].declaredBy.type).toBe('AWS::EC2::SecurityGroupIngress');
    const [app] = graph.ofType('AWS::AutoScaling::AutoScalingGroup').filter((asg) => asg.id.startsWith('AppFleet'));
    expect(groupsReaching(graph, dbGroup, 3306)).toEqual(securityGroupsOf(graph, app));
    expect(groupsReaching(graph, dbGroup, 80)).toEqual([]);
  });

  it('reads inline rules whose source is a Ref (L1) and protocol numbers (hand-written)', () => {
    const l1 = graphFromTemplate(l1ShopTemplate());
    expect(groupsReaching(l1, l1.get('DbSg')!, 3306).map((group) => group.id)).toEqual(['AppSg']);
    const hand = graphFromTemplate(handWrittenShop());
    expect(ingressRules(hand, hand.get('WebGroup')!)[0]).toMatchObject({ protocol: 'tcp', fromPort: 80, toPort: 80 });
    const open = ingressRules(hand, hand.get('ElbGroup')!)[0];
    expect(isAnywhere(open.source)).toBe(true);
  });

  it('treats IpProtocol -1 as every port and protocol', () => {
    const template = handWrittenShop();
    template.Resources.DbFromApp.Properties = { GroupId: { Ref: 'DbGroup' }, SourceSecurityGroupId: { Ref: 'AppGroup' }, IpProtocol: -1 };
    const graph = graphFromTemplate(template);
    const [rule] = ingressRules(graph, graph.get('DbGroup')!);
    expect(allowsPort(rule, 22)).toBe(true);
    expect(allowsPort(rule, 53, 'udp')).toBe(true);
    expect(describePorts(rule)).toEqual({ en: 'all traffic', ko: '모든 트래픽' });
  });

  it('finds the groups of instances, launch templates (plain and in network interfaces), ASGs, load balancers and databases', () => {
    const hand = graphFromTemplate(handWrittenShop());
    expect(securityGroupsOf(hand, hand.get('AppFleet')!).map((g) => g.id)).toEqual(['AppGroup']);
    expect(launchSpecOf(hand, hand.get('AppFleet')!)).toMatchObject({ kind: 'launch-template', resource: { id: 'AppLaunch' } });
    expect(securityGroupsOf(hand, hand.get('InnerAlb')!).map((g) => g.id)).toEqual(['InnerGroup']);
    expect(securityGroupsOf(hand, hand.get('Database')!).map((g) => g.id)).toEqual(['DbGroup']);
  });

  it('cannot judge a group that is not part of the stack', () => {
    const template = handWrittenShop();
    (template.Resources.Database.Properties.VPCSecurityGroups as unknown[]).push('sg-0123456789abcdef0');
    const graph = graphFromTemplate(template);
    expect(() => securityGroupsOf(graph, graph.get('Database')!)).toThrow(CannotEvaluate);
  });
});
