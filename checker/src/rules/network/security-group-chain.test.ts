import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { securityGroupChain } from './security-group-chain';

describe('security-group-chain', () => {
  it('passes for the five-group chain built with L2 constructs (separate ingress resources, GetAtt GroupId)', () => {
    const outcome = judge(securityGroupChain, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(
      /internet → ELB \(FrontDoorSg\w+\) → WEB \(WebServersSg\w+\) → internal ALB \(InnerLbSg\w+\) → APP \(AppServersSg\w+\) → RDS/,
    );
  });

  it('passes for L1 inline rules with Ref sources over three AZs and for a hand-written template', () => {
    expect(judge(securityGroupChain, l1ShopTemplate()).message.en).toContain(
      'ELB (LbSg) → WEB (WebSg) → internal ALB (InnerSg) → APP (AppSg) → RDS (DbSg)',
    );
    expect(judge(securityGroupChain, handWrittenShop()).status).toBe('PASS');
  });

  it('passes when a read replica shares the database group, and when a non-tier group (a bastion) reaches APP', () => {
    expect(judge(securityGroupChain, shopTemplate({ readReplica: {} })).status).toBe('PASS');
    const template = handWrittenShop();
    template.Resources.BastionGroup = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: { GroupDescription: 'bastion', VpcId: { Ref: 'Vpc' } },
    };
    template.Resources.AppFromBastion = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: { Ref: 'AppGroup' },
        SourceSecurityGroupId: { Ref: 'BastionGroup' },
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
      },
    };
    expect(judge(securityGroupChain, template).status).toBe('PASS');
  });

  it('fails when RDS is reachable from WEB', () => {
    const outcome = judge(securityGroupChain, shopTemplate({ shortcut: 'web-to-rds' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(
      /Shortcut: RDS security group \S+ accepts tcp 3306 from WEB's group WebServersSg\w+, skipping the chain/,
    );
    expect(outcome.message.ko).toContain('지름길');
  });

  it('fails when RDS is open to 0.0.0.0/0 or to the VPC CIDR', () => {
    expect(judge(securityGroupChain, shopTemplate({ shortcut: 'internet-to-rds' })).message.en).toMatch(
      /RDS security group \S+ accepts tcp 3306 from 0\.0\.0\.0\/0/,
    );
    const template = handWrittenShop();
    template.Resources.DbFromVpc = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: { Ref: 'DbGroup' }, IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, CidrIp: '10.0.0.0/16' },
    };
    expect(judge(securityGroupChain, template).message.en).toContain('accepts tcp 3306 from 10.0.0.0/16');
  });

  it('fails when APP is open to the internet or reachable from the ELB directly', () => {
    expect(judge(securityGroupChain, shopTemplate({ shortcut: 'internet-to-app' })).message.en).toMatch(
      /APP security group \S+ accepts tcp 22 from 0\.0\.0\.0\/0/,
    );
    expect(judge(securityGroupChain, shopTemplate({ shortcut: 'elb-to-app' })).message.en).toMatch(
      /APP security group \S+ accepts tcp 8080 from ELB's group/,
    );
  });

  it('fails when APP may open every port on the database', () => {
    expect(judge(securityGroupChain, shopTemplate({ shortcut: 'rds-all-ports' })).message.en).toContain(
      'opens all traffic to APP: open only the database port (3306)',
    );
  });

  it('fails for a broken link and for two tiers sharing a group', () => {
    const broken = handWrittenShop();
    delete broken.Resources.InnerFromWeb;
    expect(judge(securityGroupChain, broken).message.en).toContain(
      'Broken link: internal ALB (InnerGroup) does not accept port 80 from WEB',
    );
    const shared = handWrittenShop();
    shared.Resources.AppLaunch.Properties.LaunchTemplateData = { ImageId: 'ami-1', SecurityGroupIds: [{ Ref: 'WebGroup' }] };
    expect(judge(securityGroupChain, shared).message.en).toContain('WEB and APP share security group WebGroup');
  });

  it('fails and lists the missing tiers when there is no internal ALB or no database', () => {
    const outcome = judge(securityGroupChain, shopTemplate({ noInternalAlb: true, noDatabase: true }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain(
      'There is no internal Application Load Balancer. There is no Auto Scaling group behind the internal load balancer (APP). There is no RDS database. The chain is incomplete',
    );
  });

  it('cannot evaluate when a tier wears a security group from outside the stack', () => {
    const template = handWrittenShop();
    (template.Resources.Database.Properties.VPCSecurityGroups as unknown[]).push('sg-0123456789abcdef0');
    expect(judge(securityGroupChain, template)).toMatchObject({
      status: 'ERROR',
      message: { en: expect.stringContaining('cannot evaluate') },
    });
  });
});
