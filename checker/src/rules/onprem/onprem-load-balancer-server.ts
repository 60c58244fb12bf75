import { absent } from '../absent';
import { describePorts, describeSource, isAnywhere } from '../../model/queries/security-groups';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { onPremServers } from '../../model/queries/onprem';
import { withParticle } from '../korean';

/** One EC2 instance, the load balancer server, is the only server open to the internet, on port 80. */
export const onpremLoadBalancerServer: Rule = {
  id: 'onprem-load-balancer-server',
  area: 'onprem',
  title: {
    en: 'One EC2 instance, the load balancer server, is the only server open to the internet, on port 80',
    ko: 'EC2 인스턴스 한 대(로드 밸런서 서버)만 인터넷에 열려 있고, 80 포트로 열려 있다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: "In the old data centre one load balancer took every customer's request and spread it over the web+app servers; nothing else faced the internet. On AWS that is one EC2 instance running nginx whose security group alone allows 0.0.0.0/0 on port 80.",
    ko: '예전 데이터센터에서는 로드 밸런서 한 대가 모든 고객 요청을 받아 Web + App 서버로 나눠 주었고, 그 밖에는 인터넷을 향한 것이 없었습니다. AWS에서는 nginx를 실행하는 EC2 인스턴스 한 대이며, 그 보안 그룹만 0.0.0.0/0의 80 포트를 허용합니다.',
  },
  fix: {
    en: 'Launch one ec2.Instance running nginx with its own security group that allows ec2.Peer.anyIpv4() on ec2.Port.tcp(80); give every other server a group with no rule from 0.0.0.0/0.',
    ko: 'nginx를 실행하는 ec2.Instance 한 대를 띄우고, 그 전용 보안 그룹에 ec2.Peer.anyIpv4()의 ec2.Port.tcp(80)을 허용하세요. 다른 서버의 보안 그룹에는 0.0.0.0/0 규칙을 두지 마세요.',
  },
  guide: { lab: 'on-prem-baseline', section: 'step-3' },
  seed: { seed: '000_0cb1d160706ddd77', section: '1' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const servers = onPremServers(graph);
    if (servers.all.length === 0) {
      return absent({
        required: {
          en: 'There is no EC2 instance yet: launch the load balancer server (an instance running nginx) with a security group open to 0.0.0.0/0 on port 80.',
          ko: '아직 EC2 인스턴스가 없습니다. 0.0.0.0/0의 80 포트를 허용하는 보안 그룹으로 로드 밸런서 서버(nginx를 실행하는 인스턴스)를 띄우세요.',
        },
      });
    }
    if (servers.loadBalancers.length === 0) {
      return failWith([
        {
          en: `None of the ${servers.all.length} instances accepts HTTP (port 80) from the internet, so customers cannot reach the shop: allow 0.0.0.0/0 on port 80 in the load balancer server's security group.`,
          ko: `인스턴스 ${servers.all.length}대 중 인터넷에서 오는 HTTP(80 포트)를 받는 것이 없어 고객이 쇼핑몰에 닿을 수 없습니다. 로드 밸런서 서버의 보안 그룹에 0.0.0.0/0의 80 포트를 허용하세요.`,
          resources: servers.all.map((server) => server.instance.id),
        },
      ]);
    }
    const problems: Problem[] = [];
    if (servers.loadBalancers.length > 1) {
      const ids = servers.loadBalancers.map((server) => server.instance.id).join(', ');
      problems.push({
        en: `${servers.loadBalancers.length} instances accept HTTP from the internet (${ids}): only the load balancer server should; the others must be reachable through it alone.`,
        ko: `인스턴스 ${servers.loadBalancers.length}대(${ids})가 인터넷에서 오는 HTTP를 받습니다. 로드 밸런서 서버만 받아야 하고, 다른 서버는 그 서버를 거쳐서만 닿아야 합니다.`,
        resources: servers.loadBalancers.map((server) => server.instance.id),
      });
    }
    for (const server of servers.all.filter((candidate) => !servers.loadBalancers.includes(candidate))) {
      const open = server.rules.find((rule) => isAnywhere(rule.source));
      if (!open) continue;
      problems.push({
        en: `Instance ${server.instance.id} is open to the internet too (${describePorts(open).en} from ${describeSource(open.source).en} in group ${open.group.id}): only the load balancer server may face the internet.`,
        ko: `인스턴스 ${server.instance.id}도 인터넷에 열려 있습니다(보안 그룹 ${open.group.id}의 ${describeSource(open.source).ko}에서 오는 ${describePorts(open).ko}). 인터넷에는 로드 밸런서 서버만 열려 있어야 합니다.`,
        resources: [server.instance.id, open.group.id],
      });
    }
    if (problems.length > 0) return failWith(problems);
    const lb = servers.loadBalancers[0];
    return {
      status: 'PASS',
      message: {
        en: `Instance ${lb.instance.id} is the load balancer server: the only instance open to the internet, on port 80 (group ${lb.groups.map((g) => g.id).join(', ')}).`,
        ko: `인스턴스 ${withParticle(lb.instance.id, '이/가')} 로드 밸런서 서버입니다. 인터넷에 열린 유일한 인스턴스이며 80 포트로 열려 있습니다(보안 그룹 ${lb.groups.map((g) => g.id).join(', ')}).`,
      },
      resources: [lb.instance.id, ...lb.groups.map((g) => g.id)],
    };
  },
};
