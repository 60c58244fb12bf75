import { priceTable, type PriceTable } from '@workshop/catalog';
import { graphFromStacks, graphFromTemplate } from '../sources/template/resolve';
import { estimate } from './estimate';
import { estimateLines, regionalLines } from './format';
import { estimateRegions, regionalCostLines, totalOf } from './regions';

/** A template with `count` NAT gateways. */
const nats = (count: number) => ({
  Resources: Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`Nat${i}`, { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: `subnet-${i}` } }]),
  ),
});

/** Two NAT gateways in the main stack, one in the second Region's stack. */
const graph = graphFromStacks([
  { name: 'ShopDr', template: nats(1), region: 'secondary', regionName: 'ap-northeast-1', main: false },
  { name: 'Shop', template: nats(2), region: 'primary', main: true },
]);

/** The price table with Tokyo priced like US East. */
const withTokyo: PriceTable = {
  ...priceTable,
  regions: { ...priceTable.regions, 'ap-northeast-1': { en: 'Asia Pacific (Tokyo)', ko: '아시아 태평양(도쿄)' } },
  prices: Object.fromEntries(
    Object.entries(priceTable.prices).map(([key, entry]) => [
      key,
      {
        ...entry,
        usd: { ...entry.usd, 'ap-northeast-1': entry.usd['us-east-1'] },
        check: { ...entry.check, 'ap-northeast-1': entry.check['us-east-1'] },
      },
    ]),
  ),
};

describe('estimates of a lab with stacks in two Regions', () => {
  it("keeps each Region's lines apart, with the resources they count", () => {
    const lines = (role: 'primary' | 'secondary') =>
      estimate(graph, 'ap-northeast-2', priceTable, role).lines.map((line) => [line.price, line.resources]);
    expect(lines('primary')).toEqual([
      ['nat-gateway', ['Nat0', 'Nat1']],
      ['nat-gateway-data', ['Nat0', 'Nat1']],
    ]);
    expect(lines('secondary')).toEqual([
      ['nat-gateway', ['ShopDr/Nat0']],
      ['nat-gateway-data', ['ShopDr/Nat0']],
    ]);
  });

  it("prices each Region's resources at that Region's prices, and sums both", () => {
    const regions = estimateRegions(graph, 'ap-northeast-2', 'ap-northeast-1', withTokyo);
    expect(regions.map((entry) => [entry.role, entry.region, entry.estimate?.lines.map((line) => [line.price, line.quantity])])).toEqual([
      [
        'primary',
        'ap-northeast-2',
        [
          ['nat-gateway', 2],
          ['nat-gateway-data', 2 * priceTable.assumptions.natGatewayGbPerMonth],
        ],
      ],
      [
        'secondary',
        'ap-northeast-1',
        [
          ['nat-gateway', 1],
          ['nat-gateway-data', priceTable.assumptions.natGatewayGbPerMonth],
        ],
      ],
    ]);
    // The test table prices Tokyo like US East: the second Region's estimate is the US East one, not Seoul's.
    const tokyo = estimate(graph, 'us-east-1', priceTable, 'secondary').hourlyUsd;
    expect(regions[1].estimate?.hourlyUsd).toBe(tokyo);
    expect(tokyo).not.toBe(estimate(graph, 'ap-northeast-2', priceTable, 'secondary').hourlyUsd);
    expect(totalOf(regions).hourlyUsd).toBeCloseTo(estimate(graph, 'ap-northeast-2', priceTable, 'primary').hourlyUsd + tokyo, 3);
    expect(regionalCostLines(regions)).toEqual([
      { price: 'nat-gateway', quantity: 2 },
      { price: 'nat-gateway-data', quantity: 2 * priceTable.assumptions.natGatewayGbPerMonth },
      { price: 'nat-gateway', quantity: 1, region: 'secondary' },
      { price: 'nat-gateway-data', quantity: priceTable.assumptions.natGatewayGbPerMonth, region: 'secondary' },
    ]);
    const lines = regionalLines(regions, 'en');
    expect(lines[0]).toBe('== Asia Pacific (Seoul) (ap-northeast-2, primary Region) ==');
    expect(lines).toContain('== Asia Pacific (Tokyo) (ap-northeast-1, second Region) ==');
    expect(lines[lines.length - 1]).toMatch(/^Both Regions together: about \$\d+\.\d{3} an hour/);
    expect(regionalLines(regions, 'ko')[lines.length - 1]).toMatch(/^두 리전 합계: 시간당 약/);
  });

  it('says so when the table has no prices for the second Region, and still prices the first', () => {
    const regions = estimateRegions(graph, 'ap-northeast-2', 'eu-west-9');
    expect(regions[1].estimate).toBeUndefined();
    expect(regionalLines(regions, 'en')).toContain('labs/prices.json has no eu-west-9 prices: this Region is not estimated.');
    expect(totalOf(regions).hourlyUsd).toBe(estimate(graph, 'ap-northeast-2', priceTable, 'primary').hourlyUsd);
  });
});

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/** The shop's second Region (lab 8): the vault copies land in, its key, the media replica. */
const recovery = (): Resources => ({
  Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } },
  Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/shop-dr', TargetKeyId: { Ref: 'Key' } } },
  DrVault: {
    Type: 'AWS::Backup::BackupVault',
    Properties: { BackupVaultName: 'shop-dr', EncryptionKeyArn: { 'Fn::GetAtt': ['Key', 'Arn'] } },
  },
  Replica: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'shop-media-replica', VersioningConfiguration: { Status: 'Enabled' } } },
});

/** The primary Region: a Multi-AZ database and two servers backed up daily and copied to shop-dr, media replicated. */
const shop = (): Resources => ({
  Db: {
    Type: 'AWS::RDS::DBInstance',
    Properties: { Engine: 'mysql', EngineVersion: '8.4.7', DBInstanceClass: 'db.t3.micro', AllocatedStorage: '20', MultiAZ: true },
  },
  Lt: {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        InstanceType: 't3.micro',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }],
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'backup', Value: 'daily' }] }],
      },
    },
  },
  Web: {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    Properties: { MinSize: '2', MaxSize: '4', LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: '1' } },
  },
  Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'shop' } },
  Plan: {
    Type: 'AWS::Backup::BackupPlan',
    Properties: {
      BackupPlan: {
        BackupPlanName: 'daily',
        BackupPlanRule: [
          {
            RuleName: 'Daily',
            TargetBackupVault: { Ref: 'Vault' },
            ScheduleExpression: 'cron(0 5 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [
              { DestinationBackupVaultArn: { 'Fn::Sub': 'arn:aws:backup:ap-northeast-1:${AWS::AccountId}:backup-vault:shop-dr' } },
            ],
          },
        ],
      },
    },
  },
  DbSelection: {
    Type: 'AWS::Backup::BackupSelection',
    Properties: {
      BackupPlanId: { Ref: 'Plan' },
      BackupSelection: {
        SelectionName: 'Database',
        IamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        Resources: [{ 'Fn::Join': ['', ['arn:aws:rds:ap-northeast-2:111122223333:db:', { Ref: 'Db' }]] }],
      },
    },
  },
  VolumeSelection: {
    Type: 'AWS::Backup::BackupSelection',
    Properties: {
      BackupPlanId: { Ref: 'Plan' },
      BackupSelection: {
        SelectionName: 'ServerVolumes',
        IamRoleArn: 'arn:aws:iam::111122223333:role/backup',
        Resources: ['arn:aws:ec2:*:*:volume/*'],
        Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'daily' }] },
      },
    },
  },
  Media: {
    Type: 'AWS::S3::Bucket',
    Properties: {
      VersioningConfiguration: { Status: 'Enabled' },
      ReplicationConfiguration: {
        Role: 'arn:aws:iam::111122223333:role/replication',
        Rules: [{ Id: 'ToDr', Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::shop-media-replica', StorageClass: 'STANDARD_IA' } }],
      },
    },
  },
});

/** The read Region (lab 9): a read replica of the primary database, its ARN from a parameter. */
const readRegion = (): Resources => ({
  ReadReplica: {
    Type: 'AWS::RDS::DBInstance',
    Properties: { SourceDBInstanceIdentifier: { Ref: 'PrimaryDatabaseArn' }, DBInstanceClass: 'db.t3.micro' },
  },
});

/** The three stacks in deploy order; `edit` changes the resources before they are read. */
function twoRegions(edit: (stacks: { recovery: Resources; shop: Resources; readRegion: Resources }) => void = () => undefined) {
  const stacks = { recovery: recovery(), shop: shop(), readRegion: readRegion() };
  edit(stacks);
  return graphFromStacks([
    { name: 'ShopDrRecovery', template: { Resources: stacks.recovery }, region: 'secondary', regionName: 'ap-northeast-1', main: false },
    {
      name: 'ShopDr',
      template: { Resources: stacks.shop, Outputs: { DatabaseArn: { Value: { Ref: 'Db' } } } },
      region: 'primary',
      main: true,
    },
    {
      name: 'ShopDrRead',
      template: { Parameters: { PrimaryDatabaseArn: { Type: 'String' } }, Resources: stacks.readRegion },
      region: 'secondary',
      regionName: 'ap-northeast-1',
      main: false,
      parameters: { PrimaryDatabaseArn: { stack: 'ShopDr', output: 'DatabaseArn' } },
    },
  ]);
}

const byRole = (graph: ReturnType<typeof twoRegions>) => {
  const [primary, secondary] = estimateRegions(graph, 'ap-northeast-2', 'ap-northeast-1');
  const quantities = (entry: typeof primary) =>
    Object.fromEntries((entry.estimate?.lines ?? []).map((line) => [line.price, line.quantity]));
  const notes = (entry: typeof primary) => (entry.estimate?.unpriced ?? []).map((item) => `${item.resource}: ${item.reason.en}`);
  return { primary: quantities(primary), secondary: quantities(secondary), notes: [...notes(primary), ...notes(secondary)] };
};

describe('what labs 8 and 9 bill, Region by Region', () => {
  const { backupGbPerDataGb, replicatedGbPerMonth, crossRegionReplicaGbPerMonth } = priceTable.assumptions;

  it('stores the backups a plan covers in its Region and copies them to the vault of the other, moving them there once a month', () => {
    const { primary, secondary, notes } = byRole(twoRegions());
    expect(notes).toEqual([]);
    expect(primary['backup-storage-ebs']).toBe(2 * 8 * backupGbPerDataGb);
    expect(primary['backup-storage-rds']).toBe(20 * backupGbPerDataGb);
    expect(secondary['backup-storage-ebs']).toBe(2 * 8 * backupGbPerDataGb);
    expect(secondary['backup-storage-rds']).toBe(20 * backupGbPerDataGb);
    expect(primary['inter-region-transfer']).toBe(36 * backupGbPerDataGb + replicatedGbPerMonth + crossRegionReplicaGbPerMonth);
    expect(secondary['inter-region-transfer']).toBeUndefined();
  });

  it('leaves out volumes no selection covers, copies to a vault outside the stacks, and volumes sized by the AMI', () => {
    const untagged = byRole(
      twoRegions(({ shop: resources }) => {
        (resources.VolumeSelection.Properties!.BackupSelection as { Conditions: unknown }).Conditions = {
          StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'weekly' }],
        };
      }),
    );
    expect(untagged.primary['backup-storage-ebs']).toBeUndefined();
    expect(untagged.secondary['backup-storage-ebs']).toBeUndefined();
    expect(untagged.primary['backup-storage-rds']).toBe(20 * backupGbPerDataGb);

    const elsewhere = byRole(
      twoRegions(({ recovery: resources }) => {
        resources.DrVault.Properties!.BackupVaultName = 'another-vault';
      }),
    );
    expect(elsewhere.secondary['backup-storage-rds']).toBeUndefined();
    expect(elsewhere.primary['inter-region-transfer']).toBe(replicatedGbPerMonth + crossRegionReplicaGbPerMonth);
    expect(elsewhere.notes).toContain("Plan: rule Daily copies to a vault outside the lab's stacks: its copies are not estimated");

    const amiSized = byRole(
      twoRegions(({ shop: resources }) => {
        delete (resources.Lt.Properties!.LaunchTemplateData as Record<string, unknown>).BlockDeviceMappings;
      }),
    );
    expect(amiSized.primary['backup-storage-ebs']).toBeUndefined();
    expect(amiSized.notes).toContain(
      'Web: AWS Backup covers its volumes, but their size comes from the AMI: their backups are not estimated',
    );
  });

  it("keeps the media replica in its rule's storage class where the replica runs, and bills the transfer where it leaves", () => {
    const { primary, secondary } = byRole(twoRegions());
    expect(secondary['s3-standard-ia-storage']).toBe(replicatedGbPerMonth);
    expect(primary['s3-standard-ia-storage']).toBeUndefined();

    const disabled = byRole(
      twoRegions(({ shop: resources }) => {
        const rules = (resources.Media.Properties!.ReplicationConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
        rules[0].Status = 'Disabled';
      }),
    );
    expect(disabled.secondary['s3-standard-ia-storage']).toBeUndefined();
    expect(disabled.primary['inter-region-transfer']).toBe(36 * backupGbPerDataGb + crossRegionReplicaGbPerMonth);

    const glacier = byRole(
      twoRegions(({ shop: resources }) => {
        const rules = (resources.Media.Properties!.ReplicationConfiguration as { Rules: Array<{ Destination: Record<string, unknown> }> })
          .Rules;
        rules[0].Destination.StorageClass = 'GLACIER';
      }),
    );
    expect(glacier.notes).toContain('ShopDrRecovery/Replica: S3 GLACIER storage has no price in the table for ap-northeast-1');
  });

  it('prices a read replica whose source comes from a parameter as an instance of its class in the other Region', () => {
    const { primary, secondary } = byRole(twoRegions());
    expect(secondary['rds-mysql:db.t3.micro']).toBe(1);
    expect(primary['rds-mysql:db.t3.micro']).toBeUndefined();
    expect(primary['rds-mysql-multi-az:db.t3.micro']).toBe(1);

    // A replica in the same Region as its source moves nothing across Regions.
    const local = byRole(
      twoRegions(({ shop: resources, readRegion: replica }) => {
        resources.LocalReplica = {
          Type: 'AWS::RDS::DBInstance',
          Properties: { SourceDBInstanceIdentifier: { Ref: 'Db' }, DBInstanceClass: 'db.t3.micro' },
        };
        delete replica.ReadReplica;
      }),
    );
    expect(local.primary['rds-mysql:db.t3.micro']).toBe(1);
    expect(local.secondary['rds-mysql:db.t3.micro']).toBeUndefined();
    expect(local.primary['inter-region-transfer']).toBe(36 * backupGbPerDataGb + replicatedGbPerMonth);
  });

  it('bills KMS keys where they are, and states the assumptions the lines rest on in both languages', () => {
    const regions = estimateRegions(twoRegions(), 'ap-northeast-2', 'ap-northeast-1');
    expect(byRole(twoRegions()).secondary['kms-key']).toBe(1);
    expect(byRole(twoRegions()).primary['kms-key']).toBeUndefined();
    const en = regionalLines(regions, 'en').join('\n');
    expect(en).toContain(`Assumed: AWS Backup keeps ${backupGbPerDataGb} GB in each vault per GB of the volumes and databases it covers`);
    expect(en).toContain(`Assumed: each replicated bucket writes ${replicatedGbPerMonth} GB a month`);
    expect(en).toContain(`Assumed: a database sends ${crossRegionReplicaGbPerMonth} GB of changes a month`);
    const ko = regionalLines(regions, 'ko').join('\n');
    expect(ko).toContain(`가정: AWS Backup은 대상 볼륨·데이터베이스 1GB마다 ${backupGbPerDataGb}GB를`);
    expect(ko).toContain(`가정: 복제되는 버킷마다 한 달에 ${replicatedGbPerMonth}GB를`);
    // A lab without backups or replicas does not state those assumptions.
    expect(regionalLines(estimateRegions(graph, 'ap-northeast-2', 'ap-northeast-1'), 'en').join('\n')).not.toContain('AWS Backup keeps');
  });
});

/** The lines of one Region's block of `checker price`, from its heading to the next. */
const block = (lines: readonly string[], region: string): string[] => {
  const start = lines.findIndex((line) => line.startsWith('==') && line.includes(`(${region}`));
  const end = lines.findIndex((line, i) => i > start && (line.startsWith('==') || /^(Both Regions|두 리전)/.test(line)));
  return lines.slice(start, end);
};

describe('Secrets Manager replicas', () => {
  const secret = (...regions: string[]): Resources[string] => ({
    Type: 'AWS::SecretsManager::Secret',
    Properties: { GenerateSecretString: {}, ReplicaRegions: regions.map((region) => ({ Region: region })) },
  });
  const replicated = (...regions: string[]) =>
    twoRegions(({ shop: resources }) => {
      resources.DbSecret = secret(...regions);
    });

  it("bills a replica in the lab's second Region there, as a secret of its own, and shows it in that Region's block", () => {
    const { primary, secondary, notes } = byRole(replicated('ap-northeast-1'));
    expect(notes).toEqual([]);
    expect(primary['secrets-manager-secret']).toBe(1);
    expect(primary['secrets-manager-replica']).toBeUndefined();
    expect(secondary['secrets-manager-replica']).toBe(1);
    expect(secondary['secrets-manager-secret']).toBeUndefined();
    const regions = estimateRegions(replicated('ap-northeast-1'), 'ap-northeast-2', 'ap-northeast-1');
    const perMonth = priceTable.prices['secrets-manager-replica'].usd['ap-northeast-1'];
    expect(block(regionalLines(regions, 'en'), 'ap-northeast-1')).toContain(
      `  - Secrets Manager replica secret: $${(perMonth / priceTable.hoursPerMonth).toFixed(4)}/h (unconfirmed price*)`,
    );
    expect(block(regionalLines(regions, 'ko'), 'ap-northeast-1').join('\n')).toContain('  - Secrets Manager 복제본 보안 암호: $');
    expect(block(regionalLines(regions, 'en'), 'ap-northeast-2').join('\n')).not.toContain('replica secret');
  });

  it("names a replica in a Region none of the lab's stacks runs in instead of pricing it, in a lab of one Region too", () => {
    const elsewhere = byRole(replicated('ap-northeast-1', 'us-west-2'));
    expect(elsewhere.secondary['secrets-manager-replica']).toBe(1);
    expect(elsewhere.notes).toEqual(["DbSecret: a replica in us-west-2, outside the lab's Regions, is not estimated"]);
    const single = estimate(graphFromTemplate({ Resources: { DbSecret: secret('ap-northeast-1') } }), 'ap-northeast-2');
    expect(single.lines.map((line) => [line.price, line.quantity])).toEqual([['secrets-manager-secret', 1]]);
    expect(single.unpriced.map((item) => item.reason.ko)).toEqual(['실습 리전 밖(ap-northeast-1)의 복제본은 추정하지 않았습니다']);
  });
});

describe('the assumptions each Region states', () => {
  /** Lab 8's shape with a NAT gateway, a CloudFront distribution and an AWS WAF web ACL in the primary Region. */
  const served = () =>
    twoRegions(({ shop: resources }) => {
      resources.Nat = { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: 'subnet-1' } };
      resources.Cdn = { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: {} } };
      resources.Acl = { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'CLOUDFRONT', Rules: [] } };
    });
  const assumed = (lines: readonly string[]): string[] => lines.filter((line) => /^(Assumed|가정):/.test(line));

  it("states in each Region's block only the assumptions of the items priced there, in both languages", () => {
    const regions = estimateRegions(served(), 'ap-northeast-2', 'ap-northeast-1');
    const seoul = assumed(block(regionalLines(regions, 'en'), 'ap-northeast-2'));
    expect(seoul[0]).toBe(
      'Assumed: 5 GB a month through each NAT gateway, 1,000,000 CloudFront HTTPS requests a month, 1,000,000 requests a month through each AWS WAF web ACL, Auto Scaling groups at their desired (else minimum) size.',
    );
    expect(seoul.join('\n')).toContain('AWS Backup keeps');
    expect(seoul.join('\n')).toContain('a database sends');
    // The second Region holds the vault, the key, the media replica and the read replica: no NAT, ALB, CloudFront, WAF or servers.
    const tokyo = assumed(block(regionalLines(regions, 'en'), 'ap-northeast-1'));
    expect(tokyo).toEqual([
      expect.stringMatching(/^Assumed: AWS Backup keeps/),
      expect.stringMatching(/^Assumed: each replicated bucket writes/),
    ]);
    const tokyoKo = assumed(block(regionalLines(regions, 'ko'), 'ap-northeast-1'));
    expect(tokyoKo).toHaveLength(2);
    expect(tokyoKo.join('\n')).not.toMatch(/NAT|ALB|CloudFront|WAF|Auto Scaling/);
    expect(assumed(block(regionalLines(regions, 'ko'), 'ap-northeast-2'))[0]).toBe(
      '가정: NAT 게이트웨이당 월 5GB 처리, CloudFront HTTPS 요청 월 1,000,000건, AWS WAF 웹 ACL당 요청 월 1,000,000건, Auto Scaling 그룹은 원하는 용량(없으면 최소 용량).',
    );
  });

  it("also states the assumptions of the solution's lines the block compares with, and none when nothing rests on one", () => {
    const solution = estimateRegions(served(), 'ap-northeast-2', 'ap-northeast-1');
    const bare = twoRegions(({ shop: resources }) => {
      delete resources.Web;
    });
    const mine = estimateRegions(bare, 'ap-northeast-2', 'ap-northeast-1');
    const seoul = assumed(block(regionalLines(mine, 'en', solution), 'ap-northeast-2'));
    // The solution's requests and servers differ from the learner's (its NAT data, 5 GB, by less than the $0.0005 an hour shown).
    expect(seoul[0]).toBe(
      'Assumed: 1,000,000 CloudFront HTTPS requests a month, 1,000,000 requests a month through each AWS WAF web ACL, Auto Scaling groups at their desired (else minimum) size.',
    );
    expect(assumed(block(regionalLines(mine, 'en'), 'ap-northeast-2'))[0]).toMatch(/^Assumed: AWS Backup keeps/);
    const keyOnly = estimate(
      graphFromTemplate({ Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {} } } } }),
      'us-east-1',
    );
    expect(assumed(estimateLines(keyOnly, 'en'))).toEqual([]);
  });
});
