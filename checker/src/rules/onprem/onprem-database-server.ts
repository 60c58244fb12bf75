import { absent } from '../absent';
import { describePorts, describeSource, isSinglePort } from '../../model/queries/security-groups';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { DATABASE_PORTS, isSelf, onPremServers } from '../../model/queries/onprem';
import { withParticle } from '../korean';

/** An EC2 database server accepts only the web+app servers, on its database port. */
export const onpremDatabaseServer: Rule = {
  id: 'onprem-database-server',
  area: 'onprem',
  title: {
    en: "An EC2 database server accepts only the web+app servers' group, on its database port",
    ko: 'EC2 데이터베이스 서버가 Web + App 서버의 보안 그룹에서 오는 데이터베이스 포트만 받는다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'The database holds every order. Only the web+app servers need it, and only on the database port (3306 for MySQL/MariaDB); the load balancer and the internet must never reach it, or one mistake exposes every customer.',
    ko: '데이터베이스에는 모든 주문이 있습니다. 데이터베이스가 필요한 것은 Web + App 서버뿐이고 포트도 데이터베이스 포트(MySQL/MariaDB는 3306) 하나면 됩니다. 로드 밸런서나 인터넷이 닿으면 실수 하나로 모든 고객 정보가 드러납니다.',
  },
  fix: {
    en: 'Launch one ec2.Instance running MariaDB with its own security group and one rule: databaseSg.addIngressRule(webAppSg, ec2.Port.tcp(3306)).',
    ko: 'MariaDB를 실행하는 ec2.Instance 한 대에 전용 보안 그룹을 주고, 규칙은 databaseSg.addIngressRule(webAppSg, ec2.Port.tcp(3306)) 하나만 두세요.',
  },
  guide: { lab: 'on-prem-baseline', section: 'step-4' },
  seed: { seed: '000_0cb1d160706ddd77', section: '1' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const servers = onPremServers(graph);
    if (servers.databases.length === 0) {
      return absent({
        required: {
          en: `No instance is reachable from the web+app servers${servers.webApp.length === 0 ? ' (none found yet)' : ''}: launch the database server with a security group that allows port 3306 from the web+app servers' group.`,
          ko: `Web + App 서버에서 닿는 인스턴스가 없습니다${servers.webApp.length === 0 ? '(Web + App 서버도 아직 없습니다)' : ''}. Web + App 서버의 보안 그룹에서 오는 3306 포트를 허용하는 보안 그룹으로 데이터베이스 서버를 띄우세요.`,
        },
      });
    }
    const webGroups = servers.webApp.flatMap((server) => server.groups);
    const lbGroups = servers.loadBalancers.flatMap((server) => server.groups);
    const problems: Problem[] = [];
    for (const server of servers.databases) {
      let linked = false;
      for (const rule of server.rules) {
        if (isSelf(rule, server)) continue;
        const ports = describePorts(rule);
        const source = describeSource(rule.source);
        const fromWeb = rule.source.kind === 'security-group' && rule.source.group !== undefined && webGroups.includes(rule.source.group);
        if (fromWeb && DATABASE_PORTS.some((port) => isSinglePort(rule, port))) {
          linked = true;
          continue;
        }
        const fromLb = rule.source.kind === 'security-group' && rule.source.group !== undefined && lbGroups.includes(rule.source.group);
        problems.push(
          fromWeb
            ? {
                en: `Database server ${server.instance.id} opens ${ports.en} to the web+app servers: open only the database port (3306).`,
                ko: `데이터베이스 서버 ${withParticle(server.instance.id, '이/가')} Web + App 서버에 ${withParticle(ports.ko, '을/를')} 엽니다. 데이터베이스 포트(3306)만 여세요.`,
                resources: [server.instance.id, rule.group.id],
              }
            : {
                en: `Database server ${server.instance.id} accepts ${ports.en} from ${fromLb ? `the load balancer's ${source.en}` : source.en} (group ${rule.group.id}): only the web+app servers may reach the database.`,
                ko: `데이터베이스 서버 ${withParticle(server.instance.id, '이/가')} ${fromLb ? `로드 밸런서의 ${source.ko}` : source.ko}에서 오는 ${withParticle(ports.ko, '을/를')} 받습니다(보안 그룹 ${rule.group.id}). Web + App 서버만 데이터베이스에 닿을 수 있어야 합니다.`,
                resources: [server.instance.id, rule.group.id],
              },
        );
      }
      if (!linked) {
        problems.push({
          en: `Database server ${server.instance.id} does not accept its database port from the web+app servers' group: allow port 3306 from it.`,
          ko: `데이터베이스 서버 ${withParticle(server.instance.id, '이/가')} Web + App 서버의 보안 그룹에서 오는 데이터베이스 포트를 받지 않습니다. 그 그룹의 3306 포트를 허용하세요.`,
          resources: [server.instance.id],
        });
      }
    }
    if (problems.length > 0) return failWith(problems);
    const db = servers.databases[0];
    const port = db.rules.filter((rule) => !isSelf(rule, db)).map((rule) => describePorts(rule));
    return {
      status: 'PASS',
      message: {
        en: `Database server ${servers.databases.map((s) => s.instance.id).join(', ')} accepts only ${port.map((p) => p.en).join(', ')} from the web+app servers' group ${[...new Set(webGroups)].map((g) => g.id).join(', ')}.`,
        ko: `데이터베이스 서버 ${withParticle(servers.databases.map((s) => s.instance.id).join(', '), '이/가')} Web + App 서버의 보안 그룹 ${[...new Set(webGroups)].map((g) => g.id).join(', ')}에서 오는 ${port.map((p) => p.ko).join(', ')}만 받습니다.`,
      },
      resources: servers.databases.map((s) => s.instance.id),
    };
  },
};
