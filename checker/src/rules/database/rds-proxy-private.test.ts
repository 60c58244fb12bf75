import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { eventShopGraph } from '../fixtures/event-shop';
import { judge } from '../fixtures/judge';
import { rdsProxyPrivate } from './rds-proxy-private';

describe('rds-proxy-private', () => {
  it('skips with a hint when there is no proxy (optional stretch task)', () => {
    const outcome = judge(rdsProxyPrivate, eventShopGraph());
    expect(outcome.status).toBe('SKIP');
    expect(outcome.message.en).toContain('Optional stretch not attempted: no RDS Proxy.');
    expect(rdsProxyPrivate.optional).toBe(true);
  });

  it('passes for a TLS-only proxy in the isolated subnets that admits APP', () => {
    const outcome = judge(rdsProxyPrivate, eventShopGraph({ proxy: {} }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/RDS Proxy DbProxy\w+ requires TLS/);
  });

  it('fails for a proxy without TLS', () => {
    const outcome = judge(rdsProxyPrivate, eventShopGraph({ proxy: { tls: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/RDS Proxy DbProxy\w+ does not require TLS/);
  });

  it('fails for a proxy in public subnets', () => {
    const outcome = judge(rdsProxyPrivate, eventShopGraph({ proxy: { subnets: ec2.SubnetType.PUBLIC } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('may be placed in public subnets');
  });

  it('fails for a proxy the WEB tier may reach', () => {
    const outcome = judge(
      rdsProxyPrivate,
      eventShopGraph({ proxy: {} }, (shop) => {
        const proxySg = shop.stack.node.findChild('ProxySg') as ec2.SecurityGroup;
        proxySg.addIngressRule(shop.webSg, ec2.Port.tcp(3306));
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('admits the WEB tier');
  });

  it('fails when the database does not admit the proxy', () => {
    const outcome = judge(rdsProxyPrivate, eventShopGraph({ proxy: { databaseAdmitsProxy: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/The security groups of database Db\w+ do not admit RDS Proxy DbProxy\w+ on 3306/);
  });
});
