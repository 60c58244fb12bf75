import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../../model/graph';
import { applicationLoadBalancers, instanceAz } from '../../model/queries/compute';
import { primaryDatabases } from '../../model/queries/database';
import { booleanProp } from '../../model/queries/values';
import { CannotEvaluate } from '../../model/types';
import type { Rule } from '../types';
import { onPremServers, type OnPremServers } from '../../model/queries/onprem';

/** One finding of the review, or undefined when that weakness is absent. */
type Finding = (graph: ResourceGraph, servers: OnPremServers) => LocalizedText | undefined;

const FINDINGS: readonly Finding[] = [
  (graph, servers) => {
    const azs = [...new Set(servers.all.map((server) => instanceAz(graph, server.instance)))];
    if (azs.length !== 1) return undefined;
    return {
      en: `Every server runs in one Availability Zone (${azs[0]}): a fire, flood or power cut there stops the whole shop.`,
      ko: `모든 서버가 가용 영역 하나(${azs[0]})에서 실행됩니다. 그곳에 화재, 홍수, 정전이 나면 쇼핑몰 전체가 멈춥니다.`,
    };
  },
  (graph, servers) => {
    if (servers.loadBalancers.length !== 1 || applicationLoadBalancers(graph, 'internet-facing').length > 0) return undefined;
    const id = servers.loadBalancers[0].instance.id;
    return {
      en: `The load balancer is one server (${id}): when it stops, no customer reaches the shop, however many web+app servers are running.`,
      ko: `로드 밸런서가 서버 한 대(${id})입니다. 이 서버가 멈추면 Web + App 서버가 몇 대든 고객이 쇼핑몰에 닿지 못합니다.`,
    };
  },
  (graph, servers) => {
    const single = primaryDatabases(graph).filter((db) => db.type === 'AWS::RDS::DBInstance' && booleanProp(graph, db, 'MultiAZ') !== true);
    const databases = [...servers.databases.map((server) => server.instance.id), ...single.map((db) => db.id)];
    if (databases.length !== 1) return undefined;
    return {
      en: `One database server (${databases[0]}) holds every order with no standby: when it fails, the whole shop stops, and its data is only as safe as its last backup.`,
      ko: `데이터베이스 서버 한 대(${databases[0]})가 대기 서버 없이 모든 주문을 가지고 있습니다. 이 서버에 장애가 나면 쇼핑몰 전체가 멈추고, 데이터는 마지막 백업만큼만 안전합니다.`,
    };
  },
  (graph, servers) => {
    if (graph.ofType('AWS::AutoScaling::AutoScalingGroup').length > 0 || servers.webApp.length === 0) return undefined;
    return {
      en: `Capacity is fixed at ${servers.webApp.length} web+app servers: before a sale you must guess the peak, and the extra servers sit idle, and cost money, once it is over.`,
      ko: `용량이 Web + App 서버 ${servers.webApp.length}대로 고정되어 있습니다. 할인 이벤트 전에 최대 부하를 예측해야 하고, 이벤트가 끝나면 남는 서버가 비용만 씁니다.`,
    };
  },
  (graph) => {
    if (graph.ofType('AWS::AutoScaling::AutoScalingGroup').length > 0) return undefined;
    return {
      en: "Scaling is manual: adding a server means launching an instance, installing the service and editing the load balancer's upstream list by hand, and nothing replaces a server that dies.",
      ko: '확장이 수동입니다. 서버를 늘리려면 인스턴스를 띄우고 서비스를 설치하고 로드 밸런서의 upstream 목록을 직접 고쳐야 하며, 죽은 서버를 대신 띄워 주는 것도 없습니다.',
    };
  },
];

/** Informational: names the architecture's single points of failure, the problems the next labs fix. */
export const onpremArchitectureReview: Rule = {
  id: 'onprem-architecture-review',
  area: 'onprem',
  title: {
    en: "Architecture review: the baseline's single points of failure are named",
    ko: '아키텍처 리뷰: 기준 구조의 단일 장애 지점을 짚어 본다',
  },
  severity: 'info',
  points: 0,
  why: {
    en: 'The on-premises shop works until something breaks. Naming its single points of failure (one AZ, one load balancer, one database, fixed capacity, manual scaling) is the list of problems the next labs solve one by one.',
    ko: '온프레미스 쇼핑몰은 무언가 고장 나기 전까지는 잘 동작합니다. 단일 장애 지점(AZ 하나, 로드 밸런서 하나, 데이터베이스 하나, 고정 용량, 수동 확장)을 짚어 두면 다음 실습에서 하나씩 풀어 갈 문제 목록이 됩니다.',
  },
  fix: {
    en: 'Nothing to fix in this lab: read the findings, then continue with vpc-migration.',
    ko: '이 실습에서 고칠 것은 없습니다. 내용을 읽고 vpc-migration 실습으로 넘어가세요.',
  },
  guide: { lab: 'on-prem-baseline', section: 'review' },
  seed: { seed: '000_0cb1d160706ddd77', section: '1' },
  modes: ['template', 'live'],
  services: ['ec2'],
  evaluate({ graph }) {
    const servers = onPremServers(graph);
    const anything = servers.all.length + graph.ofType('AWS::AutoScaling::AutoScalingGroup').length + primaryDatabases(graph).length;
    if (anything === 0) {
      return {
        status: 'PASS',
        message: {
          en: 'No servers yet: build the load balancer, web+app and database servers, then read this review again.',
          ko: '아직 서버가 없습니다. 로드 밸런서, Web + App, 데이터베이스 서버를 만든 뒤 이 리뷰를 다시 읽어 보세요.',
        },
      };
    }
    const found: LocalizedText[] = [];
    const unknown: string[] = [];
    for (const finding of FINDINGS) {
      try {
        const result = finding(graph, servers);
        if (result) found.push(result);
      } catch (error) {
        if (!(error instanceof CannotEvaluate)) throw error;
        unknown.push(error.what);
      }
    }
    const notes =
      unknown.length > 0
        ? { en: ` (Could not tell: ${unknown.join('; ')}.)`, ko: ` (판단하지 못한 항목: ${unknown.join('; ')}.)` }
        : { en: '', ko: '' };
    if (found.length === 0) {
      return {
        status: 'PASS',
        message: {
          en: `No single point of failure found in this architecture.${notes.en}`,
          ko: `이 구조에서는 단일 장애 지점을 찾지 못했습니다.${notes.ko}`,
        },
      };
    }
    return {
      status: 'PASS',
      message: {
        en: `Single points of failure: ${found.map((item, i) => `(${i + 1}) ${item.en}`).join(' ')} The next labs remove them.${notes.en}`,
        ko: `단일 장애 지점: ${found.map((item, i) => `(${i + 1}) ${item.ko}`).join(' ')} 다음 실습에서 하나씩 없앱니다.${notes.ko}`,
      },
      resources: servers.all.map((server) => server.instance.id),
    };
  },
};
