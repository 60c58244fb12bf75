import { graphFromTemplate } from '../../sources/template/resolve';
import { handWrittenShop } from '../../rules/fixtures/hand-written-shop';
import { shopTemplate } from '../../rules/fixtures/shop';
import { shopTiers, type Tier } from './chain';

describe('shopTiers', () => {
  it('finds the five tiers by what they do, with their groups and ports', () => {
    const graph = graphFromTemplate(shopTemplate());
    const tiers = shopTiers(graph);
    const summary = Object.fromEntries(
      (Object.entries(tiers) as Array<[string, Tier]>).map(([key, tier]) => [
        key,
        { members: tier.members.map((m) => m.type), ports: tier.ports },
      ]),
    );
    expect(summary).toEqual({
      externalAlb: { members: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], ports: [80] },
      web: { members: ['AWS::AutoScaling::AutoScalingGroup'], ports: [80] },
      internalAlb: { members: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], ports: [80] },
      app: { members: ['AWS::AutoScaling::AutoScalingGroup'], ports: [8080] },
      database: { members: ['AWS::RDS::DBInstance'], ports: [3306] },
    });
    expect(tiers.web.members[0].id).toMatch(/^WebFleet/);
    expect(tiers.app.members[0].id).toMatch(/^AppFleet/);
  });

  it('leaves a tier empty when nothing plays its part', () => {
    const template = handWrittenShop();
    delete template.Resources.InnerAlb;
    delete template.Resources.InnerListener;
    const tiers = shopTiers(graphFromTemplate(template));
    expect(tiers.internalAlb.members).toEqual([]);
    expect(tiers.app.members).toEqual([]);
    expect(tiers.web.groups.map((g) => g.id)).toEqual(['WebGroup']);
  });
});
