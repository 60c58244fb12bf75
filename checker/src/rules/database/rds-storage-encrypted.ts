import { booleanProp, stringProp } from '../../model/queries/values';
import type { Rule } from '../types';
import { withParticle } from '../korean';
import { judgeEachDatabase } from './each-database';

/** The database's storage (and so its snapshots, backups and replicas) is encrypted at rest. */
export const rdsStorageEncrypted: Rule = {
  id: 'rds-storage-encrypted',
  area: 'database',
  title: { en: "The database's storage is encrypted at rest", ko: '데이터베이스 스토리지가 암호화되어 저장된다' },
  severity: 'high',
  points: 5,
  why: {
    en: 'Encryption at rest protects the orders on disk, in automated backups, in snapshots and in read replicas with a KMS key. It can only be chosen when the database is created: turning it on later means restoring a copy, so decide now.',
    ko: '저장 데이터 암호화는 디스크, 자동 백업, 스냅숏, Read Replica에 있는 주문 데이터를 KMS 키로 보호합니다. 데이터베이스를 만들 때만 정할 수 있고 나중에 켜려면 사본을 복원해야 하므로 지금 결정해야 합니다.',
  },
  fix: {
    en: 'storageEncrypted: true on the rds.DatabaseInstance (optionally storageEncryptionKey for your own KMS key).',
    ko: 'rds.DatabaseInstance에 storageEncrypted: true를 주세요(직접 만든 KMS 키를 쓰려면 storageEncryptionKey도).',
  },
  guide: { lab: 'multi-az-rds', section: 'encryption-at-rest' },
  seed: { seed: '000_0cb1d160706ddd77', section: '3' },
  modes: ['template', 'live'],
  services: ['rds'],
  evaluate({ graph }) {
    return judgeEachDatabase(
      graph,
      (db) => {
        if (booleanProp(graph, db, 'StorageEncrypted') === true) return db.id;
        const keyAlone = stringProp(graph, db, 'KmsKeyId') !== undefined;
        return {
          en: `Database ${db.id} stores its data unencrypted${keyAlone ? ' (a KmsKeyId alone does not turn encryption on)' : ''}: set storageEncrypted: true. An existing database must be replaced (restore an encrypted copy of a snapshot).`,
          ko: `데이터베이스 ${withParticle(db.id, '이/가')} 데이터를 암호화하지 않고 저장합니다${keyAlone ? '(KmsKeyId만으로는 암호화가 켜지지 않습니다)' : ''}. storageEncrypted: true를 주세요. 이미 있는 데이터베이스는 교체해야 합니다(스냅숏의 암호화된 사본을 복원).`,
          resources: [db.id],
        };
      },
      (ids) => ({
        en: `Database ${ids} encrypts its storage, backups and snapshots at rest.`,
        ko: `데이터베이스 ${withParticle(ids, '이/가')} 스토리지, 백업, 스냅숏을 암호화해 저장합니다.`,
      }),
    );
  },
};
