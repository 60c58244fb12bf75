import { eventShopGraph } from '../fixtures/event-shop';
import { judge } from '../fixtures/judge';
import { cacheEncryption } from './cache-encryption';

describe('cache-encryption', () => {
  it('passes with TLS required and encryption at rest', () => {
    const outcome = judge(cacheEncryption, eventShopGraph());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toBe('Cache Cache requires TLS and encrypts its data at rest.');
  });

  it('passes with the mode spelled out as required', () => {
    expect(judge(cacheEncryption, eventShopGraph({ cache: { transitMode: 'required', engine: 'redis' } })).status).toBe('PASS');
  });

  it('passes for a serverless cache, always encrypted in transit and at rest', () => {
    expect(judge(cacheEncryption, eventShopGraph({ cache: { serverless: true } })).status).toBe('PASS');
  });

  it('skips without a cache, which cache-multi-az-failover reports', () => {
    const outcome = judge(cacheEncryption, eventShopGraph({ cache: false }));
    expect(outcome.status).toBe('SKIP');
    expect(outcome.message.en).toContain('cache-multi-az-failover reports it');
    expect(outcome.pointsAtStake).toBe(true);
  });

  it('fails with encryption in transit off', () => {
    const outcome = judge(cacheEncryption, eventShopGraph({ cache: { transit: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has encryption in transit off');
    expect(outcome.message.en).not.toContain('at rest off');
  });

  it('fails when TLS is only preferred', () => {
    const outcome = judge(cacheEncryption, eventShopGraph({ cache: { transitMode: 'preferred' } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('still accepts plain-text connections');
  });

  it('fails with encryption at rest off', () => {
    const outcome = judge(cacheEncryption, eventShopGraph({ cache: { atRest: false } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has encryption at rest off');
  });

  it('fails for a lone cache cluster, which cannot encrypt at rest', () => {
    const outcome = judge(cacheEncryption, eventShopGraph({ cache: { standalone: true } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('cannot encrypt data at rest: only a replication group can');
  });
});
