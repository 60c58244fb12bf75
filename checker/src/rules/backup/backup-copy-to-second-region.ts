import { arnRegion, arnTail, backupPlans, backupRules, literalText, vaultNamed } from '../../model/queries/backup';
import type { ResourceGraph } from '../../model/graph';
import type { Resource } from '../../model/types';
import { absent } from '../absent';
import { withParticle } from '../korean';
import { failWith, type Problem } from '../problems';
import type { Rule } from '../types';

/** Every backup is copied to a vault in the lab's other Region. */
export const backupCopyToSecondRegion: Rule = {
  id: 'backup-copy-to-second-region',
  area: 'backup',
  title: {
    en: "A backup rule copies every backup to a vault in another Region than the plan's, and that vault exists",
    ko: '백업 규칙이 모든 백업을 계획과 다른 리전의 볼트로 복사하고, 그 볼트가 실제로 있다',
  },
  severity: 'high',
  points: 10,
  why: {
    en: 'Backups kept only in the Region they protect are lost with it: a Region-wide outage, or an account mistake there, takes the database and its snapshots at once. A copy action puts every recovery point in a vault of the secondary Region, where the shop can be restored.',
    ko: '보호하는 리전에만 있는 백업은 그 리전과 함께 사라집니다. 리전 전체 장애나 그곳의 계정 실수는 데이터베이스와 스냅샷을 한꺼번에 앗아 갑니다. 복사 작업은 모든 복구 지점을 보조 리전의 볼트에 두어, 쇼핑몰을 그곳에서 복원할 수 있게 합니다.',
  },
  fix: {
    en: 'Create the vault in the recovery stack (secondary Region) with a fixed name, and in the plan rule add copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, "Secondary", `arn:${Aws.PARTITION}:backup:<secondary Region>:${Aws.ACCOUNT_ID}:backup-vault:<name>`), deleteAfter: Duration.days(35) }].',
    ko: '복구 스택(보조 리전)에 이름을 고정한 볼트를 만들고, 계획 규칙에 copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, "Secondary", `arn:${Aws.PARTITION}:backup:<보조 리전>:${Aws.ACCOUNT_ID}:backup-vault:<이름>`), deleteAfter: Duration.days(35) }]를 추가하세요.',
  },
  guide: { lab: 'backup-dr', section: 'backup-plan' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 별도의 NAS 이미지, 동영상 백업, 이중화 구성 및 재해복구 계획' },
  modes: ['template', 'live'],
  services: ['backup'],
  evaluate({ graph }) {
    const plans = backupPlans(graph);
    if (plans.length === 0) {
      return absent({ thing: { en: 'AWS Backup plan', ko: 'AWS Backup 계획' }, reportedBy: 'backup-plan-daily-retained' });
    }
    const problems: Problem[] = [];
    const copies: Array<{ plan: Resource; vault: Resource; region: string }> = [];
    for (const plan of plans) {
      const rules = backupRules(graph, plan);
      for (const rule of rules) {
        for (const copy of rule.copies) {
          const judged = judgeCopy(graph, plan, copy.destination);
          if ('problem' in judged) problems.push({ ...judged.problem, resources: [plan.id] });
          else copies.push({ plan, vault: judged.vault, region: judged.region });
        }
      }
      if (rules.every((rule) => rule.copies.length === 0)) {
        problems.push({
          en: `Backup plan ${plan.id} keeps its backups in its own Region only (no copy action): a Region-wide outage takes them with the database. Add copyActions to the vault in the secondary Region.`,
          ko: `백업 계획 ${withParticle(plan.id, '은/는')} 백업을 자기 리전에만 둡니다(복사 작업 없음). 리전 전체 장애가 나면 데이터베이스와 함께 사라집니다. 보조 리전 볼트로 가는 copyActions를 추가하세요.`,
          resources: [plan.id],
        });
      }
    }
    if (copies.length > 0) {
      const described = copies.map((copy) => `${copy.plan.id} → ${copy.vault.id} (${copy.region})`).join(', ');
      return {
        status: 'PASS',
        message: {
          en: `Every backup is copied to another Region: ${described}.`,
          ko: `모든 백업이 다른 리전으로 복사됩니다: ${described}.`,
        },
        resources: [...new Set(copies.flatMap((copy) => [copy.plan.id, copy.vault.id]))],
      };
    }
    return failWith(problems);
  },
};

/** Where one copy action goes: a vault of another Region, or what is wrong with it. */
function judgeCopy(
  graph: ResourceGraph,
  plan: Resource,
  destination: unknown,
): { vault: Resource; region: string } | { problem: { en: string; ko: string } } {
  const home = graph.placement(plan);
  const vault = vaultNamed(graph, destination);
  const named = arnRegion(destination);
  const shown = arnTail(destination, 'backup-vault:') ?? literalText(destination) ?? vault?.id ?? '?';
  if (vault) {
    const there = graph.placement(vault);
    const sameRole = there.region === home.region;
    const sameName = named !== undefined && home.regionName !== undefined && named === home.regionName;
    if (!sameRole && !sameName) return { vault, region: there.regionName ?? named ?? there.region };
    return {
      problem: {
        en: `Backup plan ${plan.id} copies to vault ${vault.id}, which is in the plan's own Region: the copy dies with the original. Copy to the vault of the secondary Region's stack.`,
        ko: `백업 계획 ${withParticle(plan.id, '이/가')} 복사하는 볼트 ${withParticle(vault.id, '은/는')} 계획과 같은 리전에 있어 원본과 함께 사라집니다. 보조 리전 스택의 볼트로 복사하세요.`,
      },
    };
  }
  if (named !== undefined && home.regionName !== undefined && named === home.regionName) {
    return {
      problem: {
        en: `Backup plan ${plan.id} copies to vault ${shown} in ${named}, the plan's own Region: the copy dies with the original. Copy to the vault of the secondary Region.`,
        ko: `백업 계획 ${withParticle(plan.id, '이/가')} 복사하는 볼트 ${withParticle(shown, '은/는')} 계획과 같은 리전(${named})에 있어 원본과 함께 사라집니다. 보조 리전의 볼트로 복사하세요.`,
      },
    };
  }
  return {
    problem: {
      en: `Backup plan ${plan.id} copies to vault ${shown}${named ? ` in ${named}` : ''}, which none of the lab's stacks creates: the copy job fails when the vault does not exist. Create a vault with exactly that name in the recovery stack (secondary Region).`,
      ko: `백업 계획 ${withParticle(plan.id, '이/가')} 복사하는 볼트 ${withParticle(`${shown}${named ? `(${named})` : ''}`, '은/는')} 실습의 어느 스택도 만들지 않습니다. 볼트가 없으면 복사 작업이 실패합니다. 복구 스택(보조 리전)에 꼭 그 이름으로 볼트를 만드세요.`,
    },
  };
}
