import type { LocalizedText } from '@workshop/catalog';
import type { ResourceGraph } from '../model/graph';
import { CannotEvaluate, type DeployTimeParameter } from '../model/types';
import { withParticle } from '../rules/korean';
import type { Outcome } from '../rules/types';

/**
 * Values chosen at deploy time. A rule that reads a parameter without a Default throws
 * CannotEvaluate naming it; template mode then judges what the template does say about it:
 * - AllowedValues: the rule runs once per allowed value;
 * - AllowedPattern (with MinLength/MaxLength): the rule runs once per representative value the
 *   constraints admit (every IPv4 prefix length, IPv6 ranges, ports, booleans: see PROBES);
 * - no constraint (or an SSM parameter): the value is decided at deploy time, so the verdict is a
 *   SKIP, which costs no points and does not fail the lab, telling the learner to constrain the
 *   parameter; a live check judges the value that was deployed.
 * Any admitted value that fails makes the rule FAIL (the constraint admits the bad value); when
 * every admitted value passes, the rule PASSes with a note saying so.
 */

/** Representative values tried against AllowedPattern: a constraint that admits none of them is not judged. */
const PROBES: readonly string[] = [
  ...Array.from({ length: 33 }, (_, prefix) => ['0.0.0.0', '10.0.0.0', '192.168.0.0', '203.0.113.7'].map((ip) => `${ip}/${prefix}`)).flat(),
  '::/0',
  '2001:db8::/32',
  '2001:db8::/64',
  '2001:db8::7/128',
  ...['0', '1', '22', '80', '443', '3306', '5432', '65535', '-1'],
  'true',
  'false',
  '*',
];

/** More combinations than this (several constrained parameters in one rule) are not tried. */
const MAX_COMBINATIONS = 256;

const graphs = new WeakMap<ResourceGraph, Map<string, ResourceGraph>>();

/**
 * The verdict of a rule that threw CannotEvaluate over deploy-time parameters, judged from their
 * constraints; undefined when the error is about something else (the engine reports it as ERROR).
 */
export function judgeDeployTime(
  evaluate: (graph: ResourceGraph) => Outcome,
  graph: ResourceGraph,
  error: CannotEvaluate,
): Outcome | undefined {
  if (error.parameters.length === 0 || !graph.withParameters) return undefined;
  return judge(evaluate, graph, error.parameters, {});
}

function judge(
  evaluate: (graph: ResourceGraph) => Outcome,
  base: ResourceGraph,
  parameters: readonly DeployTimeParameter[],
  fixed: Readonly<Record<string, string>>,
): Outcome {
  const open = parameters.filter((parameter) => !(parameter.name in fixed));
  const choices = open.map((parameter) => ({ parameter, values: admitted(parameter) }));
  const unconstrained = choices.filter((choice) => choice.values === undefined).map((choice) => choice.parameter);
  if (unconstrained.length > 0) return decidedAtDeployTime(unconstrained);
  const combinations = product(choices.map((choice) => choice.values!.map((value) => [choice.parameter.name, value] as const)));
  if (combinations.length > MAX_COMBINATIONS) return decidedAtDeployTime(open);
  const verdicts = combinations.map((combination) => {
    const values = { ...fixed, ...Object.fromEntries(combination) };
    const graph = resolvedWith(base, values);
    try {
      return { values, outcome: evaluate(graph) };
    } catch (error) {
      const further = error instanceof CannotEvaluate ? error.parameters.filter((parameter) => !(parameter.name in values)) : [];
      if (further.length === 0) throw error;
      return { values, outcome: judge(evaluate, base, further, values) };
    }
  });
  const failed = verdicts.find((verdict) => verdict.outcome.status === 'FAIL');
  if (failed) return admitsFailure(open, failed.values, failed.outcome);
  const skipped = verdicts.find((verdict) => verdict.outcome.status !== 'PASS');
  if (skipped) return skippedFor(open, skipped.values, skipped.outcome);
  return provenByConstraints(open, verdicts[0], verdicts.length);
}

/** The values a parameter's constraints admit, or undefined when they do not narrow it (or nothing here matches them). */
function admitted(parameter: DeployTimeParameter): string[] | undefined {
  if (parameter.source === 'ssm') return undefined;
  if (parameter.allowedValues) return parameter.allowedValues.filter((value) => admits(parameter, value));
  if (parameter.allowedPattern === undefined && parameter.minLength === undefined && parameter.maxLength === undefined) return undefined;
  const values = PROBES.filter((value) => admits(parameter, value));
  return values.length > 0 ? values : undefined;
}

/** CloudFormation's check of a parameter value: the whole value matches AllowedPattern, within the length limits. */
export function admits(parameter: DeployTimeParameter, value: string): boolean {
  if (parameter.minLength !== undefined && value.length < parameter.minLength) return false;
  if (parameter.maxLength !== undefined && value.length > parameter.maxLength) return false;
  if (parameter.allowedValues && !parameter.allowedValues.includes(value)) return false;
  if (parameter.allowedPattern === undefined) return true;
  try {
    return new RegExp(`^(?:${parameter.allowedPattern})$`).test(value);
  } catch {
    // A Java-only regex feature: the pattern cannot be read here, so it narrows nothing the checker can see.
    return true;
  }
}

function resolvedWith(base: ResourceGraph, values: Readonly<Record<string, string>>): ResourceGraph {
  const cache = graphs.get(base) ?? new Map<string, ResourceGraph>();
  graphs.set(base, cache);
  const key = JSON.stringify(Object.entries(values).sort(([a], [b]) => a.localeCompare(b)));
  let graph = cache.get(key);
  if (!graph) {
    graph = base.withParameters!(values);
    cache.set(key, graph);
  }
  return graph;
}

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>(
    (combinations, list) => combinations.flatMap((combination) => list.map((item) => [...combination, item])),
    [[]],
  );
}

function constraintOf(parameter: DeployTimeParameter): LocalizedText {
  return parameter.allowedValues ? { en: 'AllowedValues', ko: 'AllowedValues' } : { en: 'AllowedPattern', ko: 'AllowedPattern' };
}

function decidedAtDeployTime(parameters: readonly DeployTimeParameter[]): Outcome {
  const listed = parameters.map((parameter) => parameter.name).join(', ');
  const ssm = parameters.every((parameter) => parameter.source === 'ssm');
  return {
    status: 'SKIP',
    message: ssm
      ? {
          en: `Not judged in template mode: ${listed} is read from SSM Parameter Store at deploy time. Check the deployed stack with --live, which sees the real value.`,
          ko: `템플릿 모드에서는 판정하지 않습니다. ${listed} 값은 배포할 때 SSM Parameter Store에서 읽습니다. 실제 값을 보는 --live로 배포된 스택을 검사하세요.`,
        }
      : {
          en: `Not judged in template mode: parameter ${listed} has no default and no AllowedPattern or AllowedValues, so its value is chosen at deploy time. Constrain it (allowedPattern or allowedValues on the CfnParameter) so a wrong value is refused before anything is deployed, or check the deployed stack with --live.`,
          ko: `템플릿 모드에서는 판정하지 않습니다. 파라미터 ${listed}에 기본값도 AllowedPattern이나 AllowedValues도 없어서 값이 배포할 때 정해집니다. 잘못된 값이 배포 전에 거부되도록 CfnParameter에 allowedPattern이나 allowedValues로 제약을 거세요. 아니면 --live로 배포된 스택을 검사하세요.`,
        },
  };
}

function admitsFailure(parameters: readonly DeployTimeParameter[], values: Readonly<Record<string, string>>, outcome: Outcome): Outcome {
  const chosen = parameters.map((parameter) => ({ parameter, value: values[parameter.name] }));
  const en = chosen.map(({ parameter, value }) => `${parameter.name}'s ${constraintOf(parameter).en} admits "${value}"`).join(' and ');
  const ko = chosen
    .map(({ parameter, value }) => `${parameter.name}의 ${withParticle(constraintOf(parameter).ko, '이/가')} "${value}" 값을 허용합니다`)
    .join(', ');
  return {
    status: 'FAIL',
    message: {
      en: `${en}, and with it: ${outcome.message.en} Narrow the parameter's constraint so that value is refused at deploy time.`,
      ko: `${ko}. 그 값이면: ${outcome.message.ko} 배포할 때 그 값이 거부되도록 파라미터의 제약을 좁히세요.`,
    },
    ...(outcome.resources && { resources: outcome.resources }),
  };
}

function skippedFor(parameters: readonly DeployTimeParameter[], values: Readonly<Record<string, string>>, outcome: Outcome): Outcome {
  const chosen = parameters.map(({ name }) => `${name} = "${values[name]}"`).join(', ');
  return {
    ...outcome,
    message: {
      en: `With ${chosen}, which its constraint admits: ${outcome.message.en}`,
      ko: `제약이 허용하는 값 ${chosen}일 때: ${outcome.message.ko}`,
    },
  };
}

function provenByConstraints(
  parameters: readonly DeployTimeParameter[],
  first: { readonly values: Readonly<Record<string, string>>; readonly outcome: Outcome },
  tried: number,
): Outcome {
  const listed = parameters.map((parameter) => `${parameter.name} (${constraintOf(parameter).en})`).join(', ');
  // The verdict was reached with a sample value: say the parameter's name where the message quotes it.
  const named = (text: string): string =>
    parameters.reduce((message, { name }) => {
      const value = first.values[name];
      return value.length >= 4 ? message.split(value).join(name) : message;
    }, text);
  const { outcome } = first;
  const exhaustive = parameters.every((parameter) => parameter.allowedValues !== undefined);
  return {
    status: 'PASS',
    message: {
      en: `${named(outcome.message.en)} Note: ${listed} is chosen at deploy time; the rule passes for ${exhaustive ? `every allowed value (${tried})` : `all ${tried} representative values the pattern admits`}.`,
      ko: `${named(outcome.message.ko)} 참고: ${listed} 값은 배포할 때 정해지며, ${exhaustive ? `허용된 값 ${tried}개` : `패턴이 허용하는 대표값 ${tried}개`}에서 모두 통과합니다.`,
    },
    ...(outcome.resources && { resources: outcome.resources }),
  };
}
