import { clusterOf, dbEngine, dbInstances } from '../../model/queries/database';
import { booleanProp, stringProp } from '../../model/queries/values';
import type { Rule } from '../types';
import { withParticle } from '../korean';
import { judgeEachDatabase } from './each-database';

/** The database keeps a synchronous standby in a second AZ (Multi-AZ). */
export const rdsMultiAz: Rule = {
  id: 'rds-multi-az',
  area: 'database',
  title: {
    en: 'The database runs Multi-AZ: a synchronous standby in a second AZ takes over automatically',
    ko: '데이터베이스가 Multi-AZ로 동작한다: 두 번째 AZ의 동기 복제 대기 인스턴스가 자동으로 넘겨받는다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'One RDS instance is a single point of failure: when it went down under load, the whole shop stopped. With Multi-AZ, RDS copies every write synchronously to a standby in another AZ and promotes it automatically when the primary fails; clients reconnect to the same endpoint within minutes, with no data lost.',
    ko: 'RDS 인스턴스 하나는 단일 장애 지점입니다. 요청이 몰려 그 인스턴스가 다운되자 쇼핑몰 전체가 멈췄습니다. Multi-AZ에서는 RDS가 모든 쓰기를 다른 AZ의 대기 인스턴스에 동기 복제하고, 기본 인스턴스에 장애가 나면 대기 인스턴스를 자동으로 승격합니다. 클라이언트는 몇 분 안에 같은 엔드포인트로 다시 연결되고 데이터 손실도 없습니다.',
  },
  fix: {
    en: 'multiAz: true on the rds.DatabaseInstance (MultiAZ: true on an AWS::RDS::DBInstance; for Aurora, a second instance in the cluster).',
    ko: 'rds.DatabaseInstance에 multiAz: true를 주세요(AWS::RDS::DBInstance라면 MultiAZ: true, Aurora라면 클러스터에 두 번째 인스턴스).',
  },
  guide: { lab: 'multi-az-rds', section: 'turn-on-multi-az' },
  seed: { seed: '000_0cb1d160706ddd77', section: '3-1' },
  modes: ['template', 'live'],
  services: ['rds'],
  evaluate({ graph }) {
    return judgeEachDatabase(
      graph,
      (db) => {
        if (db.type === 'AWS::RDS::DBCluster') {
          if (!dbEngine(graph, db).startsWith('aurora') || stringProp(graph, db, 'DBClusterInstanceClass') !== undefined) return db.id;
          const members = dbInstances(graph).filter((instance) => clusterOf(graph, instance) === db);
          if (members.length >= 2) return db.id;
          return {
            en: `Aurora cluster ${db.id} has ${members.length} instance${members.length === 1 ? '' : 's'}: add a reader instance, which Aurora places in another AZ and promotes on failure.`,
            ko: `Aurora 클러스터 ${db.id}의 인스턴스가 ${members.length}개입니다. 리더 인스턴스를 추가하세요. Aurora가 다른 AZ에 두고 장애 시 승격합니다.`,
            resources: [db.id],
          };
        }
        if (booleanProp(graph, db, 'MultiAZ') === true) return db.id;
        return {
          en: `Database ${db.id} is a single instance in one AZ (MultiAZ is off): when it fails, the whole shop stops. Set multiAz: true.`,
          ko: `데이터베이스 ${withParticle(db.id, '이/가')} 한 AZ의 인스턴스 하나뿐입니다(MultiAZ 꺼짐). 장애가 나면 쇼핑몰 전체가 멈춥니다. multiAz: true를 주세요.`,
          resources: [db.id],
        };
      },
      (ids) => ({
        en: `Database ${ids} runs Multi-AZ: a synchronous standby in another AZ takes over automatically on failure.`,
        ko: `데이터베이스 ${withParticle(ids, '이/가')} Multi-AZ로 동작합니다. 장애가 나면 다른 AZ의 동기 복제 대기 인스턴스가 자동으로 넘겨받습니다.`,
      }),
    );
  },
};
