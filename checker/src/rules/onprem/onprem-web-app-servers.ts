import { describePorts, describeSource } from '../../model/queries/security-groups';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { isSelf, onPremServers } from '../../model/queries/onprem';
import { withParticle } from '../korean';

/** At least two web+app servers accept traffic only from the load balancer server's group. */
export const onpremWebAppServers: Rule = {
  id: 'onprem-web-app-servers',
  area: 'onprem',
  title: {
    en: "At least two web+app servers accept traffic only from the load balancer server's security group",
    ko: 'Web + App 서버가 두 대 이상 있고, 로드 밸런서 서버의 보안 그룹에서 오는 트래픽만 받는다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: "Two web+app servers let the shop survive the loss of one. Customers must reach them only through the load balancer: a security group whose source is the load balancer's group admits exactly the servers in that group, whatever their addresses.",
    ko: 'Web + App 서버가 두 대면 한 대를 잃어도 쇼핑몰이 버팁니다. 고객은 로드 밸런서를 거쳐서만 이 서버에 닿아야 합니다. 소스가 로드 밸런서의 보안 그룹인 규칙은 주소와 상관없이 그 그룹에 속한 서버만 들여보냅니다.',
  },
  fix: {
    en: 'Launch two ec2.Instance web+app servers that share a security group with one rule: webAppSg.addIngressRule(loadBalancerSg, ec2.Port.tcp(80)).',
    ko: 'Web + App 서버 ec2.Instance 두 대가 같은 보안 그룹을 쓰게 하고, 규칙은 webAppSg.addIngressRule(loadBalancerSg, ec2.Port.tcp(80)) 하나만 두세요.',
  },
  guide: { lab: 'on-prem-baseline', section: 'step-2' },
  seed: { seed: '000_0cb1d160706ddd77', section: '1' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const servers = onPremServers(graph);
    if (servers.loadBalancers.length !== 1) {
      return failWith([
        {
          en: `The web+app servers are found through the load balancer server, and there ${servers.loadBalancers.length === 0 ? 'is none' : `are ${servers.loadBalancers.length}`} (an instance open to 0.0.0.0/0 on port 80): fix onprem-load-balancer-server first.`,
          ko: `Web + App 서버는 로드 밸런서 서버(0.0.0.0/0의 80 포트에 열린 인스턴스)를 통해 찾는데, 그런 서버가 ${servers.loadBalancers.length === 0 ? '없습니다' : `${servers.loadBalancers.length}대입니다`}. onprem-load-balancer-server부터 고치세요.`,
          resources: servers.loadBalancers.map((server) => server.instance.id),
        },
      ]);
    }
    const lb = servers.loadBalancers[0];
    if (servers.webApp.length < 2) {
      return failWith([
        {
          en: `${servers.webApp.length === 0 ? 'No instance accepts' : `Only ${servers.webApp[0].instance.id} accepts`} traffic from the load balancer's group ${lb.groups.map((g) => g.id).join(', ')}: run at least two web+app servers so the shop survives losing one.`,
          ko: `로드 밸런서의 보안 그룹 ${lb.groups.map((g) => g.id).join(', ')}에서 오는 트래픽을 받는 인스턴스가 ${servers.webApp.length === 0 ? '없습니다' : `${servers.webApp[0].instance.id} 하나뿐입니다`}. 한 대를 잃어도 버티도록 Web + App 서버를 두 대 이상 실행하세요.`,
          resources: servers.webApp.map((server) => server.instance.id),
        },
      ]);
    }
    const problems: Problem[] = [];
    for (const server of servers.webApp) {
      for (const rule of server.rules) {
        if (isSelf(rule, server)) continue;
        if (rule.source.kind === 'security-group' && rule.source.group && lb.groups.includes(rule.source.group)) continue;
        problems.push({
          en: `Web+app server ${server.instance.id} also accepts ${describePorts(rule).en} from ${describeSource(rule.source).en} (group ${rule.group.id}): only the load balancer's group may reach it.`,
          ko: `Web + App 서버 ${withParticle(server.instance.id, '이/가')} ${describeSource(rule.source).ko}에서 오는 ${describePorts(rule).ko}도 받습니다(보안 그룹 ${rule.group.id}). 로드 밸런서의 보안 그룹만 닿을 수 있어야 합니다.`,
          resources: [server.instance.id, rule.group.id],
        });
      }
    }
    if (problems.length > 0) return failWith(problems);
    const ports = [
      ...new Set(
        servers.webApp.flatMap((server) => server.rules.filter((rule) => !isSelf(rule, server)).map((rule) => describePorts(rule).en)),
      ),
    ].join(', ');
    const ids = servers.webApp.map((server) => server.instance.id).join(', ');
    return {
      status: 'PASS',
      message: {
        en: `${servers.webApp.length} web+app servers (${ids}) accept only ${ports} from the load balancer's group ${lb.groups.map((g) => g.id).join(', ')}.`,
        ko: `Web + App 서버 ${servers.webApp.length}대(${ids})가 로드 밸런서의 보안 그룹 ${lb.groups.map((g) => g.id).join(', ')}에서 오는 ${ports}만 받습니다.`,
      },
      resources: servers.webApp.map((server) => server.instance.id),
    };
  },
};
