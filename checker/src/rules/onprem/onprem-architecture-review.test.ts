import { judge } from '../fixtures/judge';
import { handWrittenOnPrem, onPremTemplate } from '../fixtures/onprem';
import { shopTemplate } from '../fixtures/shop';
import { onpremArchitectureReview } from './onprem-architecture-review';

describe('onprem-architecture-review', () => {
  it('is informational: no points, always PASS', () => {
    expect(onpremArchitectureReview).toMatchObject({ severity: 'info', points: 0 });
  });

  it('names every single point of failure of the baseline', () => {
    const outcome = judge(onpremArchitectureReview, onPremTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('(1) Every server runs in one Availability Zone (AZ#1)');
    expect(outcome.message.en).toMatch(/\(2\) The load balancer is one server \(Front\w+\)/);
    expect(outcome.message.en).toMatch(/\(3\) One database server \(Orders\w+\)/);
    expect(outcome.message.en).toContain('(4) Capacity is fixed at 2 web+app servers');
    expect(outcome.message.en).toContain('(5) Scaling is manual');
    expect(outcome.message.ko).toContain('단일 장애 지점');
  });

  it('reads a hand-written template with a literal AZ', () => {
    expect(judge(onpremArchitectureReview, handWrittenOnPrem()).message.en).toContain('one Availability Zone (ap-northeast-2a)');
  });

  it('finds nothing to name in the multi-AZ shop of the later labs', () => {
    expect(judge(onpremArchitectureReview, shopTemplate({ database: { multiAz: true } })).message.en).toBe(
      'No single point of failure found in this architecture.',
    );
    expect(judge(onpremArchitectureReview, shopTemplate()).message.en).toMatch(
      /^Single points of failure: \(1\) One database server \(Orders\w+\)/,
    );
  });

  it('says what to do when there are no servers yet', () => {
    expect(
      judge(onpremArchitectureReview, onPremTemplate({ noLoadBalancer: true, noDatabase: true, webAppCount: 0 })).message.en,
    ).toContain('No servers yet');
  });
});
