import { eventShopGraph, eventShopTemplate } from '../fixtures/event-shop';
import { judge } from '../fixtures/judge';
import { appReadPathConfigured } from './app-read-path-configured';

describe('app-read-path-configured', () => {
  it('passes for SSM parameters the APP role may read, built from the replica and cache references', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/AppASG\w+ reads replica Replica\w+ via DBREADERHOST\w+ and cache Cache via CACHEHOST\w+/);
  });

  it('passes for endpoints handed over in the launch template user data', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ readPath: 'user-data' }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/reads replica Replica\w+ in the user data and cache Cache in the user data/);
  });

  it('passes for a role that may read the whole parameter path', () => {
    const template = eventShopTemplate({ readPath: 'no-grant' }) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const role = Object.entries(template.Resources).find(
      ([id, resource]) => id.startsWith('AppRole') && resource.Type === 'AWS::IAM::Role',
    )!;
    role[1].Properties.Policies = [
      {
        PolicyName: 'config',
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 'ssm:GetParametersByPath',
              Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/shop/Shop/*' },
            },
          ],
        },
      },
    ];
    expect(judge(appReadPathConfigured, template).status).toBe('PASS');
  });

  it('fails without a read replica', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ replica: false }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No read replica: event-day reads need one.');
  });

  it('skips without a cache, which cache-multi-az-failover reports', () => {
    expect(judge(appReadPathConfigured, eventShopGraph({ cache: false })).status).toBe('SKIP');
  });

  it('fails when the endpoints are hard-coded host names', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ readPath: 'hard-coded' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('hard-codes the host name shop-replica.abcdefghijkl.ap-northeast-2.rds.amazonaws.com');
    expect(outcome.message.en).toContain('hard-codes the host name master.shop-cache.abcdef.apn2.cache.amazonaws.com');
  });

  it('fails when the reader is the writer endpoint', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ readPath: 'writer-only' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/gets only the writer endpoint \(Db\w+\), so every read still goes to the primary/);
  });

  it('fails when the APP role may not read the parameters', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ readPath: 'no-grant' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('holds an endpoint, but the role of APP group');
  });

  it('fails when the APP servers get no endpoint at all', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ readPath: 'none' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain("is never given the read replica's endpoint");
    expect(outcome.message.en).toContain('is never given the cache endpoint');
  });

  it('does not judge a reader endpoint chosen at deploy time without a constraint', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ readPath: 'cfn-parameter' }));
    expect(outcome.status).toBe('SKIP');
    expect(outcome.message.en).toContain('ReaderHost');
  });
});
