import { judge } from '../fixtures/judge';
import { handWrittenOnPrem, onPremTemplate } from '../fixtures/onprem';
import { onpremLoadBalancerServer } from './onprem-load-balancer-server';

describe('onprem-load-balancer-server', () => {
  it('passes for one nginx instance open to 0.0.0.0/0 on 80 (L2) and for a hand-written template with inline rules', () => {
    const outcome = judge(onpremLoadBalancerServer, onPremTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/Instance Front\w+ is the load balancer server/);
    expect(judge(onpremLoadBalancerServer, handWrittenOnPrem()).message.en).toContain('Instance Balancer is the load balancer server');
  });

  it('fails when a web+app server is open to the internet too (SSH from 0.0.0.0/0)', () => {
    const outcome = judge(onpremLoadBalancerServer, onPremTemplate({ mistake: 'web-ssh-from-internet' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Instance Server1\w+ is open to the internet too \(tcp 22 from 0\.0\.0\.0\/0/);
  });

  it('fails when two instances accept HTTP from the internet', () => {
    const template = handWrittenOnPrem();
    template.Resources.App1.Properties.SecurityGroupIds = [{ Ref: 'AppGroup' }, { Ref: 'LbGroup' }];
    expect(judge(onpremLoadBalancerServer, template).message.en).toContain('2 instances accept HTTP from the internet (Balancer, App1)');
  });

  it('fails when no instance is open on 80, and when there is no instance yet (the starter)', () => {
    expect(judge(onpremLoadBalancerServer, onPremTemplate({ noLoadBalancer: true })).message.en).toContain(
      'accepts HTTP (port 80) from the internet',
    );
    expect(
      judge(onpremLoadBalancerServer, onPremTemplate({ noLoadBalancer: true, noDatabase: true, webAppCount: 0 })).message.en,
    ).toContain('There is no EC2 instance yet');
  });
});
