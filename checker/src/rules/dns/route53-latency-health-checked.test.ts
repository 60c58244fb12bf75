import { judge } from '../fixtures/judge';
import { globalExpansionTemplates, idsOfType, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { route53LatencyHealthChecked } from './route53-latency-health-checked';

const READ = 'ShopGlobalExpansionReadRegion';
const verdict = (templates: StackTemplates) => judge(route53LatencyHealthChecked, labGraph('global-expansion', templates));
const records = (templates: StackTemplates) =>
  idsOfType(templates, READ, 'AWS::Route53::RecordSet').map((id) => resourcesOf(templates, READ)[id].Properties);

describe('route53-latency-health-checked', () => {
  it("passes for latency aliases to both Regions' ALBs, each with a health check", () => {
    const outcome = verdict(globalExpansionTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('routes api.shop-global-workshop.com by latency to WebLoadBalancer8E8983B1');
    expect(outcome.message.en).toContain('ShopGlobalExpansionReadRegion/WebLoadBalancer8E8983B1 (ap-northeast-1)');
  });

  it('passes for failover records that evaluate their alias targets instead of health checks', () => {
    const templates = globalExpansionTemplates();
    records(templates).forEach((record, i) => {
      delete record.Region;
      delete record.HealthCheckId;
      record.Failover = i === 0 ? 'PRIMARY' : 'SECONDARY';
    });
    const outcome = verdict(templates);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('by failover');
  });

  it('fails for a record with neither a health check nor target health', () => {
    const templates = globalExpansionTemplates();
    const [first] = records(templates);
    delete first.HealthCheckId;
    (first.AliasTarget as Record<string, unknown>).EvaluateTargetHealth = false;
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has no health check and does not evaluate its alias target');
  });

  it('fails when both records reach the same Region', () => {
    const templates = globalExpansionTemplates();
    const [first, second] = records(templates);
    first.AliasTarget = second.AliasTarget;
    expect(verdict(templates).message.en).toContain('reach the internet-facing ALB of one Region only');
  });

  it('fails without latency or failover records', () => {
    const templates = globalExpansionTemplates();
    records(templates).forEach((record) => {
      delete record.Region;
      delete record.SetIdentifier;
    });
    expect(verdict(templates).message.en).toContain('There is no latency or failover record');
  });
});
