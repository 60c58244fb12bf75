/*
 * What a synthesis child may hand back, and the parent's strict reading of it. The child runs a
 * student's code, so nothing it writes is trusted: the result must have exactly the shape the
 * checker's own child writes (the stacks `check --app` reads from the cloud assembly: templates,
 * Regions and stack tags), within CloudFormation's own limits; anything else is that student's ERROR.
 */
import type { LocalizedText } from '@workshop/catalog';

/** One stack as the child hands it back: its template, the Region its `env` fixes and its own tags. */
export interface SynthStack {
  readonly template: Record<string, unknown>;
  readonly regionName?: string;
  readonly stackTags?: Readonly<Record<string, string>>;
}

/** Another stack of the app, for a lab with several stacks: its name, template, Region and tags. */
export interface OtherStack extends SynthStack {
  readonly stackName: string;
}

/** What a submission's synthesis handed back: the main stack (and with `allStacks` the others), or why there is none. */
export type SynthOutcome =
  ({ readonly ok: true; readonly others?: readonly OtherStack[] } & SynthStack) | { readonly ok: false; readonly error: LocalizedText };

/** Most stacks a result may hold: the labs have three at most, CloudFormation's own quotas are far above any lab. */
export const MAX_STACKS = 100;
/** Most tags a stack may have (CloudFormation's limit). */
export const MAX_STACK_TAGS = 50;
/** Longest tag key (CloudFormation's limit, in characters). */
export const MAX_TAG_KEY = 128;
/** Longest tag value (CloudFormation's limit, in characters). */
export const MAX_TAG_VALUE = 256;
/** Longest reason line the app controls. */
const REASON_CHARS = 500;
/** A CloudFormation stack name (CDK refuses any other at synth). */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
/** A Region name such as ap-northeast-2, us-gov-west-1 or eusc-de-east-1. */
const REGION_NAME = /^[a-z]{2,4}(?:-[a-z]+){1,3}-\d{1,2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a result is refused: an English and a Korean phrase, without the surrounding sentence. */
class Refused extends Error {
  constructor(
    readonly text: LocalizedText,
    /** A limit an honest app can reach (said as what to fix), rather than a result the app tampered with. */
    readonly limit = false,
  ) {
    super(text.en);
  }
}

/**
 * Reads the child's parsed result file: the main stack's template with its Region and tags, with
 * `allStacks` the other stacks too (and only then), or the child's one-line error. Any other key,
 * type or size is refused with a one-line reason: the grader judges only data of the shape it expects.
 */
export function parseSynthResult(value: unknown, options: { readonly stackName: string; readonly allStacks: boolean }): SynthOutcome {
  if (isRecord(value) && keysOf(value) === 'error' && isRecord(value.error)) {
    const { en, ko } = value.error;
    if (typeof en === 'string' && typeof ko === 'string') return { ok: false, error: { en: clean(en), ko: clean(ko) } };
  }
  try {
    if (!isRecord(value)) throw new Refused({ en: 'the result: not an object', ko: '결과: 객체가 아닙니다' });
    const allowed = options.allStacks ? ['template', 'regionName', 'stackTags', 'others'] : ['template', 'regionName', 'stackTags'];
    unknownKeys(value, allowed, { en: 'the result', ko: '결과' });
    const main = stackOf(value, options.stackName);
    if (!options.allStacks) return { ok: true, ...main };
    if (!Array.isArray(value.others)) throw new Refused({ en: 'the other stacks: not a list', ko: '다른 스택: 목록이 아닙니다' });
    if (value.others.length + 1 > MAX_STACKS) {
      throw new Refused(
        {
          en: `the app synthesized ${value.others.length + 1} stacks, more than the ${MAX_STACKS} the grader reads; keep the lab's stacks only`,
          ko: `앱이 스택 ${value.others.length + 1}개를 synth해 채점기가 읽는 ${MAX_STACKS}개보다 많습니다. 실습의 스택만 남기세요`,
        },
        true,
      );
    }
    const others = value.others.map((other: unknown, index: number): OtherStack => {
      const where = { en: `other stack #${index + 1}`, ko: `다른 스택 #${index + 1}` };
      if (!isRecord(other)) throw new Refused({ en: `${where.en}: not an object`, ko: `${where.ko}: 객체가 아닙니다` });
      unknownKeys(other, ['stackName', 'template', 'regionName', 'stackTags'], where);
      if (typeof other.stackName !== 'string' || !STACK_NAME.test(other.stackName)) {
        throw new Refused({ en: `${where.en}: no valid stack name`, ko: `${where.ko}: 올바른 스택 이름이 없습니다` });
      }
      return { stackName: other.stackName, ...stackOf(other, other.stackName) };
    });
    return { ok: true, ...main, others };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return error.limit ? overLimit(error.text) : malformed(error.text);
  }
}

/** One stack's template, Region and tags, each checked. */
function stackOf(value: Record<string, unknown>, stackName: string): SynthStack {
  if (!isRecord(value.template)) {
    throw new Refused({ en: `stack ${stackName}: no template object`, ko: `스택 ${stackName}: 템플릿 객체가 없습니다` });
  }
  const { regionName, stackTags } = value;
  if (regionName !== undefined && (typeof regionName !== 'string' || regionName.length > 32 || !REGION_NAME.test(regionName))) {
    throw new Refused({
      en: `stack ${stackName}: a Region that is not a Region name`,
      ko: `스택 ${stackName}: 리전 값이 올바른 리전 이름이 아닙니다`,
    });
  }
  return {
    template: value.template,
    ...(regionName !== undefined && { regionName }),
    ...(stackTags !== undefined && { stackTags: tagsOf(stackTags, stackName) }),
  };
}

/** A stack's tags: a plain record of strings, within CloudFormation's limits. */
function tagsOf(value: unknown, stackName: string): Record<string, string> {
  if (!isRecord(value)) {
    throw new Refused({
      en: `stack ${stackName}: tags that are not a record of names and values`,
      ko: `스택 ${stackName}: 태그가 이름과 값의 레코드가 아닙니다`,
    });
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_STACK_TAGS) {
    throw new Refused(
      {
        en: `stack ${stackName} has ${entries.length} tags, more than the ${MAX_STACK_TAGS} CloudFormation allows; remove some in the app`,
        ko: `스택 ${stackName}의 태그가 ${entries.length}개로, CloudFormation이 허용하는 ${MAX_STACK_TAGS}개보다 많습니다. 앱에서 몇 개를 지우세요`,
      },
      true,
    );
  }
  for (const [key, tag] of entries) {
    if (typeof tag !== 'string') {
      throw new Refused({
        en: `stack ${stackName}: a tag value that is not a string`,
        ko: `스택 ${stackName}: 문자열이 아닌 태그 값이 있습니다`,
      });
    }
    if (key.length === 0 || key.length > MAX_TAG_KEY || tag.length > MAX_TAG_VALUE) {
      throw new Refused(
        {
          en: `stack ${stackName} has a tag whose key is empty or longer than ${MAX_TAG_KEY} characters, or whose value is longer than ${MAX_TAG_VALUE}, which CloudFormation refuses; shorten it in the app`,
          ko: `스택 ${stackName}에 키가 비었거나 ${MAX_TAG_KEY}자보다 길거나 값이 ${MAX_TAG_VALUE}자보다 긴 태그가 있어 CloudFormation이 거부합니다. 앱에서 줄이세요`,
        },
        true,
      );
    }
    if (CONTROL.test(key) || CONTROL.test(tag)) {
      throw new Refused(
        {
          en: `stack ${stackName} has a tag with control characters (a line break?), which CloudFormation refuses; fix it in the app`,
          ko: `스택 ${stackName}에 제어 문자(줄바꿈?)가 든 태그가 있어 CloudFormation이 거부합니다. 앱에서 고치세요`,
        },
        true,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], where: LocalizedText): void {
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    throw new Refused({ en: `${where.en}: fields the checker never writes`, ko: `${where.ko}: checker가 쓰지 않는 항목이 있습니다` });
  }
}

function keysOf(value: Record<string, unknown>): string {
  return Object.keys(value).sort().join(',');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A reason the app controls: one line, bounded, without control characters. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, REASON_CHARS);
}

/** The result cannot be used: the app changed what the checker writes (with what was wrong, when known). */
export function malformed(detail?: LocalizedText): SynthOutcome {
  const why = detail ?? { en: 'the app changed or removed what the checker writes', ko: '앱이 checker가 쓰는 결과를 바꾸거나 지웠습니다' };
  return {
    ok: false,
    error: {
      en: `synth ended without a usable result (${why.en}): fix the app, then grade again`,
      ko: `synth가 쓸 수 있는 결과 없이 끝났습니다(${why.ko}). 앱을 고친 뒤 다시 채점하세요`,
    },
  };
}

/** The app synthesized something over a limit CloudFormation (or the grader) sets. */
function overLimit(detail: LocalizedText): SynthOutcome {
  return {
    ok: false,
    error: {
      en: `the synthesized app is over a limit: ${detail.en}, then grade again`,
      ko: `synth한 앱이 한도를 넘습니다: ${detail.ko}. 그 뒤 다시 채점하세요`,
    },
  };
}
