import { judge } from '../fixtures/judge';
import { globalExpansionTemplates, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { cloudfrontMediaBehavior } from './cloudfront-media-behavior';

const MAIN = 'ShopGlobalExpansion';
type Config = { CacheBehaviors: Array<Record<string, unknown>>; Origins: Array<Record<string, unknown>> };
const config = (templates: StackTemplates) =>
  (resourcesOf(templates, MAIN).Cdn9963B1AD.Properties as { DistributionConfig: Config }).DistributionConfig;
const mediaBehavior = (templates: StackTemplates) => config(templates).CacheBehaviors.find((b) => b.PathPattern === '/media/*')!;
const mediaOrigin = (templates: StackTemplates) => config(templates).Origins.find((o) => o.Id === mediaBehavior(templates).TargetOriginId)!;
const verdict = (templates: StackTemplates) => judge(cloudfrontMediaBehavior, labGraph('global-expansion', templates));

describe('cloudfront-media-behavior', () => {
  it('passes for /media/* to the private media bucket through OAC, redirecting to HTTPS', () => {
    const outcome = verdict(globalExpansionTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('Cdn9963B1AD /media/* → MediaBucket4022EBBF');
  });

  it('passes for the pattern written without the leading slash, https-only', () => {
    const templates = globalExpansionTemplates();
    Object.assign(mediaBehavior(templates), { PathPattern: 'media/*', ViewerProtocolPolicy: 'https-only' });
    expect(verdict(templates).status).toBe('PASS');
  });

  it('fails without a /media/* behaviour', () => {
    const templates = globalExpansionTemplates();
    config(templates).CacheBehaviors = config(templates).CacheBehaviors.filter((b) => b.PathPattern !== '/media/*');
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('No distribution has a /media/* behaviour');
  });

  it('fails for plain HTTP', () => {
    const templates = globalExpansionTemplates();
    mediaBehavior(templates).ViewerProtocolPolicy = 'allow-all';
    expect(verdict(templates).message.en).toContain('allows plain HTTP (ViewerProtocolPolicy allow-all)');
  });

  it('fails for a legacy origin access identity instead of OAC', () => {
    const templates = globalExpansionTemplates();
    const origin = mediaOrigin(templates);
    delete origin.OriginAccessControlId;
    origin.S3OriginConfig = { OriginAccessIdentity: 'origin-access-identity/cloudfront/E1ABCDEF' };
    expect(verdict(templates).message.en).toContain('with a legacy origin access identity (OAI): use origin access control (OAC)');
  });

  it('fails for a public media bucket', () => {
    const templates = globalExpansionTemplates();
    const bucket = resourcesOf(templates, MAIN).MediaBucket4022EBBF.Properties;
    bucket.PublicAccessBlockConfiguration = {
      BlockPublicAcls: false,
      IgnorePublicAcls: false,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    };
    bucket.AccessControl = 'PublicRead';
    expect(verdict(templates).message.en).toContain('Media bucket MediaBucket4022EBBF is public (its ACL is PublicRead)');
  });

  it('fails for /media/* sent to the load balancer', () => {
    const templates = globalExpansionTemplates();
    mediaBehavior(templates).TargetOriginId = config(templates).CacheBehaviors.find((b) => b.PathPattern === '/api/*')!.TargetOriginId;
    expect(verdict(templates).message.en).toContain('does not go to the media bucket through its S3 REST endpoint');
  });
});
