import { absent } from '../absent';
import { dbSubnets, primaryDatabases } from '../../model/queries/database';
import { failWith } from '../problems';
import { exposureProblems } from './exposure';
import type { Rule } from '../types';

/** The database is not publicly accessible and lives in subnets without a route to the internet gateway. */
export const rdsPrivate: Rule = {
  id: 'rds-private',
  area: 'database',
  title: {
    en: 'The RDS database is not publicly accessible and lives only in subnets without an internet gateway route',
    ko: 'RDS 데이터베이스는 퍼블릭 접근이 꺼져 있고 인터넷 게이트웨이 경로가 없는 서브넷에만 있다',
  },
  severity: 'critical',
  points: 10,
  why: {
    en: 'The database holds every order and customer. With no public address and only isolated subnets, it cannot be reached from the internet even if a security group is opened by mistake; only the APP servers inside the VPC talk to it.',
    ko: '데이터베이스에는 모든 주문과 고객 정보가 있습니다. 퍼블릭 주소 없이 격리 서브넷에만 두면 보안 그룹을 실수로 열어도 인터넷에서 닿을 수 없고, VPC 안의 APP 서버만 데이터베이스와 통신합니다.',
  },
  fix: {
    en: 'rds.DatabaseInstance with vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } and publiclyAccessible: false.',
    ko: 'rds.DatabaseInstance에 vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }와 publiclyAccessible: false를 주세요.',
  },
  guide: { lab: 'vpc-migration', section: 'rds-in-isolated-subnets' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-1-3' },
  modes: ['template', 'live'],
  services: ['rds', 'ec2'],
  evaluate({ graph }) {
    const databases = primaryDatabases(graph);
    if (databases.length === 0) {
      return absent({
        required: {
          en: 'There is no RDS database: add an rds.DatabaseInstance in the isolated subnets.',
          ko: 'RDS 데이터베이스가 없습니다. 격리 서브넷에 rds.DatabaseInstance를 추가하세요.',
        },
      });
    }
    const problems = databases.flatMap((db) => exposureProblems(graph, db, { en: 'Database', ko: '데이터베이스' }));
    if (problems.length > 0) return failWith(problems);
    const subnets = [...new Set(databases.flatMap((db) => dbSubnets(graph, db)))];
    return {
      status: 'PASS',
      message: {
        en: `Database ${databases.map((db) => db.id).join(', ')} has no public address and its subnet group holds only subnets without an internet gateway route (${subnets.map((s) => s.id).join(', ')}).`,
        ko: `데이터베이스 ${databases.map((db) => db.id).join(', ')}에는 퍼블릭 주소가 없고, 서브넷 그룹에는 인터넷 게이트웨이 경로가 없는 서브넷만 있습니다(${subnets.map((s) => s.id).join(', ')}).`,
      },
      resources: databases.map((db) => db.id),
    };
  },
};
