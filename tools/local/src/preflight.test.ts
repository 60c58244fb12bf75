import { App, Aws, CfnParameter, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { FIXED_NAME_TYPES, resolveName, retainedFixedNames, type TemplateLike } from './preflight';

const pseudo = { account: '123456789012', region: 'ap-northeast-1', stackName: 'ShopRecovery' };

/** The template of a stack shaped like the labs' recovery stack, synthesized by the CDK (validation off, as in the labs' tests). */
function recoveryTemplate(): TemplateLike {
  const app = new App();
  const stack = new Stack(app, 'ShopRecovery', { env: { region: 'ap-northeast-1' } });
  // Fixed names and retained: what a redeploy collides with.
  const key = new kms.Key(stack, 'Key', { alias: 'alias/shop-recovery-vault', removalPolicy: RemovalPolicy.RETAIN });
  new backup.BackupVault(stack, 'Vault', {
    backupVaultName: 'shop-recovery-vault',
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new s3.Bucket(stack, 'Replica', { bucketName: `shop-recovery-${Aws.ACCOUNT_ID}-ap-northeast-1`, removalPolicy: RemovalPolicy.RETAIN });
  new kms.Alias(stack, 'KeptAlias', { aliasName: 'alias/shop-kept', targetKey: key, removalPolicy: RemovalPolicy.RETAIN });
  // Retained, but CloudFormation generates the name: a redeploy gets a new one.
  new s3.Bucket(stack, 'Logs', { removalPolicy: RemovalPolicy.RETAIN });
  // A fixed name that is deleted with the stack.
  new s3.Bucket(stack, 'Scratch', { bucketName: 'shop-scratch', removalPolicy: RemovalPolicy.DESTROY });
  // A fixed name built from a parameter: only known at deploy time.
  const prefix = new CfnParameter(stack, 'Prefix', { default: 'shop' });
  new secretsmanager.Secret(stack, 'Secret', { secretName: `${prefix.valueAsString}-db`, removalPolicy: RemovalPolicy.RETAIN });
  return app.synth().getStackByName('ShopRecovery').template as TemplateLike;
}

describe('the template scan before a stack is created', () => {
  beforeAll(() => {
    process.env.CDK_VALIDATION = 'false';
  });

  test('finds the retained resources with fixed names, resolves the account in a name, and leaves out the others', () => {
    const found = retainedFixedNames(recoveryTemplate(), pseudo);
    expect(found.map(({ type, name }) => [type, name]).sort()).toEqual([
      ['AWS::Backup::BackupVault', 'shop-recovery-vault'],
      ['AWS::KMS::Alias', 'alias/shop-kept'],
      ['AWS::S3::Bucket', 'shop-recovery-123456789012-ap-northeast-1'],
    ]);
    expect(found.every((item) => item.stackName === 'ShopRecovery' && item.region === 'ap-northeast-1')).toBe(true);
  });

  test("a key's alias is deleted with the stack unless it is retained itself, so the CDK's default alias is not a leftover", () => {
    const names = retainedFixedNames(recoveryTemplate(), pseudo).map((item) => item.name);
    expect(names).not.toContain('alias/shop-recovery-vault');
  });

  test('a name that reads the account is skipped when the account is unknown', () => {
    const found = retainedFixedNames(recoveryTemplate(), { region: 'ap-northeast-1', stackName: 'ShopRecovery' });
    expect(found.map((item) => item.type).sort()).toEqual(['AWS::Backup::BackupVault', 'AWS::KMS::Alias']);
  });

  test('RetainExceptOnUpdate keeps the name too; Snapshot, Delete and no policy do not', () => {
    const template: TemplateLike = {
      Resources: {
        A: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'RetainExceptOnUpdate', Properties: { BucketName: 'kept-a' } },
        B: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Delete', Properties: { BucketName: 'gone-b' } },
        C: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'gone-c' } },
        D: { Type: 'AWS::RDS::DBInstance', DeletionPolicy: 'Snapshot', Properties: { DBInstanceIdentifier: 'db' } },
        E: { Type: 'AWS::Backup::BackupVault', DeletionPolicy: 'Retain', Properties: {} },
      },
    };
    expect(retainedFixedNames(template, pseudo).map((item) => item.logicalId)).toEqual(['A']);
  });

  test('every type in the table names the property that holds its name and a read-only action', () => {
    for (const [type, kind] of Object.entries(FIXED_NAME_TYPES)) {
      expect(type).toMatch(/^AWS::\w+::\w+$/);
      expect(kind.property).toMatch(/^[A-Z]\w+$/);
      expect(kind.action).toMatch(/:(Describe|Head|Get|List)/);
    }
  });
});

describe('names resolved as CloudFormation would', () => {
  test('pseudo parameters, Fn::Join and Fn::Sub', () => {
    expect(resolveName('plain', pseudo)).toBe('plain');
    expect(resolveName({ 'Fn::Join': ['-', ['shop', { Ref: 'AWS::AccountId' }, { Ref: 'AWS::Region' }]] }, pseudo)).toBe(
      'shop-123456789012-ap-northeast-1',
    );
    expect(resolveName({ 'Fn::Sub': '${AWS::StackName}-logs-${AWS::AccountId}' }, pseudo)).toBe('ShopRecovery-logs-123456789012');
    expect(resolveName({ 'Fn::Sub': ['${Prefix}-${AWS::Region}', { Prefix: { Ref: 'AWS::Partition' } }] }, pseudo)).toBe(
      'aws-ap-northeast-1',
    );
    expect(resolveName({ 'Fn::Sub': 'literal-${!NotAVariable}' }, pseudo)).toBe('literal-${NotAVariable}');
    expect(resolveName({ 'Fn::Join': ['', [{ Ref: 'AWS::URLSuffix' }]] }, { ...pseudo, region: 'cn-north-1' })).toBe('amazonaws.com.cn');
  });

  test('anything known only at deploy time is unresolved: parameters, other resources, unknown functions', () => {
    expect(resolveName({ Ref: 'VaultNameParameter' }, pseudo)).toBeUndefined();
    expect(resolveName({ 'Fn::GetAtt': ['Key', 'Arn'] }, pseudo)).toBeUndefined();
    expect(resolveName({ 'Fn::Join': ['-', ['shop', { Ref: 'SomeParameter' }]] }, pseudo)).toBeUndefined();
    expect(resolveName({ 'Fn::Sub': '${Bucket.Arn}-copy' }, pseudo)).toBeUndefined();
    expect(resolveName({ 'Fn::ImportValue': 'Shared' }, pseudo)).toBeUndefined();
    expect(resolveName({ Ref: 'AWS::AccountId' }, { region: 'us-east-1', stackName: 'S' })).toBeUndefined();
  });
});
