import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { eventShopGraph } from '../fixtures/event-shop';
import { judge } from '../fixtures/judge';
import { cachePrivateAppOnly } from './cache-private-app-only';

describe('cache-private-app-only', () => {
  it('passes for isolated subnets and a security group that admits APP only', () => {
    const outcome = judge(cachePrivateAppOnly, eventShopGraph());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toBe('Cache Cache (port 6379) has no internet route and admits the APP servers only.');
  });

  it('passes in private subnets with a NAT route (no internet gateway route)', () => {
    expect(judge(cachePrivateAppOnly, eventShopGraph({ cache: { subnets: ec2.SubnetType.PRIVATE_WITH_EGRESS } })).status).toBe('PASS');
  });

  it('judges a serverless cache by its subnets and security groups', () => {
    expect(judge(cachePrivateAppOnly, eventShopGraph({ cache: { serverless: true } })).status).toBe('PASS');
    const outcome = judge(
      cachePrivateAppOnly,
      eventShopGraph({ cache: { serverless: true, subnets: ec2.SubnetType.PUBLIC, openTo: 'web' } }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('may be placed in public subnets');
    expect(outcome.message.en).toContain('admits the WEB tier');
  });

  it('skips without a cache, which cache-multi-az-failover reports', () => {
    expect(judge(cachePrivateAppOnly, eventShopGraph({ cache: false })).status).toBe('SKIP');
  });

  it('fails for a cache in public subnets', () => {
    const outcome = judge(cachePrivateAppOnly, eventShopGraph({ cache: { subnets: ec2.SubnetType.PUBLIC } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Cache Cache may be placed in public subnets \S+, \S+ which route to the internet gateway/);
  });

  it('fails for a cache open to the internet', () => {
    const outcome = judge(cachePrivateAppOnly, eventShopGraph({ cache: { openTo: 'anywhere' } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Cache Cache is open to the whole internet: CacheSg\w+ lets 0\.0\.0\.0\/0 in on tcp 6379/);
  });

  it('fails for a cache the WEB tier may reach', () => {
    const outcome = judge(cachePrivateAppOnly, eventShopGraph({ cache: { openTo: 'web' } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Cache Cache admits the WEB tier');
    expect(outcome.message.ko).toContain('WEB 계층을 받습니다');
  });

  it('fails for a cache open to the VPC range, which cannot tell APP from WEB', () => {
    const outcome = judge(cachePrivateAppOnly, eventShopGraph({ cache: { openTo: 'vpc-cidr' } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('Addresses cannot tell the APP servers from WEB servers');
  });

  it('fails when the APP servers cannot reach the cache', () => {
    const outcome = judge(
      cachePrivateAppOnly,
      eventShopGraph({}, (shop) => {
        const cache = shop.cache!;
        const lone = new ec2.SecurityGroup(shop.stack, 'LoneSg', { vpc: shop.vpc });
        cache.securityGroupIds = [lone.securityGroupId];
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(
      /The APP servers cannot reach Cache Cache: no rule of LoneSg\w+ admits the APP security group on 6379/,
    );
  });

  it('fails for a cache on the default security group', () => {
    const outcome = judge(
      cachePrivateAppOnly,
      eventShopGraph({}, (shop) => {
        shop.cache!.securityGroupIds = undefined;
      }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain("wears the VPC's default security group");
  });
});
