import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { catalog, findLab, type Lab } from '@workshop/catalog';
import type { DeployArgs } from './args';
import { appDir } from './cdk';
import { LocalError, msg, type Print } from './messages';
import { resolveTarget, type ResolvedTarget } from './target';

/** Everything a deploy or destroy step needs: the lab, its app folder, the resolved target and its clients. */
export interface StackContext {
  readonly args: DeployArgs;
  readonly lab: Lab;
  /** The lab app folder (starter, or solution with --solution). */
  readonly dir: string;
  readonly target: ResolvedTarget;
  readonly cfn: CloudFormationClient;
  readonly s3: S3Client;
  readonly env: NodeJS.ProcessEnv;
  readonly print: Print;
  /** Closes the clients. */
  close(): void;
}

/** Finds the lab and its folder, resolves the target (checking that it answers) and opens its clients. */
export async function openContext(args: DeployArgs, env: NodeJS.ProcessEnv, print: Print): Promise<StackContext> {
  const lab = findLab(args.labId, catalog);
  if (!lab) throw new LocalError(msg.unknownLab(args.labId, undefined, []), 2);
  const dir = appDir(args);
  const target = await resolveTarget(args.target, env);
  const cfn = new CloudFormationClient(target.clientConfig);
  const s3 = new S3Client(target.clientConfig);
  return {
    args,
    lab,
    dir,
    target,
    cfn,
    s3,
    env,
    print,
    close: () => {
      cfn.destroy();
      s3.destroy();
    },
  };
}
