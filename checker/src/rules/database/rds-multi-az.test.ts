import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsMultiAz } from './rds-multi-az';

describe('rds-multi-az', () => {
  it('passes for multiAz: true, an L1 MultiAZ and a hand-written "true"', () => {
    expect(judge(rdsMultiAz, shopTemplate({ database: { multiAz: true } })).status).toBe('PASS');
    expect(judge(rdsMultiAz, l1ShopTemplate()).message.en).toContain('Database Db runs Multi-AZ');
    expect(judge(rdsMultiAz, handWrittenShop()).status).toBe('PASS');
  });

  it('fails for the single-AZ database of vpc-migration', () => {
    const outcome = judge(rdsMultiAz, shopTemplate());
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Database Orders\w+ is a single instance in one AZ \(MultiAZ is off\)/);
    expect(outcome.message.ko).toContain('multiAz: true');
  });

  it('judges Aurora by its instances: one fails, a writer and a reader pass', () => {
    const template = handWrittenShop();
    delete template.Resources.Database;
    template.Resources.Cluster = {
      Type: 'AWS::RDS::DBCluster',
      Properties: {
        Engine: 'aurora-mysql',
        DBSubnetGroupName: 'shop-db-subnets',
        VpcSecurityGroupIds: [{ Ref: 'DbGroup' }],
        ManageMasterUserPassword: true,
        MasterUsername: 'shop',
      },
    };
    template.Resources.Writer = {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'aurora-mysql', DBClusterIdentifier: { Ref: 'Cluster' }, DBInstanceClass: 'db.t4g.medium' },
    };
    expect(judge(rdsMultiAz, template).message.en).toContain('Aurora cluster Cluster has 1 instance');
    template.Resources.Reader = {
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'aurora-mysql', DBClusterIdentifier: { Ref: 'Cluster' }, DBInstanceClass: 'db.t4g.medium' },
    };
    expect(judge(rdsMultiAz, template).status).toBe('PASS');
  });

  it('skips when there is no database, which rds-private reports (one omission, one FAIL)', () => {
    const outcome = judge(rdsMultiAz, shopTemplate({ noDatabase: true }));
    expect(outcome).toMatchObject({ status: 'SKIP', message: { en: 'No RDS database yet (rds-private reports it).' } });
    expect(outcome.message.ko).toBe('아직 RDS 데이터베이스가 없습니다(rds-private가 알려 줍니다).');
  });
});
