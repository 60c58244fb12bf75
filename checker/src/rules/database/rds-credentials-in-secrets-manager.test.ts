import { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { judge } from '../fixtures/judge';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsCredentialsInSecretsManager } from './rds-credentials-in-secrets-manager';

describe('rds-credentials-in-secrets-manager', () => {
  it('passes for rds.Credentials.fromGeneratedSecret (a dynamic reference built with Join)', () => {
    const outcome = judge(rdsCredentialsInSecretsManager, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/reads its master password from Secrets Manager secret \w+Secret/);
  });

  it('passes for ManageMasterUserPassword (L1) and a hand-written Fn::Sub dynamic reference', () => {
    expect(judge(rdsCredentialsInSecretsManager, l1ShopTemplate()).message.en).toContain(
      "RDS manages Db's master password in Secrets Manager",
    );
    expect(judge(rdsCredentialsInSecretsManager, handWrittenShop()).message.en).toContain('from Secrets Manager secret DbSecret');
  });

  it('fails for a password written into the app (SecretValue.unsafePlainText)', () => {
    const outcome = judge(rdsCredentialsInSecretsManager, shopTemplate({ database: { plaintextPassword: true } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has its master password written in the template');
  });

  it('fails for a parameter default, an SSM SecureString and a missing password', () => {
    const parameter = handWrittenShop() as ReturnType<typeof handWrittenShop> & { Parameters?: unknown };
    parameter.Parameters = { DbPassword: { Type: 'String', NoEcho: true, Default: 'changeme123' } };
    parameter.Resources.Database.Properties.MasterUserPassword = { Ref: 'DbPassword' };
    expect(judge(rdsCredentialsInSecretsManager, parameter).message.en).toContain('written in the template');
    const ssm = handWrittenShop();
    ssm.Resources.Database.Properties.MasterUserPassword = '{{resolve:ssm-secure:/shop/db:1}}';
    expect(judge(rdsCredentialsInSecretsManager, ssm).message.en).toContain('SSM SecureString');
    const none = handWrittenShop();
    delete none.Resources.Database.Properties.MasterUserPassword;
    expect(judge(rdsCredentialsInSecretsManager, none).message.en).toContain(
      'sets neither MasterUserPassword nor ManageMasterUserPassword',
    );
  });

  it('skips when there is no database, which rds-private reports (one omission, one FAIL)', () => {
    const outcome = judge(rdsCredentialsInSecretsManager, shopTemplate({ noDatabase: true }));
    expect(outcome).toMatchObject({ status: 'SKIP', message: { en: 'No RDS database yet (rds-private reports it).' } });
    expect(outcome.message.ko).toBe('아직 RDS 데이터베이스가 없습니다(rds-private가 알려 줍니다).');
  });

  it('in live mode, passes for a managed password or a stack-attached secret, and cannot evaluate a password it cannot see', () => {
    const db = (properties: Record<string, unknown>): Resource => ({
      id: 'shop-db',
      physicalId: 'shop-db',
      type: 'AWS::RDS::DBInstance',
      properties: { Engine: 'mysql', ...properties },
    });
    const secret: Resource = {
      id: 'arn:aws:secretsmanager:ap-northeast-2:111122223333:secret:shop-AbC',
      type: 'AWS::SecretsManager::Secret',
      properties: { Name: 'shop' },
    };
    const attachment: Resource = {
      id: 'arn:aws:secretsmanager:ap-northeast-2:111122223333:secret:shop-AbC|attachment',
      type: 'AWS::SecretsManager::SecretTargetAttachment',
      properties: { SecretId: { $ref: secret.id }, TargetId: { $unresolved: 'not visible through read-only API calls' } },
    };
    const judgeLive = (resources: Resource[]) => judge(rdsCredentialsInSecretsManager, new ResourceGraph('live', resources));
    expect(
      judgeLive([db({ MasterUserSecret: { SecretArn: 'arn:aws:secretsmanager:ap-northeast-2:111122223333:secret:rds!db-1' } })]).message.en,
    ).toContain('RDS manages');
    expect(judgeLive([db({}), secret, attachment]).message.en).toContain('The stack attaches Secrets Manager secret to its database');
    expect(judgeLive([db({}), secret])).toMatchObject({ status: 'ERROR', message: { en: expect.stringContaining('cannot evaluate') } });
    expect(judgeLive([db({}), { ...db({}), id: 'other-db', physicalId: 'other-db' }, secret, attachment]).status).toBe('ERROR');
  });
});
