import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { catalog, findLab, labStacks, secondaryRegion, usesSecondaryRegion, type Lab, type LabStack } from '@workshop/catalog';
import type { DeployArgs } from './args';
import { appDir } from './cdk';
import { LocalError, msg, type Print } from './messages';
import { resolveTarget, type ResolvedTarget } from './target';

/** One stack of the lab as deploy and destroy handle it: the catalog's entry and the Region it goes to. */
export interface DeployStack extends LabStack {
  /** The Region's name: the target's for the primary stacks, the lab's second Region for the others. */
  readonly regionName: string;
}

/** Everything a deploy or destroy step needs: the lab, its app folder, the resolved target, one stack and that Region's clients. */
export interface StackContext {
  readonly args: DeployArgs;
  readonly lab: Lab;
  /** The lab app folder (starter, or solution with --solution). */
  readonly dir: string;
  readonly target: ResolvedTarget;
  /** The stack this context's steps work on (the lab's main stack in the context openContext returns). */
  readonly stack: DeployStack;
  /** Every stack of the lab in deploy order (one for a lab without `stacks`). */
  readonly stacks: readonly DeployStack[];
  /** CloudFormation and S3 clients in the stack's Region. */
  readonly cfn: CloudFormationClient;
  readonly s3: S3Client;
  /** The CDK CLI's environment for this stack (its Region as the default one). */
  readonly cdkEnv: NodeJS.ProcessEnv;
  /** Arguments every CDK CLI run of the lab gets: `-c secondaryRegion=<region>` for a lab with a second Region. */
  readonly cdkContext: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly print: Print;
  /** The same context for another stack of the lab, with clients in its Region (closed by this context's close). */
  forStack(stack: DeployStack): StackContext;
  /** Closes the clients of this context and of every context forStack made. */
  close(): void;
}

/** The lab and app folder to use instead of the catalog's (tests deploy a fixture app). */
export interface LabApp {
  readonly lab: Lab;
  readonly dir: string;
}

/** The lab's stacks in deploy order with their Regions: primary stacks in `primary`, the others in the lab's second Region. */
export function deployStacks(lab: Lab, primary: string): DeployStack[] {
  const second = secondaryRegion(lab);
  return labStacks(lab).map((stack) => ({ ...stack, regionName: stack.region === 'secondary' ? second : primary }));
}

/** Finds the lab and its folder, resolves the target (checking that it answers) and opens the main stack's clients. */
export async function openContext(args: DeployArgs, env: NodeJS.ProcessEnv, print: Print, app?: LabApp): Promise<StackContext> {
  const lab = app?.lab ?? findLab(args.labId, catalog);
  if (!lab) throw new LocalError(msg.unknownLab(args.labId, undefined, []), 2);
  const dir = app?.dir ?? appDir(args);
  const target = await resolveTarget(args.target, env);
  const stacks = deployStacks(lab, target.region);
  const cdkContext = usesSecondaryRegion(lab) ? ['-c', `secondaryRegion=${secondaryRegion(lab)}`] : [];
  const opened: Array<{ destroy(): void }> = [];
  const make = (stack: DeployStack): StackContext => {
    const config = { ...target.clientConfig, region: stack.regionName };
    const cfn = new CloudFormationClient(config);
    const s3 = new S3Client(config);
    opened.push(cfn, s3);
    const cdkEnv =
      stack.regionName === target.region
        ? target.env
        : { ...target.env, AWS_REGION: stack.regionName, AWS_DEFAULT_REGION: stack.regionName };
    return {
      args,
      lab,
      dir,
      target,
      stack,
      stacks,
      cfn,
      s3,
      cdkEnv,
      cdkContext,
      env,
      print,
      forStack: make,
      close: () => opened.forEach((client) => client.destroy()),
    };
  };
  return make(stacks.find((stack) => stack.name === lab.stackName) ?? stacks[0]);
}
