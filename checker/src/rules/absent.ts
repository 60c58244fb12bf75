import type { LocalizedText } from '@workshop/catalog';
import { withParticle } from './korean';
import { failWith } from './problems';
import type { Outcome } from './types';

/**
 * How a rule answers when the thing it checks is not in the stack. The policy, so that a learner
 * reads one instruction for one omission:
 * - `required`: the rule asks for the thing itself (cloudfront-static-origin for a distribution,
 *   rds-private for the database, media-bucket-private for the media bucket): FAIL, saying what to add;
 * - `reportedBy`: the rule judges a detail of a thing another rule of the same lab asks for:
 *   SKIP, naming that rule (rds-multi-az without a database, cloudfront-compression without a distribution);
 *   its points stay at stake, so every submission of a lab has the same maximum and leaving a thing out
 *   never scores better than building it with flaws;
 * - `optional`: the thing is a stretch task: SKIP, saying how to try it;
 * - `nothingToCheck`: the rule restricts something the architecture simply does not have (no
 *   security group can be open when there is none): SKIP.
 */
export type Absence =
  | { readonly required: LocalizedText }
  | { readonly thing: LocalizedText; readonly reportedBy: string }
  | { readonly thing: LocalizedText; readonly optional: LocalizedText }
  | { readonly thing: LocalizedText; readonly nothingToCheck: true };

/** The things several rules look for, named once in both languages. */
export const THINGS = {
  distribution: { en: 'CloudFront distribution', ko: 'CloudFront 디스트리뷰션' },
  database: { en: 'RDS database', ko: 'RDS 데이터베이스' },
  mediaBucket: { en: 'media bucket', ko: '미디어 버킷' },
  bastion: { en: 'bastion', ko: 'Bastion' },
} as const satisfies Record<string, LocalizedText>;

/** The one outcome for "the thing this rule checks is absent", following the {@link Absence} policy. */
export function absent(absence: Absence): Outcome {
  if ('required' in absence) return failWith([{ ...absence.required, resources: [] }]);
  const { thing } = absence;
  if ('reportedBy' in absence) {
    return {
      ...skip(
        `No ${thing.en} yet (${absence.reportedBy} reports it).`,
        `아직 ${withParticle(thing.ko, '이/가')} 없습니다(${withParticle(absence.reportedBy, '이/가')} 알려 줍니다).`,
      ),
      pointsAtStake: true,
    };
  }
  if ('optional' in absence) {
    return skip(
      `Optional stretch not attempted: no ${thing.en}. ${absence.optional.en}`,
      `선택 심화 과제를 하지 않았습니다. ${withParticle(thing.ko, '이/가')} 없습니다. ${absence.optional.ko}`,
    );
  }
  return skip(
    `Nothing to check: the stack has no ${thing.en}.`,
    `확인할 것이 없습니다. 스택에 ${withParticle(thing.ko, '이/가')} 없습니다.`,
  );
}

/** A SKIP for what the source cannot show (a target that does not list objects), saying where to judge it instead. */
export function unseen(message: LocalizedText): Outcome {
  return { status: 'SKIP', message };
}

function skip(en: string, ko: string): Outcome {
  return { status: 'SKIP', message: { en, ko } };
}
