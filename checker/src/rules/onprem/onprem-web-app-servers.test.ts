import { judge } from '../fixtures/judge';
import { handWrittenOnPrem, onPremTemplate } from '../fixtures/onprem';
import { onpremWebAppServers } from './onprem-web-app-servers';

describe('onprem-web-app-servers', () => {
  it('passes for two servers reachable only from the load balancer group (L2)', () => {
    const outcome = judge(onpremWebAppServers, onPremTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(
      /^2 web\+app servers \(Server1\w+, Server2\w+\) accept only tcp 80 from the load balancer's group FrontSg/,
    );
  });

  it('passes for three hand-written servers on port 8080, one of them wearing its group through a network interface', () => {
    expect(judge(onpremWebAppServers, handWrittenOnPrem()).message.en).toContain(
      '3 web+app servers (App1, App2, App3) accept only tcp 8080',
    );
  });

  it('fails for a single web+app server', () => {
    const outcome = judge(onpremWebAppServers, onPremTemplate({ webAppCount: 1 }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Only Server1\w+ accepts traffic from the load balancer's group/);
  });

  it('fails when the web+app servers accept another source too', () => {
    expect(judge(onpremWebAppServers, onPremTemplate({ mistake: 'web-from-anywhere' })).message.en).toMatch(
      /also accepts tcp 80 from 10\.0\.0\.0\/16/,
    );
  });

  it('fails when there is no single load balancer server to find them through', () => {
    expect(judge(onpremWebAppServers, onPremTemplate({ noLoadBalancer: true })).message.en).toContain(
      'fix onprem-load-balancer-server first',
    );
  });
});
