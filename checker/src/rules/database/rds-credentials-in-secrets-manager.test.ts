import { ResourceGraph } from '../../model/graph';
import { CannotEvaluate } from '../../model/types';
import { findLab } from '@workshop/catalog';
import { check } from '../fixtures/evaluate';
import { handWrittenShop } from '../fixtures/hand-written-shop';
import { l1ShopTemplate } from '../fixtures/l1-shop';
import { shopTemplate } from '../fixtures/shop';
import { rdsCredentialsInSecretsManager } from './rds-credentials-in-secrets-manager';

describe('rds-credentials-in-secrets-manager', () => {
  it('passes for rds.Credentials.fromGeneratedSecret (a dynamic reference built with Join)', () => {
    const outcome = check(rdsCredentialsInSecretsManager, shopTemplate());
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toMatch(/reads its master password from Secrets Manager secret \w+Secret/);
  });

  it('passes for ManageMasterUserPassword (L1) and a hand-written Fn::Sub dynamic reference', () => {
    expect(check(rdsCredentialsInSecretsManager, l1ShopTemplate()).message.en).toContain(
      "RDS manages Db's master password in Secrets Manager",
    );
    expect(check(rdsCredentialsInSecretsManager, handWrittenShop()).message.en).toContain('from Secrets Manager secret DbSecret');
  });

  it('fails for a password written into the app (SecretValue.unsafePlainText)', () => {
    const outcome = check(rdsCredentialsInSecretsManager, shopTemplate({ database: { plaintextPassword: true } }));
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('has its master password written in the template');
  });

  it('fails for a parameter default, an SSM SecureString and a missing password', () => {
    const parameter = handWrittenShop() as ReturnType<typeof handWrittenShop> & { Parameters?: unknown };
    parameter.Parameters = { DbPassword: { Type: 'String', NoEcho: true, Default: 'changeme123' } };
    parameter.Resources.Database.Properties.MasterUserPassword = { Ref: 'DbPassword' };
    expect(check(rdsCredentialsInSecretsManager, parameter).message.en).toContain('written in the template');
    const ssm = handWrittenShop();
    ssm.Resources.Database.Properties.MasterUserPassword = '{{resolve:ssm-secure:/shop/db:1}}';
    expect(check(rdsCredentialsInSecretsManager, ssm).message.en).toContain('SSM SecureString');
    const none = handWrittenShop();
    delete none.Resources.Database.Properties.MasterUserPassword;
    expect(check(rdsCredentialsInSecretsManager, none).message.en).toContain(
      'sets neither MasterUserPassword nor ManageMasterUserPassword',
    );
  });

  it('fails when there is no database', () => {
    expect(check(rdsCredentialsInSecretsManager, shopTemplate({ noDatabase: true })).status).toBe('FAIL');
  });

  it('in live mode, passes for a managed password and cannot evaluate a password it cannot see', () => {
    const lab = findLab('vpc-migration')!;
    const live = (properties: Record<string, unknown>): ResourceGraph =>
      new ResourceGraph('live', [
        { id: 'shop-db', physicalId: 'shop-db', type: 'AWS::RDS::DBInstance', properties: { Engine: 'mysql', ...properties } },
      ]);
    expect(rdsCredentialsInSecretsManager.evaluate({ graph: live({ ManageMasterUserPassword: true }), mode: 'live', lab }).status).toBe(
      'PASS',
    );
    expect(() => rdsCredentialsInSecretsManager.evaluate({ graph: live({}), mode: 'live', lab })).toThrow(CannotEvaluate);
  });
});
