import type { LocalizedText } from '@workshop/catalog';
import type { Outcome } from './types';

/** One thing a rule found wrong, in English and Korean, with the resources it is about. */
export interface Problem extends LocalizedText {
  readonly resources: readonly string[];
}

/** How many problems a message lists before it says "and N more". */
const SHOWN = 4;

/**
 * The one way a rule FAILs: the problems one per sentence (the first few, then how many more; the
 * same sentence found twice is said once), then an optional closing note (what else the rule saw,
 * e.g. findings accepted with a reason).
 */
export function failWith(found: readonly Problem[], note?: LocalizedText): Outcome {
  if (found.length === 0) throw new Error('failWith needs at least one problem');
  const bySentence = new Map<string, Problem>();
  for (const problem of found) {
    const same = bySentence.get(problem.en);
    bySentence.set(problem.en, same ? { ...same, resources: [...same.resources, ...problem.resources] } : problem);
  }
  const problems = [...bySentence.values()];
  const shown = problems.slice(0, SHOWN);
  const rest = problems.length - shown.length;
  const closing = (text: string | undefined): string[] => (text ? [text] : []);
  return {
    status: 'FAIL',
    message: {
      en: [...shown.map((problem) => problem.en), ...(rest > 0 ? [`(${rest} more like this.)`] : []), ...closing(note?.en)].join(' '),
      ko: [...shown.map((problem) => problem.ko), ...(rest > 0 ? [`(같은 문제가 ${rest}건 더 있습니다.)`] : []), ...closing(note?.ko)].join(
        ' ',
      ),
    },
    resources: [...new Set(problems.flatMap((problem) => problem.resources))],
  };
}

/** "a, b and c" / "a, b, c" for lists of names inside messages. */
export function names(items: readonly string[]): LocalizedText {
  if (items.length <= 1) return { en: items.join(''), ko: items.join('') };
  return { en: `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`, ko: items.join(', ') };
}
