import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { numberProp, stringProp } from './values';

/** One scheduled action of an Auto Scaling group, with the sizes it sets (undefined: left as is). */
export interface ScheduledAction {
  readonly resource: Resource;
  readonly minSize?: number;
  readonly maxSize?: number;
  readonly desiredCapacity?: number;
  /** A cron expression for a repeating action. */
  readonly recurrence?: string;
  /** When a one-time action runs (or a repeating one starts), ISO 8601. */
  readonly startTime?: string;
  /** The IANA time zone of Recurrence and StartTime; UTC when absent. */
  readonly timeZone?: string;
}

/** The scheduled actions (AWS::AutoScaling::ScheduledAction) that act on an Auto Scaling group. */
export function scheduledActionsOf(graph: ResourceGraph, asg: Resource): ScheduledAction[] {
  return graph
    .referencing(asg, 'AWS::AutoScaling::ScheduledAction')
    .filter((action) => graph.refsIn(graph.prop(action, 'AutoScalingGroupName')).includes(asg))
    .map((action) => ({
      resource: action,
      minSize: numberProp(graph, action, 'MinSize'),
      maxSize: numberProp(graph, action, 'MaxSize'),
      desiredCapacity: numberProp(graph, action, 'DesiredCapacity'),
      recurrence: stringProp(graph, action, 'Recurrence'),
      startTime: stringProp(graph, action, 'StartTime'),
      timeZone: stringProp(graph, action, 'TimeZone'),
    }));
}

/** An Auto Scaling group's capacity between scheduled actions: MinSize, and DesiredCapacity (MinSize when not set). */
export function groupCapacity(graph: ResourceGraph, asg: Resource): { readonly min: number; readonly desired: number } {
  const min = numberProp(graph, asg, 'MinSize') ?? 0;
  return { min, desired: numberProp(graph, asg, 'DesiredCapacity') ?? min };
}

/** True when an action raises the group above its usual capacity: a higher MinSize or DesiredCapacity. */
export function raisesCapacity(action: ScheduledAction, usual: { readonly min: number; readonly desired: number }): boolean {
  return (
    (action.minSize !== undefined && action.minSize > usual.min) ||
    (action.desiredCapacity !== undefined && action.desiredCapacity > Math.max(usual.desired, usual.min))
  );
}
