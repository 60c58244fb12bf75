import { ResourceGraph } from '../../model/graph';
import { isReadReplica } from '../../model/queries/database';
import type { Resource } from '../../model/types';
import { eventShopGraph, eventShopTemplate } from '../fixtures/event-shop';
import { liveGraphOf } from '../fixtures/live';
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

  it('passes for a serverless cache handed over by its endpoint', () => {
    const outcome = judge(appReadPathConfigured, eventShopGraph({ cache: { serverless: true } }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/and cache Cache via CACHEHOST\w+/);
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

  describe('live mode: the values deployed', () => {
    const READER = 'shop-replica.abcdefghijkl.ap-northeast-2.rds.amazonaws.com';
    const CACHE = 'master.shop-cache.abcdef.apn2.cache.amazonaws.com';
    /** A shop as the live loader reads it: endpoints as live facts, parameter values as SSM returns them, user data as base64. */
    const deployed = (values: Record<string, string>, template = eventShopTemplate(), userData?: string): ResourceGraph => {
      const resources = liveGraphOf(template)
        .all()
        .map((resource): Resource => {
          if (resource.type === 'AWS::EC2::LaunchTemplate' && userData) {
            const data = { ...(resource.properties.LaunchTemplateData as object), UserData: Buffer.from(userData).toString('base64') };
            return { ...resource, properties: { ...resource.properties, LaunchTemplateData: data } };
          }
          if (resource.type === 'AWS::RDS::DBInstance')
            return {
              ...resource,
              live: { endpoint: isReadReplica(resource) ? READER : 'shop-db.abcdefghijkl.ap-northeast-2.rds.amazonaws.com' },
            };
          if (resource.type === 'AWS::ElastiCache::ReplicationGroup') return { ...resource, live: { endpoints: [CACHE] } };
          if (resource.type === 'AWS::SSM::Parameter') {
            const name = String(resource.properties.Name).split('/').pop()!;
            return { ...resource, properties: { ...resource.properties, Value: values[name] } };
          }
          return resource;
        });
      return new ResourceGraph('live', resources);
    };

    it('passes when the parameters hold the deployed replica and cache endpoints', () => {
      const outcome = judge(appReadPathConfigured, deployed({ DB_READER_HOST: READER, CACHE_HOST: CACHE, DB_WRITER_HOST: 'w' }));
      expect(outcome.status).toBe('PASS');
      expect(outcome.message.en).toContain('(deployed values)');
    });

    it('fails when a parameter holds a stale host name', () => {
      const outcome = judge(
        appReadPathConfigured,
        deployed({ DB_READER_HOST: 'old-replica.abcdefghijkl.ap-northeast-2.rds.amazonaws.com', CACHE_HOST: CACHE, DB_WRITER_HOST: 'w' }),
      );
      expect(outcome.status).toBe('FAIL');
      expect(outcome.message.en).toContain("is never given the read replica's endpoint");
    });

    it('passes when the APP user data (base64, as EC2 returns it) holds the deployed endpoints', () => {
      const script = `#!/bin/bash\necho DB_READER_HOST=${READER} >> /etc/shop-api.env\necho CACHE_HOST=${CACHE} >> /etc/shop-api.env`;
      const outcome = judge(appReadPathConfigured, deployed({}, eventShopTemplate({ readPath: 'user-data' }), script));
      expect(outcome.status).toBe('PASS');
      expect(outcome.message.en).toMatch(/reads replica \S+ in the user data and cache \S+ in the user data \(deployed values\)/);
    });
  });
});
