import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import { Construct } from 'constructs';

/** A tier's group and the capacity it needs on event day. */
export interface EventTier {
  /** The Auto Scaling group. */
  readonly group: autoscaling.AutoScalingGroup;
  /** The group's everyday minimum and maximum, restored after the event. */
  readonly normal: { readonly min: number; readonly max: number };
  /** The minimum and maximum while the event runs. */
  readonly event: { readonly min: number; readonly max: number };
}

/** Props of {@link EventScaling}. */
export interface EventScalingProps {
  /** The tiers to scale out before the event. */
  readonly tiers: EventTier[];
  /**
   * When the event starts every year, as MM-DDTHH:mm in `timeZone` (such as 11-11T00:00 for the
   * 11.11 sale at midnight).
   */
  readonly eventStart: string;
  /**
   * How long the event lasts.
   * @default 24
   */
  readonly eventHours?: number;
  /**
   * How long before the start the servers are added: time to boot, pass health checks and warm up.
   * @default 60
   */
  readonly leadMinutes?: number;
  /**
   * The IANA time zone the schedule is read in.
   * @default 'Asia/Seoul'
   */
  readonly timeZone?: string;
}

/** A moment of the year as cron fields. */
interface Moment {
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Adds minutes to a moment of the year (in a leap year, so 02-29 is a valid start). */
function shift(moment: Moment, minutes: number): Moment {
  const date = new Date(Date.UTC(2028, moment.month - 1, moment.day, moment.hour, moment.minute) + minutes * 60_000);
  return { month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() };
}

/** A yearly cron schedule at that moment. */
function yearly(moment: Moment): autoscaling.Schedule {
  return autoscaling.Schedule.cron({
    minute: String(moment.minute),
    hour: String(moment.hour),
    day: String(moment.day),
    month: String(moment.month),
  });
}

/**
 * Scheduled scaling for a known event: before it starts, every tier's minimum and maximum rise so
 * the servers are running and healthy when the customers arrive; after it ends, they return to
 * the everyday values and CPU alarms scale the groups back in. The schedule is read in the shop's
 * time zone (Asia/Seoul by default), so no one converts to UTC by hand.
 */
export class EventScaling extends Construct {
  constructor(scope: Construct, id: string, props: EventScalingProps) {
    const match = /^(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(props.eventStart);
    const start: Moment | undefined = match
      ? { month: Number(match[1]), day: Number(match[2]), hour: Number(match[3]), minute: Number(match[4]) }
      : undefined;
    if (!start || shift(start, 0).month !== start.month || shift(start, 0).day !== start.day || start.hour > 23 || start.minute > 59) {
      throw new Error(
        `EventScaling: eventStart "${props.eventStart}" is not a day and time of the year: use MM-DDTHH:mm, such as 11-11T00:00.`,
      );
    }
    const eventHours = props.eventHours ?? 24;
    if (!Number.isInteger(eventHours) || eventHours < 1 || eventHours > 24 * 14) {
      throw new Error(`EventScaling: eventHours ${eventHours} must be a whole number of hours from 1 to 336 (two weeks).`);
    }
    const leadMinutes = props.leadMinutes ?? 60;
    if (!Number.isInteger(leadMinutes) || leadMinutes < 10 || leadMinutes > 24 * 60) {
      throw new Error(`EventScaling: leadMinutes ${leadMinutes} must be a whole number from 10 to 1440: new servers need time to boot.`);
    }
    if (props.tiers.length === 0) {
      throw new Error('EventScaling: tiers is empty: pass the WEB and APP groups to scale out before the event.');
    }
    for (const { normal, event } of props.tiers) {
      if (!(normal.min <= normal.max && event.min <= event.max && event.min > normal.min && event.max >= normal.max)) {
        throw new Error(
          `EventScaling: event capacity ${event.min}-${event.max} must raise the everyday ${normal.min}-${normal.max}: a higher minimum, a maximum no lower.`,
        );
      }
    }
    super(scope, id);
    const timeZone = props.timeZone ?? 'Asia/Seoul';

    const scaleOut = yearly(shift(start, -leadMinutes));
    const scaleBack = yearly(shift(start, eventHours * 60));
    for (const { group, normal, event } of props.tiers) {
      // Raising the minimum raises the desired capacity with it: the group starts the servers now.
      group.scaleOnSchedule('EventScaleOut', { schedule: scaleOut, timeZone, minCapacity: event.min, maxCapacity: event.max });
      // Back to everyday limits; above the new maximum the group stops servers at once, below it the
      // CPU alarms remove them step by step.
      group.scaleOnSchedule('EventScaleBack', { schedule: scaleBack, timeZone, minCapacity: normal.min, maxCapacity: normal.max });
    }
  }
}
