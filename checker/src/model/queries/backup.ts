import type { ResourceGraph } from '../graph';
import { isRef, isTokenString, type Resource } from '../types';
import { booleanProp, listProp, numberProp, stringProp } from './values';

/** The schedule AWS Backup uses for a rule without ScheduleExpression: every day at 05:00 UTC. */
export const DEFAULT_BACKUP_SCHEDULE = 'cron(0 5 ? * * *)';

/** One rule of a backup plan, read from AWS::Backup::BackupPlan BackupPlan.BackupPlanRule. */
export interface BackupRule {
  readonly plan: Resource;
  readonly name: string;
  /** The schedule as written, or AWS Backup's default. */
  readonly schedule: string;
  /** Hours between two backups at most, undefined when the schedule cannot be read. */
  readonly intervalHours?: number;
  /** Lifecycle.DeleteAfterDays: how long each backup is kept (undefined: forever). */
  readonly deleteAfterDays?: number;
  /** EnableContinuousBackup: point-in-time recovery for the services that support it (RDS, S3). */
  readonly continuous: boolean;
  /** The copy actions: where each backup is copied, with the copy's retention. */
  readonly copies: ReadonlyArray<{ readonly destination: unknown; readonly deleteAfterDays?: number }>;
}

/** Every AWS Backup plan. */
export function backupPlans(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::Backup::BackupPlan');
}

/** The rules of a backup plan, with their schedules read. */
export function backupRules(graph: ResourceGraph, plan: Resource): BackupRule[] {
  return listProp(graph, plan, 'BackupPlan.BackupPlanRule').map((_, i) => {
    const path = `BackupPlan.BackupPlanRule.${i}`;
    const schedule = stringProp(graph, plan, `${path}.ScheduleExpression`) ?? DEFAULT_BACKUP_SCHEDULE;
    return {
      plan,
      name: stringProp(graph, plan, `${path}.RuleName`) ?? `rule ${i + 1}`,
      schedule,
      intervalHours: scheduleIntervalHours(schedule),
      deleteAfterDays: numberProp(graph, plan, `${path}.Lifecycle.DeleteAfterDays`),
      continuous: booleanProp(graph, plan, `${path}.EnableContinuousBackup`) ?? false,
      copies: listProp(graph, plan, `${path}.CopyActions`).map((__, j) => ({
        destination: graph.prop(plan, `${path}.CopyActions.${j}.DestinationBackupVaultArn`),
        deleteAfterDays: numberProp(graph, plan, `${path}.CopyActions.${j}.Lifecycle.DeleteAfterDays`),
      })),
    };
  });
}

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * The longest gap between two runs of an AWS Backup schedule, in hours: `rate(12 hours)` gives 12,
 * `cron(0 3 * * ? *)` 24, `cron(0 3 ? * MON-FRI *)` 72 (over the weekend), a monthly cron 744.
 * Undefined for an expression it cannot read.
 */
export function scheduleIntervalHours(expression: string): number | undefined {
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(expression.trim());
  if (rate) {
    const amount = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    return unit.startsWith('minute') ? amount / 60 : unit.startsWith('hour') ? amount : amount * 24;
  }
  const cron = /^cron\((.*)\)$/i.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length < 5) return undefined;
  const [, hours, dayOfMonth, month, dayOfWeek] = fields;
  const runsPerDay = countOf(hours, 0, 23);
  if (runsPerDay === undefined) return undefined;
  const perDay = 24 / runsPerDay;
  if (month !== '*' && month !== '?') return 24 * 366;
  const everyDay = (dayOfMonth === '*' || dayOfMonth === '?') && (dayOfWeek === '*' || dayOfWeek === '?');
  if (everyDay) return perDay;
  if (dayOfMonth !== '*' && dayOfMonth !== '?') {
    const days = countOf(dayOfMonth.replace(/L/g, '31'), 1, 31);
    return days === undefined ? undefined : days >= 28 ? perDay : 24 * Math.ceil(31 / days);
  }
  const weekdays = weekdaySet(dayOfWeek);
  if (!weekdays || weekdays.length === 0) return undefined;
  let gap = 0;
  weekdays.forEach((day, i) => {
    const next = weekdays[(i + 1) % weekdays.length];
    gap = Math.max(gap, (next - day + 7) % 7 || 7);
  });
  return gap === 1 ? perDay : gap * 24;
}

/** How many values a cron field selects between min and max ("*", "0/6", "1,13", "8-17", "3"). */
function countOf(field: string, min: number, max: number): number | undefined {
  let total = 0;
  for (const part of field.split(',')) {
    const step = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
    if (!step) return undefined;
    const start = step[1] === '*' ? min : Number(step[1]);
    const end = step[2] !== undefined ? Number(step[2]) : step[1] === '*' || step[3] !== undefined ? max : start;
    const every = step[3] !== undefined ? Number(step[3]) : 1;
    if (every < 1 || end < start) return undefined;
    total += Math.floor((end - start) / every) + 1;
  }
  return total;
}

/** The weekdays (0 = Sunday) a cron day-of-week field selects, sorted; undefined when unreadable. */
function weekdaySet(field: string): number[] | undefined {
  const day = (text: string): number | undefined => {
    const index = DAYS.indexOf(text.toUpperCase());
    if (index >= 0) return index;
    return /^[1-7]$/.test(text) ? Number(text) - 1 : undefined;
  };
  const found = new Set<number>();
  for (const part of field.replace(/#\d+$/, '').split(',')) {
    const [from, to] = part.split('-');
    const start = day(from);
    const end = to === undefined ? start : day(to);
    if (start === undefined || end === undefined) return undefined;
    for (let d = start; ; d = (d + 1) % 7) {
      found.add(d);
      if (d === end) break;
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Every backup vault, with its name when the template or the API gives it. */
export function backupVaults(graph: ResourceGraph): Resource[] {
  return graph.ofType('AWS::Backup::BackupVault');
}

/** The vault a vault ARN (or reference) names: a reference, the same ARN live, or the name at the end of the ARN. */
export function vaultNamed(graph: ResourceGraph, value: unknown): Resource | undefined {
  const referenced = graph.refsIn(value).find((target) => target.type === 'AWS::Backup::BackupVault');
  if (referenced) return referenced;
  const name = arnTail(value, 'backup-vault:');
  if (!name) return undefined;
  return backupVaults(graph).find((vault) => vault.properties.BackupVaultName === name || vault.physicalId === name);
}

/** The Region an ARN names (its fourth field) when it is written out, even inside a token string. */
export function arnRegion(value: unknown): string | undefined {
  const text = withoutPlaceholders(literalText(value));
  const match = /^arn:[^:]*:[^:]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(text ?? '');
  return match?.[1];
}

/** The literal text after `marker` in an ARN (a plain string, or the last literal part of a token string). */
export function arnTail(value: unknown, marker: string): string | undefined {
  const text = literalText(value);
  if (text === undefined) return undefined;
  const at = text.lastIndexOf(marker);
  return at < 0 ? undefined : text.slice(at + marker.length) || undefined;
}

/** A value as text with its deploy-time parts written as ${...}; undefined for a plain reference or an unknown value. */
export function literalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isTokenString(value)) return undefined;
  return value.$join
    .map((part) =>
      typeof part === 'string' ? part : isRef(part) ? `\${${part.$ref}${part.attribute ? `.${part.attribute}` : ''}}` : '${?}',
    )
    .join('');
}

/** An ARN with its deploy-time parts (`${AWS::AccountId}`, `${Ref}`) as `#`, so its colons separate fields again. */
function withoutPlaceholders(text: string | undefined): string | undefined {
  return text?.replace(/\$\{[^}]*\}/g, '#');
}

/** One backup selection: what it names, the tags it matches and the role it uses. */
export interface BackupSelection {
  readonly selection: Resource;
  readonly name: string;
  /** The plan it assigns resources to, when in the graph. */
  readonly plan?: Resource;
  /** Resources: ARNs, ARN patterns or references. */
  readonly resources: readonly unknown[];
  readonly notResources: readonly unknown[];
  /** ListOfTags (any one matches) as key → value. */
  readonly anyTags: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** Conditions.StringEquals / StringLike (every one must match) as tag key → value pattern. */
  readonly allTags: ReadonlyArray<{ readonly key: string; readonly value: string; readonly like: boolean }>;
  /** Conditions.StringNotEquals / StringNotLike (none may match). */
  readonly noneTags: ReadonlyArray<{ readonly key: string; readonly value: string; readonly like: boolean }>;
  readonly role: unknown;
}

/** Every backup selection, read. */
export function backupSelections(graph: ResourceGraph): BackupSelection[] {
  return graph.ofType('AWS::Backup::BackupSelection').map((selection) => {
    const base = 'BackupSelection';
    const conditionTags = (operator: string, like: boolean): Array<{ key: string; value: string; like: boolean }> =>
      listProp(graph, selection, `${base}.Conditions.${operator}`).flatMap((_, i) => {
        const key = stringProp(graph, selection, `${base}.Conditions.${operator}.${i}.ConditionKey`) ?? '';
        const value = stringProp(graph, selection, `${base}.Conditions.${operator}.${i}.ConditionValue`) ?? '';
        return [{ key: key.replace(/^aws:ResourceTag\//i, ''), value, like }];
      });
    return {
      selection,
      name: stringProp(graph, selection, `${base}.SelectionName`) ?? selection.id,
      plan: graph.refsIn(graph.prop(selection, 'BackupPlanId')).find((target) => target.type === 'AWS::Backup::BackupPlan'),
      resources: listProp(graph, selection, `${base}.Resources`),
      notResources: listProp(graph, selection, `${base}.NotResources`),
      anyTags: listProp(graph, selection, `${base}.ListOfTags`).map((_, i) => ({
        key: (stringProp(graph, selection, `${base}.ListOfTags.${i}.ConditionKey`) ?? '').replace(/^aws:ResourceTag\//i, ''),
        value: stringProp(graph, selection, `${base}.ListOfTags.${i}.ConditionValue`) ?? '',
      })),
      allTags: [...conditionTags('StringEquals', false), ...conditionTags('StringLike', true)],
      noneTags: [...conditionTags('StringNotEquals', false), ...conditionTags('StringNotLike', true)],
      role: graph.prop(selection, `${base}.IamRoleArn`),
    };
  });
}

/** The CloudFormation resource types an ARN's service and resource type stand for, as AWS Backup selects them. */
const ARN_TYPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^rds:[^:]*:[^:]*:db:/, 'AWS::RDS::DBInstance'],
  [/^rds:[^:]*:[^:]*:cluster:/, 'AWS::RDS::DBCluster'],
  [/^ec2:[^:]*:[^:]*:volume\//, 'volume'],
  [/^ec2:[^:]*:[^:]*:instance\//, 'instance'],
];

/**
 * What a selection's resource entry covers: `all` for "*", a kind of resource for a wildcard ARN
 * of that kind ("arn:aws:ec2:*:*:volume/*" → volume), or the graph resources it names.
 */
export function selectedBy(
  graph: ResourceGraph,
  entry: unknown,
): { readonly all?: true; readonly kinds: readonly string[]; readonly named: readonly Resource[] } {
  if (entry === '*') return { all: true, kinds: [], named: [] };
  const named = graph.refsIn(entry);
  const text = withoutPlaceholders(literalText(entry));
  if (!text || !text.startsWith('arn:')) return { kinds: [], named };
  const rest = text.split(':').slice(2).join(':');
  const tail = text.slice(text.search(/[:/][^:/]*$/) + 1);
  const kinds = named.length === 0 && tail === '*' ? ARN_TYPES.filter(([pattern]) => pattern.test(rest)).map(([, kind]) => kind) : [];
  if (/^\*$|^[a-z0-9-]+:\*$/.test(rest)) return { all: true, kinds: [], named };
  return { kinds, named };
}

/** True when a tag value matches a condition value (StringLike allows * and ?). */
export function tagMatches(actual: string, expected: string, like: boolean): boolean {
  if (!like) return actual === expected;
  const pattern = expected
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(actual);
}

/** A resource's tags (its Tags list, as CloudFormation and the live loader write them) as key → value. */
export function resourceTags(graph: ResourceGraph, resource: Resource): Map<string, string> {
  const tags = new Map<string, string>();
  for (const tag of tagList(graph.prop(resource, 'Tags'))) tags.set(tag.key, tag.value);
  return tags;
}

function tagList(value: unknown): Array<{ key: string; value: string }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const entry = item as Record<string, unknown> | null;
    return typeof entry?.Key === 'string' && typeof entry.Value === 'string' ? [{ key: entry.Key, value: entry.Value }] : [];
  });
}

/**
 * The tags the servers of an Auto Scaling group and their EBS volumes carry at launch: the launch
 * template's TagSpecifications (instance, volume) and the group's tags with PropagateAtLaunch (instances).
 */
export function serverTags(
  graph: ResourceGraph,
  asg: Resource,
): { readonly instance: Map<string, string>; readonly volume: Map<string, string> } {
  const instance = new Map<string, string>();
  const volume = new Map<string, string>();
  listProp(graph, asg, 'Tags').forEach((_, i) => {
    const key = stringProp(graph, asg, `Tags.${i}.Key`);
    const value = stringProp(graph, asg, `Tags.${i}.Value`);
    const propagate = booleanProp(graph, asg, `Tags.${i}.PropagateAtLaunch`);
    if (key !== undefined && value !== undefined && propagate) instance.set(key, value);
  });
  const spec = graph.prop(asg, 'LaunchTemplate') ?? graph.prop(asg, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification');
  const template = graph
    .refsIn(
      (spec as Record<string, unknown> | undefined)?.LaunchTemplateId ?? (spec as Record<string, unknown> | undefined)?.LaunchTemplateName,
    )
    .find((target) => target.type === 'AWS::EC2::LaunchTemplate');
  if (template) {
    listProp(graph, template, 'LaunchTemplateData.TagSpecifications').forEach((_, i) => {
      const kind = stringProp(graph, template, `LaunchTemplateData.TagSpecifications.${i}.ResourceType`);
      const target = kind === 'instance' ? instance : kind === 'volume' ? volume : undefined;
      for (const tag of tagList(graph.prop(template, `LaunchTemplateData.TagSpecifications.${i}.Tags`))) target?.set(tag.key, tag.value);
    });
  }
  return { instance, volume };
}

/**
 * True when a selection assigns a resource to its plan: named by ARN or reference, or by a wildcard of
 * its kind ("*", ".../volume/*"), or by one of ListOfTags; and its tag conditions all hold.
 */
export function selectionCovers(
  graph: ResourceGraph,
  selection: BackupSelection,
  target: { readonly resource?: Resource; readonly kind: string; readonly tags: ReadonlyMap<string, string> },
): boolean {
  const matches = (entry: unknown): boolean => {
    const selected = selectedBy(graph, entry);
    return (
      Boolean(selected.all) ||
      selected.kinds.includes(target.kind) ||
      (target.resource !== undefined && selected.named.includes(target.resource))
    );
  };
  const has = (tag: { key: string; value: string; like?: boolean }): boolean => {
    const actual = target.tags.get(tag.key);
    return actual !== undefined && tagMatches(actual, tag.value, tag.like ?? false);
  };
  const picked = selection.resources.some(matches) || selection.anyTags.some(has);
  const excluded = selection.notResources.some(matches);
  return picked && !excluded && selection.allTags.every(has) && !selection.noneTags.some(has);
}
