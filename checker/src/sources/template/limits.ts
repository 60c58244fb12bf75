import { inputError, type CheckerError } from '../../errors';

/**
 * Deepest nesting of objects and arrays a template may have. The labs' solutions nest at most 15
 * levels (a policy statement's Fn::Join inside a resource); the resolver and the rules recurse, so
 * a bound far below the call stack's keeps a hostile template from crashing the checker.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Most values YAML aliases may expand to in one template. A CloudFormation template is at most
 * 1 MB, so honest templates stay far below; a "billion laughs" alias bomb reaches it in milliseconds.
 */
export const MAX_ALIAS_VALUES = 100_000;

/**
 * Largest template file read, in bytes: five times CloudFormation's own limit (1 MB, uploaded through
 * S3), so every deployable template fits, and a huge file is refused before a slow parse.
 */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** Nested assemblies (stages inside stages) a cloud assembly may have, beyond which it is taken as a loop. */
export const MAX_ASSEMBLY_DEPTH = 20;

/** Whether `value` nests objects and arrays deeper than `max` levels; iterative, so any depth is safe to ask. */
export function nestsDeeperThan(value: unknown, max: number = MAX_NESTING_DEPTH): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const item of Object.values(current)) if (typeof item === 'object' && item !== null) pending.push([item, depth + 1]);
  }
  return false;
}

/** The one-line error for a template nested deeper than {@link MAX_NESTING_DEPTH} levels, at `where`. */
export function tooDeepError(where: string): CheckerError {
  return inputError(
    `${where}: the template nests objects or lists more than ${MAX_NESTING_DEPTH} levels deep: no CloudFormation template needs that; fix the file or synthesize it again.`,
    `${where}: 템플릿의 객체나 목록이 ${MAX_NESTING_DEPTH}단계보다 깊게 중첩되어 있습니다. CloudFormation 템플릿에는 그럴 일이 없으니 파일을 고치거나 다시 synth하세요.`,
  );
}
