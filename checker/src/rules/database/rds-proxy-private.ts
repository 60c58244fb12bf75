import { dbPort, primaryDatabases } from '../../model/queries/database';
import { groupsReaching, securityGroupsOf } from '../../model/queries/security-groups';
import { proxies, proxyPort, proxySecurityGroups, proxySubnets, proxyTargets } from '../../model/queries/proxy';
import { booleanProp } from '../../model/queries/values';
import { absent } from '../absent';
import { appOnlyProblems } from '../cache/app-only';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** Stretch task: an RDS Proxy, when there is one, requires TLS, targets the database and admits APP only. */
export const rdsProxyPrivate: Rule = {
  id: 'rds-proxy-private',
  area: 'database',
  title: {
    en: 'An RDS Proxy, when present, requires TLS, targets the shop database and admits only the APP servers from private subnets',
    ko: 'RDS Proxy가 있다면 TLS를 요구하고, 쇼핑몰 데이터베이스를 대상으로 하며, 프라이빗 서브넷에서 APP 서버만 받는다',
  },
  severity: 'medium',
  points: 5,
  optional: true,
  why: {
    en: 'When the APP tier scales out for an event, every new server opens its own database connections, and MySQL spends memory on each one. RDS Proxy pools them: hundreds of server connections share a few database connections, and a failover is absorbed by the proxy instead of every client. It sits in front of the database, so it needs the same protection: TLS, private subnets, APP only.',
    ko: '이벤트를 위해 APP 계층이 늘어나면 새 서버마다 데이터베이스 연결을 따로 열고, MySQL은 연결마다 메모리를 씁니다. RDS Proxy는 연결을 모아 둡니다. 서버의 연결 수백 개가 데이터베이스 연결 몇 개를 나눠 쓰고, failover도 클라이언트마다가 아니라 프록시가 흡수합니다. 데이터베이스 바로 앞에 있으므로 보호도 같아야 합니다: TLS, 프라이빗 서브넷, APP만 허용.',
  },
  fix: {
    en: "db.addProxy('Proxy', { secrets: [db.secret!], vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, securityGroups: [proxySg], requireTLS: true }) with proxySg.addIngressRule(appSg, ec2.Port.tcp(3306)) and dbSg.addIngressRule(proxySg, ec2.Port.tcp(3306)).",
    ko: "db.addProxy('Proxy', { secrets: [db.secret!], vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, securityGroups: [proxySg], requireTLS: true })로 만들고 proxySg.addIngressRule(appSg, ec2.Port.tcp(3306)), dbSg.addIngressRule(proxySg, ec2.Port.tcp(3306))을 주세요.",
  },
  guide: { lab: 'event-ready', section: 'rds-proxy' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 이벤트 기간 시 미들웨어 부하로 사이트 지연 방지(WAS-DB)' },
  modes: ['template', 'live'],
  services: ['rds', 'ec2', 'elbv2', 'autoscaling'],
  evaluate({ graph }) {
    const found = proxies(graph);
    if (found.length === 0) {
      return absent({
        thing: { en: 'RDS Proxy', ko: 'RDS Proxy' },
        optional: {
          en: 'To try it, add db.addProxy() in the isolated subnets with requireTLS: true and a security group that admits the APP group.',
          ko: '해 보려면 격리 서브넷에 requireTLS: true와 APP 그룹만 받는 보안 그룹으로 db.addProxy()를 추가하세요.',
        },
      });
    }
    const databases = primaryDatabases(graph);
    const problems: Problem[] = found.flatMap((proxy) => {
      const own: Problem[] = [];
      if (booleanProp(graph, proxy, 'RequireTLS') !== true) {
        own.push({
          en: `RDS Proxy ${proxy.id} does not require TLS, so clients may send the database password and queries in plain text: set requireTLS: true.`,
          ko: `RDS Proxy ${withParticle(proxy.id, '이/가')} TLS를 요구하지 않아 클라이언트가 데이터베이스 비밀번호와 쿼리를 평문으로 보낼 수 있습니다. requireTLS: true를 주세요.`,
          resources: [proxy.id],
        });
      }
      const targets = proxyTargets(graph, proxy);
      const proxyGroups = proxySecurityGroups(graph, proxy);
      for (const db of targets.filter((target) => databases.includes(target))) {
        const port = dbPort(graph, db);
        const admitted = securityGroupsOf(graph, db).some((group) =>
          groupsReaching(graph, group, port).some((source) => proxyGroups.includes(source)),
        );
        if (!admitted) {
          own.push({
            en: `The security groups of database ${db.id} do not admit RDS Proxy ${proxy.id} on ${port}, so the proxy cannot reach it: dbSg.addIngressRule(proxySg, ec2.Port.tcp(${port})).`,
            ko: `데이터베이스 ${db.id}의 보안 그룹이 RDS Proxy ${withParticle(proxy.id, '을/를')} ${port} 포트로 받지 않아 프록시가 데이터베이스에 닿지 못합니다. dbSg.addIngressRule(proxySg, ec2.Port.tcp(${port}))를 주세요.`,
            resources: [proxy.id, db.id],
          });
        }
      }
      if (!targets.some((target) => databases.includes(target))) {
        own.push({
          en: `RDS Proxy ${proxy.id} has no target in the shop's database (no DBProxyTargetGroup names it): register the primary with db.addProxy() or proxy.addTargets.`,
          ko: `RDS Proxy ${proxy.id}의 대상이 쇼핑몰 데이터베이스가 아닙니다(가리키는 DBProxyTargetGroup 없음). db.addProxy()나 대상 그룹으로 기본 인스턴스를 등록하세요.`,
          resources: [proxy.id],
        });
      }
      const port = proxyPort(graph, proxy);
      own.push(
        ...appOnlyProblems(graph, {
          resource: proxy,
          what: { en: 'RDS Proxy', ko: 'RDS Proxy' },
          subnets: proxySubnets(graph, proxy),
          groups: proxyGroups,
          port,
        }),
      );
      return own;
    });
    if (problems.length > 0) return failWith(problems);
    return {
      status: 'PASS',
      message: {
        en: `RDS Proxy ${found.map((proxy) => proxy.id).join(', ')} requires TLS, pools connections to the database and admits the APP servers only.`,
        ko: `RDS Proxy ${withParticle(found.map((proxy) => proxy.id).join(', '), '이/가')} TLS를 요구하고 데이터베이스 연결을 모아 주며 APP 서버만 받습니다.`,
      },
      resources: found.map((proxy) => proxy.id),
    };
  },
};
