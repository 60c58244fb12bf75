import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsReadReplicaPrivate } from './rds-read-replica-private';

describe('rds-read-replica-private', () => {
  it('skips with a hint when there is no read replica (optional stretch task)', () => {
    const outcome = judge(rdsReadReplicaPrivate, shopTemplate());
    expect(outcome.status).toBe('SKIP');
    expect(outcome.message.en).toContain('Optional stretch not attempted: no read replica.');
    expect(rdsReadReplicaPrivate.optional).toBe(true);
  });

  it('passes for a DatabaseInstanceReadReplica in the isolated subnets', () => {
    const outcome = judge(rdsReadReplicaPrivate, shopTemplate({ readReplica: {} }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/Read replica ReaderCopy\w+ \(of Orders\w+\)/);
  });

  it("passes for a hand-written replica that names no subnet group and so uses its source's", () => {
    const template = handWrittenShop();
    template.Resources.Reader = {
      Type: 'AWS::RDS::DBInstance',
      Properties: {
        SourceDBInstanceIdentifier: { Ref: 'Database' },
        DBInstanceClass: 'db.t3.micro',
        PubliclyAccessible: false,
        VPCSecurityGroups: [{ Ref: 'DbGroup' }],
      },
    };
    expect(judge(rdsReadReplicaPrivate, template).status).toBe('PASS');
  });

  it('fails for a public replica in public subnets', () => {
    const outcome = judge(
      rdsReadReplicaPrivate,
      shopTemplate({ readReplica: { publiclyAccessible: true, subnets: ec2.SubnetType.PUBLIC } }),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toMatch(/Read replica ReaderCopy\w+ has PubliclyAccessible: true/);
    expect(outcome.message.en).toContain('which route to the internet gateway');
  });
});
