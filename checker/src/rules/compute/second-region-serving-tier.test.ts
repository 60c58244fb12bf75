import { judge } from '../fixtures/judge';
import { globalExpansionTemplates, idsOfType, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { secondRegionServingTier } from './second-region-serving-tier';

const READ = 'ShopGlobalExpansionReadRegion';
const verdict = (templates: StackTemplates) => judge(secondRegionServingTier, labGraph('global-expansion', templates));

describe('second-region-serving-tier', () => {
  it('passes for the read Region stack: VPC, internet-facing ALB and WEB/APP groups over two AZs', () => {
    const outcome = verdict(globalExpansionTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('The secondary Region (ap-northeast-1) serves on its own');
  });

  it('judges the secondary Region only: a flaw there fails even though the primary is fine', () => {
    const templates = globalExpansionTemplates();
    const web = resourcesOf(templates, READ).WebGroupASG5FD1935A.Properties;
    web.VPCZoneIdentifier = [{ Ref: 'NetworkVpcPublicSubnet1Subnet36933139' }, { Ref: 'NetworkVpcPublicSubnet2SubnetC427CCE0' }];
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('In the secondary Region (ap-northeast-1): ');
    expect(outcome.message.en).toContain('launches servers in public subnets');
  });

  it('fails for an internal-only load balancer there', () => {
    const templates = globalExpansionTemplates();
    resourcesOf(templates, READ).WebLoadBalancer8E8983B1.Properties.Scheme = 'internal';
    expect(verdict(templates).message.en).toContain('Every Application Load Balancer is internal');
  });

  it('fails when a group runs in one AZ', () => {
    const templates = globalExpansionTemplates();
    resourcesOf(templates, READ).AppGroupASG744D7F67.Properties.VPCZoneIdentifier = [{ Ref: 'NetworkVpcAppSubnet1SubnetFA2393E9' }];
    expect(verdict(templates).message.en).toContain('runs only in AZ#1');
  });

  it('fails without any VPC in the secondary Region', () => {
    const templates = globalExpansionTemplates();
    const resources = resourcesOf(templates, READ);
    for (const id of idsOfType(templates, READ, 'AWS::EC2::VPC')) delete resources[id];
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('There is no VPC in the secondary Region (ap-northeast-1)');
  });
});
