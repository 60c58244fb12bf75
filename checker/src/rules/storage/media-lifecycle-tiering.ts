import { COLDER_CLASSES, hasIntelligentTieringConfiguration, lifecycleRules, primaryMediaBuckets } from '../../model/queries/media-copies';
import type { Resource } from '../../model/types';
import { absent, THINGS, unseen } from '../absent';
import { withParticle } from '../korean';
import { failWith } from '../problems';
import type { Rule } from '../types';

/**
 * The error code with which a live target refused ListBucketIntelligentTieringConfigurations for a bucket
 * (the live S3 fetcher's `intelligentTieringUnread`): its archive configuration is unknown, not absent.
 */
function tieringUnread(bucket: Resource): string | undefined {
  const code = bucket.live?.intelligentTieringUnread;
  return typeof code === 'string' ? code : undefined;
}

/** Cold media moves to a cheaper storage class on its own. */
export const mediaLifecycleTiering: Rule = {
  id: 'media-lifecycle-tiering',
  area: 'storage',
  title: {
    en: 'Cold media is tiered: Intelligent-Tiering or a lifecycle transition of current objects to an infrequent-access or archive class',
    ko: '차가운 미디어가 계층화된다: Intelligent-Tiering이나, 현재 객체를 저빈도 액세스나 아카이브 클래스로 옮기는 수명 주기 전환',
  },
  severity: 'medium',
  points: 5,
  why: {
    en: 'Most images and videos are viewed in their first weeks, then rarely; with 3 TB and more, paying the Standard price for all of it is the largest line of the storage bill. Intelligent-Tiering moves each object to a cheaper tier after 30 days without access (and back when it is read), with no retrieval fee; a transition to Standard-IA or Glacier Instant Retrieval does it by age.',
    ko: '이미지와 동영상은 대부분 처음 몇 주 동안 보고 그 뒤로는 거의 보지 않습니다. 3TB가 넘으면 전부 Standard 요금을 내는 것이 저장 비용에서 가장 큰 항목입니다. Intelligent-Tiering은 30일 동안 접근하지 않은 객체를 더 싼 계층으로 옮기고(읽으면 되돌리고) 검색 요금도 없습니다. Standard-IA나 Glacier Instant Retrieval로의 전환은 나이를 기준으로 옮깁니다.',
  },
  fix: {
    en: 'mediaBucket.addLifecycleRule({ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] }) (or INFREQUENT_ACCESS after 30 days, GLACIER_INSTANT_RETRIEVAL after 90).',
    ko: 'mediaBucket.addLifecycleRule({ transitions: [{ storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(0) }] })를 추가하세요(또는 30일 뒤 INFREQUENT_ACCESS, 90일 뒤 GLACIER_INSTANT_RETRIEVAL).',
  },
  guide: { lab: 'global-expansion', section: 'media-cdn' },
  seed: { seed: '001_8b32331c4bddb65a', section: '요구사항: 동영상, 이미지 3TB 이상, 글로벌 확장 계획' },
  modes: ['template', 'live'],
  services: ['s3'],
  evaluate({ graph }) {
    const media = primaryMediaBuckets(graph);
    if (media.length === 0) return absent({ thing: THINGS.mediaBucket, reportedBy: 'media-bucket-private' });
    const tiering = media.map((bucket) => {
      const moves = lifecycleRules(graph, bucket)
        .filter((rule) => rule.enabled)
        .flatMap((rule) => rule.transitions.filter((move) => COLDER_CLASSES.includes(move.storageClass)))
        .map((move) => `${move.storageClass} after ${move.days ?? 0} days`);
      if (hasIntelligentTieringConfiguration(graph, bucket)) moves.push('Intelligent-Tiering archive configuration');
      return { bucket, moves };
    });
    const untiered = tiering.filter((entry) => entry.moves.length === 0 && tieringUnread(entry.bucket) === undefined);
    const unknown = tiering.filter((entry) => entry.moves.length === 0 && tieringUnread(entry.bucket) !== undefined);
    if (untiered.length > 0) {
      return failWith(
        untiered.map(({ bucket }) => {
          const noncurrentOnly = lifecycleRules(graph, bucket).some((rule) => rule.noncurrentTransitions.length > 0);
          return {
            en: `Media bucket ${bucket.id} keeps every current object in Standard${noncurrentOnly ? ' (its transitions move only old versions)' : ''}: cold images and video cost the full price forever. Add a transition of current objects to INTELLIGENT_TIERING (or Standard-IA, Glacier Instant Retrieval).`,
            ko: `미디어 버킷 ${withParticle(bucket.id, '이/가')} 현재 객체를 모두 Standard에 둡니다${noncurrentOnly ? '(전환 규칙은 이전 버전만 옮깁니다)' : ''}. 차가운 이미지와 동영상도 계속 전체 요금을 냅니다. 현재 객체를 INTELLIGENT_TIERING(또는 Standard-IA, Glacier Instant Retrieval)으로 옮기는 전환을 추가하세요.`,
            resources: [bucket.id],
          };
        }),
      );
    }
    if (unknown.length > 0) {
      const ids = unknown.map(({ bucket }) => bucket.id).join(', ');
      const codes = [...new Set(unknown.map(({ bucket }) => tieringUnread(bucket)))].join(', ');
      return unseen({
        en: `Media bucket ${ids} has no lifecycle transition of current objects, and the target did not list its Intelligent-Tiering configurations (ListBucketIntelligentTieringConfigurations: ${codes}), so whether cold media is tiered cannot be checked here; check this rule in template mode or on real AWS.`,
        ko: `미디어 버킷 ${withParticle(ids, '은/는')} 현재 객체를 옮기는 수명 주기 전환이 없고, 대상 환경이 Intelligent-Tiering 구성 목록을 주지 않아(ListBucketIntelligentTieringConfigurations: ${codes}) 차가운 미디어가 계층화되는지 여기서는 확인할 수 없습니다. 이 규칙은 템플릿 모드나 실제 AWS에서 확인하세요.`,
      });
    }
    const described = tiering.map(({ bucket, moves }) => `${bucket.id} (${moves.join(', ')})`).join(', ');
    return {
      status: 'PASS',
      message: { en: `Cold media moves to a cheaper class: ${described}.`, ko: `차가운 미디어가 더 싼 클래스로 옮겨집니다: ${described}.` },
      resources: media.map((bucket) => bucket.id),
    };
  },
};
