import { backupPlans, backupSelections, resourceTags, selectionCovers, serverTags, type BackupSelection } from '../../model/queries/backup';
import { primaryDatabases } from '../../model/queries/database';
import { principalValues, statementsOf } from '../../model/queries/policies';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, names, type Problem } from '../problems';
import type { Rule } from '../types';

/** The backup plan's selections cover the database and the servers' volumes, with a role AWS Backup may use. */
export const backupSelectionCoversData: Rule = {
  id: 'backup-selection-covers-data',
  area: 'backup',
  title: {
    en: "The backup selections cover the database and the servers' EBS volumes (or instances), with a role AWS Backup assumes",
    ko: '백업 선택이 데이터베이스와 서버의 EBS 볼륨(또는 인스턴스)을 포함하고, AWS Backup이 맡는 역할이 있다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: "A plan backs up only what its selections name. The orders live in the database; the servers' volumes hold their configuration and anything written locally. Selecting by tag or by resource type keeps working when Auto Scaling replaces a server, whose volume ids nobody knows in advance.",
    ko: '계획은 선택이 가리키는 것만 백업합니다. 주문은 데이터베이스에 있고, 서버 볼륨에는 설정과 로컬에 쓴 내용이 있습니다. 태그나 리소스 유형으로 고르면 Auto Scaling이 서버를 바꿔도, 미리 알 수 없는 볼륨 id와 상관없이 계속 백업됩니다.',
  },
  fix: {
    en: "new backup.BackupSelection(this, 'Database', { backupPlan: plan, resources: [backup.BackupResource.fromRdsDatabaseInstance(db)], role }) and, for the servers, tag their launch templates (Tags.of(tier).add('workshop:backup', 'daily')) and select ec2 volumes with that tag (BackupResource.fromTag, or CfnBackupSelection with Resources arn:...:volume/* and Conditions.StringEquals). The role trusts backup.amazonaws.com.",
    ko: "new backup.BackupSelection(this, 'Database', { backupPlan: plan, resources: [backup.BackupResource.fromRdsDatabaseInstance(db)], role })를 만들고, 서버는 Launch Template에 태그를 달아(Tags.of(tier).add('workshop:backup', 'daily')) 그 태그의 EC2 볼륨을 고르세요(BackupResource.fromTag, 또는 Resources arn:...:volume/*와 Conditions.StringEquals를 준 CfnBackupSelection). 역할은 backup.amazonaws.com을 신뢰해야 합니다.",
  },
  guide: { lab: 'backup-dr', section: 'backup-plan' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 별도의 NAS 이미지, 동영상 백업, 이중화 구성 및 재해복구 계획' },
  modes: ['template', 'live'],
  services: ['backup', 'rds', 'autoscaling', 'ec2', 'iam'],
  evaluate({ graph }) {
    if (backupPlans(graph).length === 0) {
      return absent({ thing: { en: 'AWS Backup plan', ko: 'AWS Backup 계획' }, reportedBy: 'backup-plan-daily-retained' });
    }
    const selections = backupSelections(graph);
    if (selections.length === 0) {
      return failWith([
        {
          en: 'The backup plan has no selection, so it backs nothing up: add a BackupSelection for the database and one for the servers’ volumes.',
          ko: '백업 계획에 선택이 없어 아무것도 백업하지 않습니다. 데이터베이스와 서버 볼륨을 고르는 BackupSelection을 추가하세요.',
          resources: backupPlans(graph).map((plan) => plan.id),
        },
      ]);
    }
    const problems: Problem[] = selections.flatMap((selection) => roleProblems(graph, selection));
    const primary = (resource: Resource): boolean => graph.placement(resource).region === 'primary';
    const databases = primaryDatabases(graph).filter(primary);
    const covered: string[] = [];
    for (const db of databases) {
      const kind = db.type === 'AWS::RDS::DBCluster' ? 'AWS::RDS::DBCluster' : 'AWS::RDS::DBInstance';
      const by = selections.find((selection) => selectionCovers(graph, selection, { resource: db, kind, tags: resourceTags(graph, db) }));
      if (by) covered.push(`${db.id} (${by.name})`);
      else
        problems.push({
          en: `Database ${db.id} is in no backup selection: name it by ARN (BackupResource.fromRdsDatabaseInstance), by a tag it carries, or by the RDS resource type.`,
          ko: `데이터베이스 ${withParticle(db.id, '이/가')} 어느 백업 선택에도 없습니다. ARN(BackupResource.fromRdsDatabaseInstance)이나 데이터베이스에 붙은 태그, RDS 리소스 유형으로 고르세요.`,
          resources: [db.id],
        });
    }
    const groups = graph.ofType('AWS::AutoScaling::AutoScalingGroup').filter(primary);
    for (const asg of groups) {
      const tags = serverTags(graph, asg);
      const by =
        selections.find((selection) => selectionCovers(graph, selection, { kind: 'volume', tags: tags.volume })) ??
        selections.find((selection) => selectionCovers(graph, selection, { kind: 'instance', tags: tags.instance }));
      if (by) covered.push(`${asg.id} (${by.name})`);
      else
        problems.push({
          en: `The servers of Auto Scaling group ${asg.id} are in no backup selection: their volumes carry ${describeTags(tags.volume)}. Tag the launch template's volumes and select EBS volumes with that tag (or the instances by a tag they carry).`,
          ko: `Auto Scaling 그룹 ${asg.id}의 서버가 어느 백업 선택에도 없습니다. 그 볼륨에 붙는 태그는 ${describeTags(tags.volume)}입니다. Launch Template의 볼륨에 태그를 달고 그 태그의 EBS 볼륨을(또는 인스턴스에 붙는 태그로 인스턴스를) 고르세요.`,
          resources: [asg.id],
        });
    }
    if (databases.length === 0 && groups.length === 0) {
      return absent({ thing: { en: 'database or server group', ko: '데이터베이스나 서버 그룹' }, nothingToCheck: true });
    }
    if (problems.length > 0) return failWith(problems);
    const list = names(covered);
    return {
      status: 'PASS',
      message: {
        en: `Every database and server group is backed up: ${list.en}, each selection with a role AWS Backup assumes.`,
        ko: `모든 데이터베이스와 서버 그룹이 백업됩니다: ${list.ko}. 선택마다 AWS Backup이 맡는 역할이 있습니다.`,
      },
      resources: [...databases, ...groups].map((resource) => resource.id),
    };
  },
};

function describeTags(tags: ReadonlyMap<string, string>): string {
  return tags.size === 0 ? '(none)' : [...tags].map(([key, value]) => `${key}=${value}`).join(', ');
}

/** What is wrong with the role a selection names. */
function roleProblems(graph: ResourceGraph, selection: BackupSelection): Problem[] {
  const id = selection.selection.id;
  if (selection.role === undefined || selection.role === '') {
    return [
      {
        en: `Backup selection ${selection.name} names no IAM role: AWS Backup needs one (trusting backup.amazonaws.com) to snapshot what it selects.`,
        ko: `백업 선택 ${withParticle(selection.name, '이/가')} IAM 역할을 지정하지 않았습니다. AWS Backup이 고른 것을 스냅샷하려면 backup.amazonaws.com을 신뢰하는 역할이 필요합니다.`,
        resources: [id],
      },
    ];
  }
  const role = graph.refsIn(selection.role).find((target) => target.type === 'AWS::IAM::Role');
  if (!role) return [];
  const trusted = statementsOf(graph.prop(role, 'AssumeRolePolicyDocument'), role).some(
    (statement) => statement.effect === 'Allow' && principalValues(statement.principal, 'Service').includes('backup.amazonaws.com'),
  );
  if (trusted) return [];
  return [
    {
      en: `Backup selection ${selection.name} uses role ${role.id}, which does not trust backup.amazonaws.com: AWS Backup cannot assume it, so every backup job fails. Set assumedBy: new iam.ServicePrincipal('backup.amazonaws.com').`,
      ko: `백업 선택 ${withParticle(selection.name, '이/가')} 쓰는 역할 ${withParticle(role.id, '은/는')} backup.amazonaws.com을 신뢰하지 않아 AWS Backup이 맡을 수 없고, 모든 백업 작업이 실패합니다. assumedBy: new iam.ServicePrincipal('backup.amazonaws.com')을 주세요.`,
      resources: [id, role.id],
    },
  ];
}
