import { judge } from '../fixtures/judge';
import { globalExpansionTemplates, labGraph, resourcesOf, type StackTemplates } from '../fixtures/two-region-shop';
import { crossRegionReadReplica } from './cross-region-read-replica';

const READ = 'ShopGlobalExpansionReadRegion';
const verdict = (templates: StackTemplates) => judge(crossRegionReadReplica, labGraph('global-expansion', templates));
const replica = (templates: StackTemplates) => resourcesOf(templates, READ).ReadReplica.Properties;

describe('cross-region-read-replica', () => {
  it('passes for the encrypted replica in isolated subnets, its source the primary database through the filled parameter', () => {
    const outcome = verdict(globalExpansionTemplates());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('ShopGlobalExpansionReadRegion/ReadReplica (of DatabaseInstanceAA8A5FDE)');
  });

  it('passes for a source named by a written-out ARN of the primary Region', () => {
    const templates = globalExpansionTemplates();
    replica(templates).SourceDBInstanceIdentifier = 'arn:aws:rds:ap-northeast-2:111122223333:db:shop-db';
    expect(verdict(templates).status).toBe('PASS');
  });

  it('passes for an Aurora global database with a secondary cluster', () => {
    const templates = globalExpansionTemplates();
    const main = resourcesOf(templates, 'ShopGlobalExpansion');
    main.PrimaryCluster = { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-mysql', StorageEncrypted: true } };
    main.Global = { Type: 'AWS::RDS::GlobalCluster', Properties: { SourceDBClusterIdentifier: { Ref: 'PrimaryCluster' } } };
    const read = resourcesOf(templates, READ);
    delete read.ReadReplica;
    read.SecondaryCluster = {
      Type: 'AWS::RDS::DBCluster',
      Properties: {
        Engine: 'aurora-mysql',
        GlobalClusterIdentifier: 'shop-global',
        StorageEncrypted: true,
        DBSubnetGroupName: { Ref: 'DatabaseSubnetGroup' },
      },
    };
    main.PrimaryCluster.Properties.GlobalClusterIdentifier = 'shop-global';
    const outcome = verdict(templates);
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('ShopGlobalExpansionReadRegion/SecondaryCluster (of PrimaryCluster)');
  });

  it('fails for an unencrypted replica', () => {
    const templates = globalExpansionTemplates();
    delete replica(templates).StorageEncrypted;
    delete replica(templates).KmsKeyId;
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('is not encrypted at rest');
  });

  it('fails for a public replica', () => {
    const templates = globalExpansionTemplates();
    replica(templates).PubliclyAccessible = true;
    expect(verdict(templates).message.en).toContain('has PubliclyAccessible: true');
  });

  it('fails without a copy in the secondary Region', () => {
    const templates = globalExpansionTemplates();
    delete resourcesOf(templates, READ).ReadReplica;
    const outcome = verdict(templates);
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('The secondary Region has no copy of the primary database');
  });
});
