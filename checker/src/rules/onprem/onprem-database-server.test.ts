import { judge } from '../fixtures/judge';
import { handWrittenOnPrem, onPremTemplate } from '../fixtures/onprem';
import { onpremDatabaseServer } from './onprem-database-server';

describe('onprem-database-server', () => {
  it('passes for a MariaDB server reachable only from web+app on 3306 (L2)', () => {
    const outcome = judge(onpremDatabaseServer, onPremTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/Database server Orders\w+ accepts only tcp 3306 from the web\+app servers' group ServersSg/);
  });

  it('passes for a hand-written PostgreSQL server on 5432 whose source is a GetAtt GroupId', () => {
    expect(judge(onpremDatabaseServer, handWrittenOnPrem()).message.en).toContain('Database server Postgres accepts only tcp 5432');
  });

  it('fails when the load balancer can reach the database directly', () => {
    const outcome = judge(onpremDatabaseServer, onPremTemplate({ mistake: 'db-from-load-balancer' }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/accepts tcp 3306 from the load balancer's security group FrontSg/);
  });

  it('fails when web+app may open every port, and when the database is open to the internet', () => {
    expect(judge(onpremDatabaseServer, onPremTemplate({ mistake: 'db-all-ports-from-web' })).message.en).toContain(
      'opens all traffic to the web+app servers',
    );
    expect(judge(onpremDatabaseServer, onPremTemplate({ mistake: 'db-from-internet' })).message.en).toContain(
      'accepts tcp 3306 from 0.0.0.0/0',
    );
  });

  it('fails when there is no database server', () => {
    expect(judge(onpremDatabaseServer, onPremTemplate({ noDatabase: true })).message.en).toContain(
      'No instance is reachable from the web+app servers',
    );
  });
});
