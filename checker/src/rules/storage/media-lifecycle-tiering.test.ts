import { judge } from '../fixtures/judge';
import { globalExpansionTemplates, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { mediaLifecycleTiering } from './media-lifecycle-tiering';

const verdict = (templates: StackTemplates) => judge(mediaLifecycleTiering, labGraph('global-expansion', templates));
const media = (templates: StackTemplates) => resourcesOf(templates, 'ShopGlobalExpansion').MediaBucket4022EBBF.Properties;
const rules = (templates: StackTemplates) => (media(templates).LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;

describe('media-lifecycle-tiering', () => {
  it('passes for Intelligent-Tiering from day 0', () => {
    const outcome = verdict(globalExpansionTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('MediaBucket4022EBBF (INTELLIGENT_TIERING after 0 days)');
  });

  it.each([
    ['Standard-IA after 30 days', { Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }] }],
    ['Glacier Instant Retrieval, single transition form', { Transition: { StorageClass: 'GLACIER_IR', TransitionInDays: 90 } }],
  ])('passes for %s', (_, rule) => {
    const templates = globalExpansionTemplates();
    media(templates).LifecycleConfiguration = { Rules: [{ Status: 'Enabled', ...rule }] };
    expect(verdict(templates).status).toBe('PASS');
  });

  it('passes for an Intelligent-Tiering archive configuration', () => {
    const templates = globalExpansionTemplates();
    delete media(templates).LifecycleConfiguration;
    media(templates).IntelligentTieringConfigurations = [
      { Id: 'Archive', Status: 'Enabled', Tierings: [{ AccessTier: 'ARCHIVE_ACCESS', Days: 90 }] },
    ];
    expect(verdict(templates).message.en).toContain('Intelligent-Tiering archive configuration');
  });

  it('fails when only old versions move: current cold media stays in Standard', () => {
    const templates = globalExpansionTemplates();
    media(templates).LifecycleConfiguration = {
      Rules: rules(templates).filter((rule) => rule.Transitions === undefined),
    };
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('keeps every current object in Standard (its transitions move only old versions)');
  });

  it('fails for a disabled tiering rule', () => {
    const templates = globalExpansionTemplates();
    rules(templates).forEach((rule) => (rule.Status = 'Disabled'));
    expect(verdict(templates).status).toBe('FAIL');
  });
});
