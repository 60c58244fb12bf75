import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Props of {@link RecoveryObjectives}. */
export interface RecoveryObjectivesProps {
  /** Recovery time objective: how long the shop may be down before it serves again. */
  readonly rto: Duration;
  /** Recovery point objective: how much recent data (as time) the shop may lose. */
  readonly rpo: Duration;
  /**
   * How often a copy reaches the secondary Region: after a Region-wide outage the newest copy can
   * be this old, so the RPO cannot be shorter.
   * @default Duration.days(1) (the daily backup plan)
   */
  readonly copyInterval?: Duration;
}

/** An ISO-8601 duration in whole hours (PT24H) or, below that, whole minutes (PT30M). */
export function isoDuration(duration: Duration): string {
  const minutes = duration.toMinutes();
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/**
 * Writes the shop's recovery objectives down where tools and people find them: stack outputs and
 * the stack tags workshop:rto and workshop:rpo, as ISO-8601 durations (PT4H, PT24H).
 */
export class RecoveryObjectives extends Construct {
  /** The recovery time objective as an ISO-8601 duration. */
  public readonly rto: string;
  /** The recovery point objective as an ISO-8601 duration. */
  public readonly rpo: string;

  constructor(scope: Construct, id: string, props: RecoveryObjectivesProps) {
    for (const [name, value] of [
      ['rto', props.rto],
      ['rpo', props.rpo],
    ] as const) {
      if (value.toMilliseconds() <= 0 || value.toMilliseconds() % 60_000 !== 0) {
        throw new Error(`RecoveryObjectives: ${name} is ${value.toHumanString()}: give a positive whole number of minutes or hours.`);
      }
    }
    const copyInterval = props.copyInterval ?? Duration.days(1);
    if (props.rpo.toMinutes() < copyInterval.toMinutes()) {
      throw new Error(
        `RecoveryObjectives: rpo ${isoDuration(props.rpo)} is shorter than the ${isoDuration(copyInterval)} between copies: a Region-wide outage can lose that much, so back up more often or declare a longer RPO.`,
      );
    }
    super(scope, id);
    this.rto = isoDuration(props.rto);
    this.rpo = isoDuration(props.rpo);

    // Stack tags reach CloudFormation, which puts them on the stack and on every resource it creates.
    const stack = Stack.of(this);
    stack.tags.setTag('workshop:rto', this.rto);
    stack.tags.setTag('workshop:rpo', this.rpo);

    new CfnOutput(stack, 'RecoveryTimeObjective', {
      description: 'RTO: how long the shop may be down before it serves again from the secondary Region (ISO-8601).',
      value: this.rto,
    });
    new CfnOutput(stack, 'RecoveryPointObjective', {
      description: 'RPO: how much recent data a Region-wide outage may lose: the age of the newest copy (ISO-8601).',
      value: this.rpo,
    });
  }
}
