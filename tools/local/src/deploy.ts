import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { catalog, findLab, hourlyCost, labDir, repoRoot, type Lab } from '@workshop/catalog';
import type { DeployArgs } from './args';
import { cdkAwsEnv, cdkLocalEnv, localClientConfig } from './env';
import { isEmulatorProcess } from './emulator';
import { probeEndpoint } from './health';
import { LocalError, messageLang, msg } from './messages';
import { readState, workshopDir, type LocalState } from './state';
import {
  BILLABLE_TYPES,
  deployedTemplate,
  dropOutputsOfUncreated,
  emptyBucket,
  findSiteBucket,
  listStackResources,
  recoverStack,
  retainedResources,
  stackStatus,
  uploadDir,
  type Leftover,
} from './stack';

/** Where a deploy goes, resolved: the CDK CLI's environment, SDK client settings, account and region. */
export interface ResolvedTarget {
  kind: 'local' | 'aws';
  env: NodeJS.ProcessEnv;
  clientConfig: Record<string, unknown>;
  account: string;
  region: string;
  /** "moto 5.2.5 at http://127.0.0.1:4566" or "AWS account 1234 (ap-northeast-2)". */
  label: string;
  state?: LocalState;
}

type Print = (en: string, ko: string) => void;

/** Prints a line in the learner's language. */
export const say: Print = (en, ko) => console.log(messageLang() === 'ko' ? ko : en);

/** Resolves the local target from the state file and checks that it answers. */
export async function resolveLocal(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  const state = readState(env);
  if (!state) throw new LocalError(msg.notRunning());
  const account = await probeEndpoint(state.endpoint, state.region);
  if (!account) {
    if (state.kind === 'emulator' && state.logFile && !isEmulatorProcess(state.pid))
      throw new LocalError(msg.emulatorCrashed(state.logFile));
    throw new LocalError(msg.endpointDown(state.endpoint, state.logFile));
  }
  return {
    kind: 'local',
    env: cdkLocalEnv(state, env),
    clientConfig: localClientConfig(state),
    account,
    region: state.region,
    label: `${state.flavor} at ${state.endpoint}`,
    state,
  };
}

/** Resolves real AWS from the usual credential chain; throws a one-line error without credentials or region. */
export async function resolveAws(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedTarget> {
  const cdkEnv = cdkAwsEnv(env);
  const saved = { ...process.env };
  // The SDK's default chain reads process.env: give it exactly the variables the CDK CLI will see.
  for (const key of Object.keys(process.env)) if (!(key in cdkEnv)) delete process.env[key];
  Object.assign(process.env, cdkEnv);
  const sts = new STSClient({ maxAttempts: 2 });
  try {
    let region: string;
    try {
      region = await sts.config.region();
    } catch {
      throw new LocalError(msg.awsNoRegion());
    }
    if (!region) throw new LocalError(msg.awsNoRegion());
    let account: string | undefined;
    try {
      account = (await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(15_000) })).Account;
    } catch (error) {
      throw new LocalError(msg.awsNoCredentials(String((error as Error).message).split('\n')[0]));
    }
    if (!account) throw new LocalError(msg.awsNoCredentials('no account in the STS answer'));
    return {
      kind: 'aws',
      env: { ...cdkEnv, AWS_REGION: region },
      clientConfig: { region },
      account,
      region,
      label: `AWS account ${account} (${region})`,
    };
  } finally {
    sts.destroy();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/**
 * Runs the CDK CLI of the workspace in the lab folder `cwd` with live output; resolves to its exit code.
 * The cloud assembly goes to .workshop/cdk.out/ so a deploy never races a synth of the same lab folder.
 */
export function runCdk(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  const bin = path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'cdk.cmd' : 'cdk');
  const output = assemblyDir(cwd, env);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, '--no-notices', '--output', output], { cwd, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}

/** The folder under .workshop/cdk.out/ that the CDK CLI writes a lab folder's cloud assembly to. */
export function assemblyDir(cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), 'cdk.out', path.relative(repoRoot, cwd).replace(/[\\/]+/g, '-'));
}

/**
 * Synthesizes the lab for moto and drops the stack outputs that read resources moto does not create
 * (it fails every DescribeStacks of such a stack); returns the `--app` arguments that deploy this assembly.
 */
async function emulatorAssembly(lab: Lab, dir: string, target: ResolvedTarget, args: DeployArgs, print: Print): Promise<string[]> {
  const code = await runCdk(['synth', lab.stackName, '--quiet'], dir, target.env);
  if (code !== 0) throw new LocalError(msg.cdkFailed('synth', commandLine(args)));
  const assembly = assemblyDir(dir, target.env);
  const file = path.join(assembly, `${lab.stackName}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const dropped = dropOutputsOfUncreated(template, target.state?.unsupportedResourceTypes ?? []);
  if (dropped.length) {
    fs.writeFileSync(file, JSON.stringify(template, null, 1));
    print(
      `Left out the stack outputs ${dropped.join(', ')}: they read resources ${target.state?.flavor} does not create.`,
      `스택 출력 ${dropped.join(', ')}은(는) 뺐습니다. ${target.state?.flavor}이(가) 만들지 않는 리소스를 읽기 때문입니다.`,
    );
  }
  return ['--app', assembly];
}

/** Asks "yes/no" on the terminal; false when stdin is not a terminal. */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|예|네)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function commandLine(args: DeployArgs): string {
  return `npm run ${args.command} -- ${args.labId}${args.target === 'aws' ? ' --target aws' : ''}${args.solution ? ' --solution' : ''}`;
}

/** The lab app folder a command works in (starter, or solution with --solution); it must hold cdk.json. */
export function appDir(args: Pick<DeployArgs, 'labId' | 'solution'>): string {
  const dir = labDir(args.labId, args.solution ? 'solution' : 'starter');
  if (!fs.existsSync(path.join(dir, 'cdk.json'))) throw new LocalError(msg.labMissing(path.relative(repoRoot, dir)), 2);
  return dir;
}

async function ensureBootstrapped(target: ResolvedTarget, dir: string, args: DeployArgs, print: Print): Promise<void> {
  const cfn = new CloudFormationClient(target.clientConfig);
  try {
    const status = await stackStatus(cfn, 'CDKToolkit');
    if (status && /COMPLETE$/.test(status) && !status.includes('ROLLBACK')) return;
    if (status) await recoverStack(cfn, 'CDKToolkit');
  } finally {
    cfn.destroy();
  }
  print(`Bootstrapping ${target.label} for the CDK (first deploy only)...`, `${target.label}에 CDK 부트스트랩을 합니다(첫 배포 때만)...`);
  const code = await runCdk(['bootstrap', `aws://${target.account}/${target.region}`], dir, target.env);
  if (code !== 0) throw new LocalError(msg.cdkFailed('bootstrap', commandLine(args)));
}

/** `npm run deploy`: deploys the lab's stack to the chosen target and uploads the lab's site/ files. */
export async function deploy(
  args: DeployArgs,
  env: NodeJS.ProcessEnv = process.env,
  print: Print = say,
): Promise<{ stackName: string; resources: number; uploaded: number }> {
  const lab = findLab(args.labId, catalog);
  if (!lab) throw new LocalError(msg.unknownLab(args.labId, undefined, []), 2);
  const dir = appDir(args);
  const target = args.target === 'aws' ? await resolveAws(env) : await resolveLocal(env);
  const which = args.solution ? 'solution' : 'starter';

  if (target.kind === 'aws') {
    const cost = hourlyCost(lab).toFixed(3);
    print(
      `About to deploy ${lab.id} (${which}) to REAL AWS: account ${target.account}, region ${target.region}. It costs about USD ${cost} per hour until you run npm run destroy -- ${lab.id} --target aws.`,
      `${lab.id}(${which === 'solution' ? '정답' : '시작 코드'})를 실제 AWS에 배포합니다. 계정 ${target.account}, 리전 ${target.region}. npm run destroy -- ${lab.id} --target aws로 지울 때까지 시간당 약 ${cost} USD가 듭니다.`,
    );
    if (!args.yes) {
      if (!process.stdin.isTTY) throw new LocalError(msg.awsNeedsConfirmation(), 2);
      const lang = messageLang(env);
      if (!(await confirm(lang === 'ko' ? '배포할까요? (yes/no) ' : 'Deploy? (yes/no) '))) throw new LocalError(msg.awsCancelled(), 2);
    }
  }

  const cfn = new CloudFormationClient(target.clientConfig);
  const s3 = new S3Client(target.clientConfig);
  const onInterrupt = () => {
    const text = msg.interrupted(commandLine(args));
    console.error(messageLang(env) === 'ko' ? text.ko : text.en);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    print(
      `[1/4] Target: ${target.label}; lab ${lab.id} (${which}), stack ${lab.stackName}`,
      `[1/4] 대상: ${target.label}, 실습 ${lab.id}(${which === 'solution' ? '정답' : '시작 코드'}), 스택 ${lab.stackName}`,
    );
    await ensureBootstrapped(target, dir, args, print);

    if (target.kind === 'local') {
      const recovered = await recoverStack(cfn, lab.stackName);
      if (recovered.stuck) throw new LocalError(msg.stackBroken(lab.stackName, recovered.stuck));
      if (recovered.deleted)
        print(
          `Removed the unfinished stack ${lab.stackName} (${recovered.found}) left by an earlier deploy.`,
          `이전 배포가 남긴 미완성 스택 ${lab.stackName}(${recovered.found})을(를) 지웠습니다.`,
        );
    }

    print(
      `[2/4] Deploying ${lab.stackName} with cdk deploy (progress below)...`,
      `[2/4] cdk deploy로 ${lab.stackName}을(를) 배포합니다(진행 상황은 아래에)...`,
    );
    // moto 5.2.5 answers DeleteChangeSet for a name it no longer holds with a 500, which fails every
    // redeploy through change sets; direct CreateStack/UpdateStack calls work (and fill the outputs).
    const moto = target.state?.flavor.startsWith('moto') === true;
    const method = moto ? ['--method', 'direct', ...(await emulatorAssembly(lab, dir, target, args, print))] : [];
    const code = await runCdk(['deploy', lab.stackName, '--require-approval', 'never', '--progress', 'events', ...method], dir, target.env);
    if (code !== 0) throw new LocalError(msg.cdkFailed('deploy', commandLine(args)));

    const resources = await listStackResources(cfn, lab.stackName);
    const status = (await cfn.send(new DescribeStacksCommand({ StackName: lab.stackName }))).Stacks?.[0]?.StackStatus;
    print(
      `[3/4] Stack ${lab.stackName}: ${status}, ${resources.length} resources listed by CloudFormation.`,
      `[3/4] 스택 ${lab.stackName}: ${status}, CloudFormation에 리소스 ${resources.length}개가 있습니다.`,
    );

    let uploaded = 0;
    const siteDir = path.join(dir, 'site');
    if (fs.existsSync(siteDir)) {
      const bucket = await findSiteBucket(s3, resources);
      if (bucket) {
        uploaded = await uploadDir(s3, bucket, siteDir);
        print(
          `[4/4] Uploaded ${uploaded} files from site/ to s3://${bucket}.`,
          `[4/4] site/의 파일 ${uploaded}개를 s3://${bucket}에 올렸습니다.`,
        );
      } else {
        print(
          '[4/4] The lab has a site/ folder but the stack has no website bucket yet: add it (see the lab guide) and deploy again.',
          '[4/4] 실습에 site/ 폴더가 있지만 스택에 웹사이트 버킷이 아직 없습니다. 실습 안내대로 버킷을 추가하고 다시 배포하세요.',
        );
      }
    } else {
      print('[4/4] No site/ content to upload for this lab.', '[4/4] 이 실습에는 올릴 site/ 파일이 없습니다.');
    }
    const templateTypes = new Set(
      Object.values(JSON.parse(await deployedTemplate(cfn, lab.stackName)).Resources ?? {}).map((r) => (r as { Type: string }).Type),
    );
    const skipped = (target.state?.unsupportedResourceTypes ?? []).filter((type) => templateTypes.has(type));
    if (skipped.length) {
      print(
        `Note: ${target.state?.flavor} does not create ${skipped.join(', ')}; the checker skips the rules that need them.`,
        `참고: ${target.state?.flavor}은(는) ${skipped.join(', ')}을(를) 만들지 않습니다. checker는 이 리소스가 필요한 규칙을 건너뜁니다.`,
      );
    }
    return { stackName: lab.stackName, resources: resources.length, uploaded };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    cfn.destroy();
    s3.destroy();
  }
}

/** `npm run destroy`: empties the stack's buckets, deletes the stack and reports what is left (and billed). */
export async function destroy(
  args: DeployArgs,
  env: NodeJS.ProcessEnv = process.env,
  print: Print = say,
): Promise<{ leftovers: Leftover[] }> {
  const lab = findLab(args.labId, catalog);
  if (!lab) throw new LocalError(msg.unknownLab(args.labId, undefined, []), 2);
  const dir = appDir(args);
  const target = args.target === 'aws' ? await resolveAws(env) : await resolveLocal(env);
  const cfn = new CloudFormationClient(target.clientConfig);
  const s3 = new S3Client(target.clientConfig);
  try {
    if (!(await stackStatus(cfn, lab.stackName))) {
      print(
        `Stack ${lab.stackName} does not exist on ${target.label}: nothing to destroy.`,
        `${target.label}에 스택 ${lab.stackName}이(가) 없습니다. 지울 것이 없습니다.`,
      );
      return { leftovers: [] };
    }
    const resources = await listStackResources(cfn, lab.stackName);
    const retained = retainedResources(await deployedTemplate(cfn, lab.stackName), resources);
    for (const bucket of resources.filter((r) => r.ResourceType === 'AWS::S3::Bucket' && r.PhysicalResourceId)) {
      if (retained.some((k) => k.physicalId === bucket.PhysicalResourceId)) continue;
      try {
        const count = await emptyBucket(s3, bucket.PhysicalResourceId as string);
        if (count)
          print(
            `Emptied s3://${bucket.PhysicalResourceId} (${count} objects).`,
            `s3://${bucket.PhysicalResourceId}을(를) 비웠습니다(객체 ${count}개).`,
          );
      } catch {
        // the bucket is already gone or was never created by this emulator
      }
    }
    print(`Destroying ${lab.stackName} on ${target.label}...`, `${target.label}에서 ${lab.stackName}을(를) 지웁니다...`);
    const code = await runCdk(['destroy', lab.stackName, '--force'], dir, target.env);
    const after = await stackStatus(cfn, lab.stackName);
    const leftovers: Leftover[] = [...retained];
    if (after) {
      for (const r of await listStackResources(cfn, lab.stackName)) {
        if (r.ResourceStatus === 'DELETE_FAILED' && r.PhysicalResourceId)
          leftovers.push({
            logicalId: r.LogicalResourceId ?? '',
            type: r.ResourceType ?? '',
            physicalId: r.PhysicalResourceId,
            why: 'delete-failed',
          });
      }
    }
    if (after || (code !== 0 && target.kind === 'aws')) {
      if (leftovers.length) reportLeftovers(leftovers, target, print);
      throw new LocalError(msg.cdkFailed('destroy', commandLine(args)));
    }
    if (code !== 0)
      // moto drops the stack even when it cannot delete a resource (a VPC whose instances it keeps).
      print(
        'The emulator removed the stack but kept some of its resources (see above); npm run local -- reset clears them.',
        '에뮬레이터가 스택은 지웠지만 리소스 일부를 남겼습니다(위 참고). npm run local -- reset으로 정리하세요.',
      );
    print(`Stack ${lab.stackName} is gone.`, `스택 ${lab.stackName}을(를) 지웠습니다.`);
    if (code === 0 || leftovers.length) reportLeftovers(leftovers, target, print);
    return { leftovers };
  } finally {
    cfn.destroy();
    s3.destroy();
  }
}

function reportLeftovers(leftovers: Leftover[], target: ResolvedTarget, print: Print): void {
  if (leftovers.length === 0) {
    print(
      target.kind === 'aws' ? 'Nothing billable is left behind by this lab.' : 'Nothing is left behind (and local AWS costs nothing).',
      target.kind === 'aws' ? '이 실습이 남긴 과금 리소스는 없습니다.' : '남은 리소스가 없습니다(로컬 AWS는 비용이 들지 않습니다).',
    );
  } else {
    print('Left behind:', '남은 리소스:');
    for (const item of leftovers) {
      const billed = BILLABLE_TYPES[item.type];
      const why = {
        retained: ['kept by its DeletionPolicy', 'DeletionPolicy로 보존됨'],
        snapshot: ['a final snapshot was kept', '마지막 스냅샷이 남음'],
        'delete-failed': ['could not be deleted', '삭제하지 못함'],
      }[item.why];
      const cost = target.kind === 'aws' && billed ? [`; billed: ${billed.en}`, `; 과금: ${billed.ko}`] : ['', ''];
      print(`  ${item.type} ${item.physicalId} (${why[0]}${cost[0]})`, `  ${item.type} ${item.physicalId} (${why[1]}${cost[1]})`);
    }
  }
  if (target.kind === 'aws')
    print(
      'The CDK bootstrap stack CDKToolkit stays for the next lab (an S3 bucket and an ECR repository, near zero cost); delete it in the CloudFormation console when you finish the workshop.',
      'CDK 부트스트랩 스택 CDKToolkit은 다음 실습을 위해 남아 있습니다(S3 버킷과 ECR 리포지토리, 비용은 거의 없음). 워크숍을 마치면 CloudFormation 콘솔에서 지우세요.',
    );
}
