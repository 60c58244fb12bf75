import { absent, THINGS } from '../absent';
import type { ResourceGraph } from '../../model/graph';
import { primaryDatabases } from '../../model/queries/database';
import { booleanProp } from '../../model/queries/values';
import { CannotEvaluate, isRef, isTokenString, isUnresolved, type Resource } from '../../model/types';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';
import { withParticle } from '../korean';

const SECRETS_MANAGER = '{{resolve:secretsmanager:';

/** How a database gets its master password, when it is one the rule accepts. */
function secretSource(graph: ResourceGraph, db: Resource): { en: string; ko: string } | Problem {
  // A live database reports an RDS-managed password as MasterUserSecret.
  if (booleanProp(graph, db, 'ManageMasterUserPassword') === true || graph.prop(db, 'MasterUserSecret.SecretArn') !== undefined) {
    return {
      en: `RDS manages ${db.id}'s master password in Secrets Manager`,
      ko: `RDS가 ${db.id}의 마스터 비밀번호를 Secrets Manager에서 관리합니다`,
    };
  }
  const password = graph.prop(db, 'MasterUserPassword');
  if (password !== undefined) {
    const text =
      typeof password === 'string'
        ? password
        : isTokenString(password)
          ? password.$join.filter((part) => typeof part === 'string').join('')
          : undefined;
    if (text?.includes(SECRETS_MANAGER)) {
      const secret = graph.refsIn(password).find((resource) => resource.type === 'AWS::SecretsManager::Secret');
      const from = secret ? ` ${secret.id}` : '';
      return {
        en: `${db.id} reads its master password from Secrets Manager secret${from}`,
        ko: `${withParticle(db.id, '이/가')} 마스터 비밀번호를 Secrets Manager 시크릿${from}에서 읽습니다`,
      };
    }
    if (text?.includes('{{resolve:ssm-secure:')) {
      return {
        en: `Database ${db.id} reads its master password from an SSM SecureString parameter: keep it in Secrets Manager instead, which can generate and rotate it.`,
        ko: `데이터베이스 ${withParticle(db.id, '이/가')} 마스터 비밀번호를 SSM SecureString 파라미터에서 읽습니다. 비밀번호를 생성하고 교체(rotation)할 수 있는 Secrets Manager에 두세요.`,
        resources: [db.id],
      };
    }
    const plain = typeof password === 'string' || typeof password === 'number';
    return {
      en: plain
        ? `Database ${db.id} has its master password written in the template (MasterUserPassword): anyone who can read the template or the stack can read it. Use rds.Credentials.fromGeneratedSecret.`
        : `Database ${db.id} builds its master password from ${isRef(password) ? 'another resource' : 'template values'}, not from a Secrets Manager secret: use rds.Credentials.fromGeneratedSecret.`,
      ko: plain
        ? `데이터베이스 ${db.id}의 마스터 비밀번호가 템플릿에 그대로 적혀 있습니다(MasterUserPassword). 템플릿이나 스택을 읽을 수 있는 사람은 누구나 비밀번호를 봅니다. rds.Credentials.fromGeneratedSecret을 쓰세요.`
        : `데이터베이스 ${db.id}의 마스터 비밀번호가 Secrets Manager 시크릿이 아닌 ${isRef(password) ? '다른 리소스' : '템플릿 값'}에서 만들어집니다. rds.Credentials.fromGeneratedSecret을 쓰세요.`,
      resources: [db.id],
    };
  }
  const attached = graph
    .referencing(db, 'AWS::SecretsManager::SecretTargetAttachment')
    .find((attachment) => graph.deref(graph.prop(attachment, 'TargetId'), `${attachment.id} TargetId`) === db);
  if (attached) {
    return {
      en: `Secrets Manager secret attachment ${attached.id} holds ${db.id}'s credentials`,
      ko: `Secrets Manager 시크릿 연결 ${withParticle(attached.id, '이/가')} ${db.id}의 자격 증명을 가지고 있습니다`,
    };
  }
  if (graph.prop(db, 'DBSnapshotIdentifier') !== undefined || graph.prop(db, 'SnapshotIdentifier') !== undefined) {
    return {
      en: `${db.id} is restored from a snapshot and keeps that snapshot's credentials`,
      ko: `${withParticle(db.id, '은/는')} 스냅숏에서 복원되어 그 스냅숏의 자격 증명을 씁니다`,
    };
  }
  if (graph.kind === 'live') {
    // Read-only calls show an attachment but not its target. When the stack attaches at least one
    // secret per database, every database's credentials are in Secrets Manager.
    const blind = graph
      .ofType('AWS::SecretsManager::SecretTargetAttachment')
      .filter((attachment) => isUnresolved(attachment.properties.TargetId));
    if (blind.length > 0 && blind.length >= primaryDatabases(graph).length) {
      return {
        en: `The stack attaches Secrets Manager secret${blind.length > 1 ? 's' : ''} to its database${blind.length > 1 ? 's' : ''} (${blind.map((a) => a.physicalId ?? a.id).join(', ')}), so ${db.id}'s credentials live there`,
        ko: `스택이 데이터베이스에 Secrets Manager 시크릿을 연결하므로(${blind.map((a) => a.physicalId ?? a.id).join(', ')}) ${db.id}의 자격 증명은 Secrets Manager에 있습니다`,
      };
    }
    throw new CannotEvaluate(
      `RDS does not reveal where ${db.id}'s master password came from, and no Secrets Manager secret is attached to it`,
    );
  }
  return {
    en: `Database ${db.id} sets neither MasterUserPassword nor ManageMasterUserPassword: use rds.Credentials.fromGeneratedSecret so the password is generated into Secrets Manager.`,
    ko: `데이터베이스 ${db.id}에 MasterUserPassword도 ManageMasterUserPassword도 없습니다. rds.Credentials.fromGeneratedSecret을 써서 비밀번호가 Secrets Manager에 생성되게 하세요.`,
    resources: [db.id],
  };
}

/** The database's master password lives in Secrets Manager, never in the template. */
export const rdsCredentialsInSecretsManager: Rule = {
  id: 'rds-credentials-in-secrets-manager',
  area: 'database',
  title: {
    en: "The database's master password lives in Secrets Manager, not in the template",
    ko: '데이터베이스 마스터 비밀번호는 템플릿이 아니라 Secrets Manager에 있다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'A password written into the code ends up in git, in the synthesized template and in the CloudFormation console. Secrets Manager generates it, keeps it encrypted, lets only granted roles read it and can rotate it.',
    ko: '코드에 적은 비밀번호는 git, 합성된 템플릿, CloudFormation 콘솔에 그대로 남습니다. Secrets Manager는 비밀번호를 생성해 암호화해 보관하고, 권한을 받은 역할만 읽게 하며, 주기적으로 교체할 수도 있습니다.',
  },
  fix: {
    en: "credentials: rds.Credentials.fromGeneratedSecret('shopadmin') on the DatabaseInstance (or ManageMasterUserPassword: true on an AWS::RDS::DBInstance).",
    ko: "DatabaseInstance에 credentials: rds.Credentials.fromGeneratedSecret('shopadmin')을 주세요(AWS::RDS::DBInstance라면 ManageMasterUserPassword: true).",
  },
  guide: { lab: 'vpc-migration', section: 'credentials-in-secrets-manager' },
  seed: { seed: '000_0cb1d160706ddd77', section: '2-1-3' },
  modes: ['template', 'live'],
  services: ['rds', 'secretsmanager'],
  evaluate({ graph }) {
    const databases = primaryDatabases(graph);
    if (databases.length === 0) {
      return absent({ thing: THINGS.database, reportedBy: 'rds-private' });
    }
    const verdicts = databases.map((db) => secretSource(graph, db));
    const problems = verdicts.filter((verdict): verdict is Problem => 'resources' in verdict);
    if (problems.length > 0) return failWith(problems);
    return {
      status: 'PASS',
      message: { en: `${verdicts.map((v) => v.en).join('; ')}.`, ko: `${verdicts.map((v) => v.ko).join('; ')}.` },
      resources: databases.map((db) => db.id),
    };
  },
};
