import { Command } from 'commander';
import { LIVE_COMMANDS } from '../sources/live/commands';
import type { GlobalOptions, Io } from './shared';

/** An IAM policy document. */
export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: ReadonlyArray<{
    readonly Sid: string;
    readonly Effect: 'Allow';
    readonly Action: readonly string[];
    readonly Resource: '*';
  }>;
}

/**
 * The least-privilege policy for `checker check --live`: exactly the IAM actions of the commands
 * the live loader can send (sources/live/commands.ts), all read-only. Resource is "*" because most
 * Describe/List calls do not support resource-level permissions.
 */
export function iamPolicyDocument(): IamPolicyDocument {
  const actions = [...new Set(LIVE_COMMANDS.flatMap((command) => command.iamActions))].sort();
  return { Version: '2012-10-17', Statement: [{ Sid: 'WorkshopCheckerReadOnly', Effect: 'Allow', Action: actions, Resource: '*' }] };
}

/** The `iam-policy` subcommand's definition. */
export function iamPolicyCommand(): Command {
  return new Command('iam-policy')
    .summary('print the read-only IAM policy live checks need')
    .description(
      'Prints the least-privilege IAM policy for `checker check --live` as JSON: the Describe/List/Get actions of exactly the API calls the live loader can make. Attach it to the user or role you check with.',
    );
}

/** Runs `checker iam-policy`: prints the policy JSON on stdout. */
export function runIamPolicy(_global: GlobalOptions, io: Io): 0 {
  io.stdout.write(`${JSON.stringify(iamPolicyDocument(), null, 2)}\n`);
  return 0;
}

/** Adds `iam-policy` to a program with its action, for CLIs that wire commands this way. */
export function registerIamPolicyCommand(program: Command, io: Io): Command {
  const command = iamPolicyCommand().action(() => {
    runIamPolicy(program.opts<GlobalOptions>(), io);
  });
  program.addCommand(command);
  return command;
}
