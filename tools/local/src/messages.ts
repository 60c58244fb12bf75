import type { LocalizedText } from '@workshop/catalog';

/** The language messages are printed in: Korean when WORKSHOP_LANG or LANG starts with "ko", else English. */
export function messageLang(env: NodeJS.ProcessEnv = process.env): 'en' | 'ko' {
  return (env.WORKSHOP_LANG ?? env.LANG ?? '').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/**
 * An error a learner can hit: one line in English and Korean saying what is wrong and what to do next.
 * The command-line entry points print it without a stack trace and exit with `exitCode`.
 */
export class LocalError extends Error {
  constructor(
    /** The one-line message in both languages. */
    readonly text: LocalizedText,
    /** Exit code of the command: 2 for bad input, 3 for an unreachable target or a failed tool. */
    readonly exitCode: 2 | 3 = 3,
  ) {
    super(text.en);
    this.name = 'LocalError';
  }
}

/** Prints one message in the learner's language (deploy and destroy take it as a parameter so tests can collect lines). */
export type Print = (text: LocalizedText) => void;

/** Prints a message to standard output in the learner's language. */
export const say: Print = (text) => console.log(messageLang() === 'ko' ? text.ko : text.en);

/** Which app of a lab a command works on, in both languages. */
function appName(solution: boolean): LocalizedText {
  return solution ? { en: 'solution', ko: '정답' } : { en: 'starter', ko: '시작 코드' };
}

/** The one-line messages of the local commands, each a function of the facts it mentions. */
export const msg = {
  usageLocal: (): LocalizedText => ({
    en: 'usage: npm run local -- up|down|status|reset|install [--emulator] [--port N]',
    ko: '사용법: npm run local -- up|down|status|reset|install [--emulator] [--port N]',
  }),
  usageDeploy: (command: string): LocalizedText => ({
    en: `usage: npm run ${command} -- <lab-id> [--target local|aws] [--solution]${command === 'deploy' ? ' [--replace] [--yes]' : ''}`,
    ko: `사용법: npm run ${command} -- <실습-id> [--target local|aws] [--solution]${command === 'deploy' ? ' [--replace] [--yes]' : ''}`,
  }),
  unknownOption: (option: string, usage: LocalizedText): LocalizedText => ({
    en: `Unknown option ${option}. ${usage.en}`,
    ko: `알 수 없는 옵션 ${option}입니다. ${usage.ko}`,
  }),
  unknownCommand: (command: string, usage: LocalizedText): LocalizedText => ({
    en: `Unknown command "${command}". ${usage.en}`,
    ko: `알 수 없는 명령 "${command}"입니다. ${usage.ko}`,
  }),
  missingLab: (usage: LocalizedText, labs: string[]): LocalizedText => ({
    en: `Which lab? ${usage.en}. Labs: ${labs.join(', ')}`,
    ko: `어느 실습인가요? ${usage.ko}. 실습: ${labs.join(', ')}`,
  }),
  unknownLab: (lab: string, nearest: string | undefined, labs: string[]): LocalizedText => ({
    en: `Unknown lab "${lab}".${nearest ? ` Did you mean "${nearest}"?` : ''} Labs: ${labs.join(', ')}`,
    ko: `"${lab}"라는 실습은 없습니다.${nearest ? ` "${nearest}"을(를) 찾으셨나요?` : ''} 실습: ${labs.join(', ')}`,
  }),
  badTarget: (target: string): LocalizedText => ({
    en: `--target must be "local" or "aws", not "${target}".`,
    ko: `--target은 "local" 또는 "aws"여야 합니다("${target}"는 쓸 수 없습니다).`,
  }),
  badPort: (port: string): LocalizedText => ({
    en: `--port must be a port number between 1024 and 65535, not "${port}".`,
    ko: `--port에는 1024에서 65535 사이의 포트 번호를 주세요("${port}"는 쓸 수 없습니다).`,
  }),
  portTaken: (wanted: number, chosen: number): LocalizedText => ({
    en: `Port ${wanted} is already in use, so local AWS uses port ${chosen} instead.`,
    ko: `포트 ${wanted}은(는) 이미 사용 중이라 로컬 AWS는 포트 ${chosen}을(를) 씁니다.`,
  }),
  pythonMissing: (): LocalizedText => ({
    en: 'Python 3 was not found: install Python 3.10 or newer (https://www.python.org/downloads/, or your package manager) and run npm run local -- up again.',
    ko: 'Python 3을 찾지 못했습니다. Python 3.10 이상을 설치하고(https://www.python.org/downloads/ 또는 패키지 관리자) npm run local -- up을 다시 실행하세요.',
  }),
  pythonTooOld: (found: string): LocalizedText => ({
    en: `Python ${found} is too old for the local emulator: install Python 3.10 or newer (or point WORKSHOP_PYTHON at one) and run npm run local -- up again.`,
    ko: `Python ${found}은(는) 로컬 에뮬레이터에 너무 오래된 버전입니다. Python 3.10 이상을 설치하고(또는 WORKSHOP_PYTHON에 그 경로를 지정하고) npm run local -- up을 다시 실행하세요.`,
  }),
  installFailed: (log: string): LocalizedText => ({
    en: `Installing the local emulator from PyPI failed: read ${log}, fix the cause (network, disk space) and run npm run local -- install again.`,
    ko: `PyPI에서 로컬 에뮬레이터를 설치하지 못했습니다. ${log}을(를) 읽고 원인(네트워크, 디스크 공간)을 고친 뒤 npm run local -- install을 다시 실행하세요.`,
  }),
  emulatorCrashed: (log: string): LocalizedText => ({
    en: `The local emulator stopped unexpectedly: its log is ${log}; run npm run local -- up to start it again.`,
    ko: `로컬 에뮬레이터가 예기치 않게 멈췄습니다. 로그는 ${log}에 있습니다. npm run local -- up으로 다시 시작하세요.`,
  }),
  emulatorSlow: (seconds: number, log: string): LocalizedText => ({
    en: `The local emulator did not answer within ${seconds} s: its log is ${log}; run npm run local -- down, then up again.`,
    ko: `로컬 에뮬레이터가 ${seconds}초 안에 응답하지 않았습니다. 로그는 ${log}에 있습니다. npm run local -- down 후 다시 up 하세요.`,
  }),
  notRunning: (): LocalizedText => ({
    en: 'Local AWS is not running: start it with npm run local -- up, then run this command again.',
    ko: '로컬 AWS가 실행 중이 아닙니다. npm run local -- up으로 시작한 뒤 이 명령을 다시 실행하세요.',
  }),
  endpointDown: (endpoint: string, log: string | undefined): LocalizedText => ({
    en: `Local AWS at ${endpoint} does not answer${log ? ` (its log is ${log})` : ''}: run npm run local -- up, then run this command again.`,
    ko: `${endpoint}의 로컬 AWS가 응답하지 않습니다${log ? `(로그: ${log})` : ''}. npm run local -- up을 실행한 뒤 이 명령을 다시 실행하세요.`,
  }),
  noDocker: (reason: string): LocalizedText => ({
    en: `No Docker engine is reachable (${reason}): start Docker for LocalStack, or run npm run local -- up --emulator for the embedded emulator.`,
    ko: `Docker 엔진에 연결할 수 없습니다(${reason}). LocalStack을 쓰려면 Docker를 시작하고, 아니면 npm run local -- up --emulator로 내장 에뮬레이터를 쓰세요.`,
  }),
  awsNoCredentials: (detail: string): LocalizedText => ({
    en: `No usable AWS credentials for --target aws (${detail}): run aws configure or set AWS_PROFILE, or deploy locally without --target aws.`,
    ko: `--target aws에 쓸 AWS 자격 증명이 없습니다(${detail}). aws configure를 실행하거나 AWS_PROFILE을 설정하세요. 아니면 --target aws 없이 로컬에 배포하세요.`,
  }),
  awsNoRegion: (): LocalizedText => ({
    en: 'No AWS region is set for --target aws: export AWS_REGION=ap-northeast-2 (or your region) and try again.',
    ko: '--target aws에 쓸 AWS 리전이 설정되지 않았습니다. export AWS_REGION=ap-northeast-2(또는 쓰려는 리전)를 실행하고 다시 시도하세요.',
  }),
  awsNeedsConfirmation: (): LocalizedText => ({
    en: 'Deploying to real AWS needs a confirmation: run it in a terminal and answer "yes", or add --yes.',
    ko: '실제 AWS 배포에는 확인이 필요합니다. 터미널에서 실행해 "yes"로 답하거나 --yes를 붙이세요.',
  }),
  awsCancelled: (): LocalizedText => ({
    en: 'Cancelled: nothing was deployed.',
    ko: '취소했습니다. 아무것도 배포하지 않았습니다.',
  }),
  labMissing: (dir: string): LocalizedText => ({
    en: `The lab folder ${dir} has no cdk.json: restore it from git (git checkout -- ${dir}) and try again.`,
    ko: `실습 폴더 ${dir}에 cdk.json이 없습니다. git에서 복구하고(git checkout -- ${dir}) 다시 시도하세요.`,
  }),
  cdkFailed: (step: string, command: string): LocalizedText => ({
    en: `cdk ${step} failed (see the output above): fix the cause and run ${command} again.`,
    ko: `cdk ${step}에 실패했습니다(위 출력 참고). 원인을 고친 뒤 ${command}을(를) 다시 실행하세요.`,
  }),
  updateFailed: (stack: string, command: string): LocalizedText => ({
    en: `cdk deploy could not update stack ${stack} (see the output above): fix the cause and run ${command} again, or replace the stack with ${command} --replace.`,
    ko: `cdk deploy가 스택 ${stack}을(를) 업데이트하지 못했습니다(위 출력 참고). 원인을 고친 뒤 ${command}을(를) 다시 실행하거나, ${command} --replace로 스택을 새로 만드세요.`,
  }),
  updateRejected: (stack: string, flavor: string, command: string, log: string | undefined): LocalizedText => ({
    en: `${flavor} cannot update stack ${stack} in place (it failed with an internal error${log ? `, see ${log}` : ''}): run ${command} --replace to delete the stack and deploy it fresh.`,
    ko: `${flavor}이(가) 스택 ${stack}을(를) 그 자리에서 업데이트하지 못합니다(내부 오류${log ? `, ${log} 참고` : ''}). ${command} --replace를 실행하면 스택을 지우고 새로 배포합니다.`,
  }),
  interrupted: (command: string, destroy: string): LocalizedText => ({
    en: `Interrupted: the stack may be half-deployed. Run ${command} again to finish (it waits for or removes an unfinished deploy first), or ${destroy} to remove it.`,
    ko: `중단되었습니다. 스택이 일부만 배포되었을 수 있습니다. ${command}을(를) 다시 실행해 마치거나(미완성 배포를 기다리거나 먼저 지웁니다), ${destroy}로 지우세요.`,
  }),
  stackBroken: (stack: string, status: string): LocalizedText => ({
    en: `Stack ${stack} is stuck in ${status}: run npm run local -- reset (local) or delete it in the CloudFormation console, then deploy again.`,
    ko: `스택 ${stack}이(가) ${status} 상태에 멈춰 있습니다. npm run local -- reset(로컬)을 실행하거나 CloudFormation 콘솔에서 지운 뒤 다시 배포하세요.`,
  }),
  confirmAws: (): LocalizedText => ({ en: 'Deploy? (yes/no) ', ko: '배포할까요? (yes/no) ' }),
  awsCost: (lab: string, solution: boolean, account: string, region: string, cost: string): LocalizedText => ({
    en: `About to deploy ${lab} (${appName(solution).en}) to REAL AWS: account ${account}, region ${region}. It costs about USD ${cost} per hour until you run npm run destroy -- ${lab} --target aws.`,
    ko: `${lab}(${appName(solution).ko})을(를) 실제 AWS에 배포합니다. 계정 ${account}, 리전 ${region}. npm run destroy -- ${lab} --target aws로 지울 때까지 시간당 약 ${cost} USD가 듭니다.`,
  }),
  awsCostRegions: (
    lab: string,
    solution: boolean,
    account: string,
    regions: ReadonlyArray<{ region: string; usd: string }>,
    total: string,
  ): LocalizedText => ({
    en: `About to deploy ${lab} (${appName(solution).en}) to REAL AWS: account ${account}, ${regions.map((r) => `region ${r.region} about USD ${r.usd} per hour`).join(', ')}: about USD ${total} per hour in all until you run npm run destroy -- ${lab} --target aws.`,
    ko: `${lab}(${appName(solution).ko})을(를) 실제 AWS에 배포합니다. 계정 ${account}, ${regions.map((r) => `리전 ${r.region} 시간당 약 ${r.usd} USD`).join(', ')}. npm run destroy -- ${lab} --target aws로 지울 때까지 모두 합쳐 시간당 약 ${total} USD가 듭니다.`,
  }),
  stepTarget: (label: string, lab: string, solution: boolean, stack: string): LocalizedText => ({
    en: `[1/4] Target: ${label}; lab ${lab} (${appName(solution).en}), stack ${stack}`,
    ko: `[1/4] 대상: ${label}, 실습 ${lab}(${appName(solution).ko}), 스택 ${stack}`,
  }),
  bootstrapping: (label: string): LocalizedText => ({
    en: `Bootstrapping ${label} for the CDK (first deploy only)...`,
    ko: `${label}에 CDK 부트스트랩을 합니다(첫 배포 때만)...`,
  }),
  removedUnfinished: (stack: string, status: string): LocalizedText => ({
    en: `Removed the unfinished stack ${stack} (${status}) left by an earlier deploy.`,
    ko: `이전 배포가 남긴 미완성 스택 ${stack}(${status})을(를) 지웠습니다.`,
  }),
  replacing: (stack: string): LocalizedText => ({
    en: `--replace: deleting stack ${stack} first, then deploying it fresh.`,
    ko: `--replace: 스택 ${stack}을(를) 먼저 지운 뒤 새로 배포합니다.`,
  }),
  outputsLeftOut: (outputs: string[], flavor: string): LocalizedText => ({
    en: `Left out the stack outputs ${outputs.join(', ')}: they read resources ${flavor} does not create.`,
    ko: `스택 출력 ${outputs.join(', ')}은(는) 뺐습니다. ${flavor}이(가) 만들지 않는 리소스를 읽기 때문입니다.`,
  }),
  leftoversBlockDeploy: (facts: {
    stacks: string[];
    items: string[];
    replacing: boolean;
    local: boolean;
    command: string;
    destroy: string;
    guide: LocalizedText;
  }): LocalizedText => {
    const stacks = facts.stacks.join(', ');
    const items = facts.items.join(', ');
    const fix = facts.local
      ? {
          en: `run npm run local -- reset (it empties local AWS, every lab's stacks included)`,
          ko: `npm run local -- reset을 실행하고(로컬 AWS를 모두 비웁니다. 다른 실습의 스택도 지워집니다)`,
        }
      : {
          en: `delete them as the lab guide's clean-up shows (${facts.guide.en})`,
          ko: `실습 안내의 정리 절(${facts.guide.ko})대로 지우고`,
        };
    return facts.replacing
      ? {
          en: `Stopped before --replace: deleting ${stacks} would keep ${items} (retained, with fixed names), and creating it again would fail on those names. Nothing was deleted or deployed: run ${facts.command} without --replace to update it, or run ${facts.destroy}, ${fix.en}, and deploy again.`,
          ko: `--replace 전에 멈췄습니다. ${stacks}을(를) 지워도 ${items}은(는) 남고(보존되며 이름이 고정됨), 다시 만들 때 그 이름에서 실패합니다. 아무것도 지우거나 배포하지 않았습니다. --replace 없이 ${facts.command}을(를) 실행해 업데이트하거나, ${facts.destroy}을(를) 실행한 뒤 ${fix.ko} 다시 배포하세요.`,
        }
      : {
          en: `Stopped before deploying: ${items} already exist (kept when this lab was destroyed before), and CloudFormation cannot create ${stacks} while their fixed names are taken. Nothing was deleted or deployed: ${fix.en}, then run ${facts.command} again.`,
          ko: `배포 전에 멈췄습니다. ${items}이(가) 이미 있어서(앞서 이 실습을 지울 때 보존된 것) 고정된 이름이 겹치므로 CloudFormation이 ${stacks}을(를) 만들 수 없습니다. 아무것도 지우거나 배포하지 않았습니다. ${fix.ko} ${facts.command}을(를) 다시 실행하세요.`,
        };
  },
  stepDeploying: (stack: string, update: boolean, region?: string): LocalizedText => ({
    en: `[2/4] ${update ? 'Updating' : 'Creating'} ${stack}${region ? ` in ${region}` : ''} with cdk deploy (progress below)...`,
    ko: `[2/4] cdk deploy로 ${region ? `${region}에 ` : ''}${stack}을(를) ${update ? '업데이트' : '생성'}합니다(진행 상황은 아래에)...`,
  }),
  stackNotInApp: (stack: string, dir: string): LocalizedText => ({
    en: `The app in ${dir} does not define stack ${stack}: name the stack ${stack} in its bin/ file (as the lab guide shows) and deploy again.`,
    ko: `${dir}의 앱에 스택 ${stack}이(가) 없습니다. bin/ 파일에서 스택 이름을 ${stack}(으)로 하고(실습 안내 참고) 다시 배포하세요.`,
  }),
  stackNotDefinedYet: (stack: string): LocalizedText => ({
    en: `Skipped stack ${stack}: the app does not define it yet (a later step of the lab adds it).`,
    ko: `스택 ${stack}은(는) 건너뜁니다. 앱에 아직 없습니다(실습의 뒤 단계에서 추가합니다).`,
  }),
  parameterStackMissing: (stack: string, parameter: string, producer: string): LocalizedText => ({
    en: `Stack ${stack} needs parameter ${parameter} from stack ${producer}, which was not deployed: define ${producer} in the app (see the lab guide) and deploy again.`,
    ko: `스택 ${stack}의 파라미터 ${parameter}은(는) 스택 ${producer}에서 받는데, ${producer}이(가) 배포되지 않았습니다. 앱에 ${producer}을(를) 정의하고(실습 안내 참고) 다시 배포하세요.`,
  }),
  parameterOutputMissing: (stack: string, parameter: string, producer: string, output: string): LocalizedText => ({
    en: `Stack ${stack} needs parameter ${parameter} from output ${output} of stack ${producer}, which has no such output: add new CfnOutput(this, '${output}', ...) to ${producer} and deploy again.`,
    ko: `스택 ${stack}의 파라미터 ${parameter}은(는) 스택 ${producer}의 출력 ${output}에서 받는데, 그런 출력이 없습니다. ${producer}에 new CfnOutput(this, '${output}', ...)을 추가하고 다시 배포하세요.`,
  }),
  stackDeployFailed: (stack: string, command: string): LocalizedText => ({
    en: `cdk deploy of stack ${stack} failed (see the output above): fix the cause and run ${command} again.`,
    ko: `스택 ${stack}의 cdk deploy에 실패했습니다(위 출력 참고). 원인을 고친 뒤 ${command}을(를) 다시 실행하세요.`,
  }),
  stackDestroyFailed: (stack: string, command: string): LocalizedText => ({
    en: `cdk destroy of stack ${stack} failed (see the output above): fix the cause and run ${command} again.`,
    ko: `스택 ${stack}의 cdk destroy에 실패했습니다(위 출력 참고). 원인을 고친 뒤 ${command}을(를) 다시 실행하세요.`,
  }),
  stepStack: (stack: string, status: string, resources: number): LocalizedText => ({
    en: `[3/4] Stack ${stack}: ${status}, ${resources} resources listed by CloudFormation.`,
    ko: `[3/4] 스택 ${stack}: ${status}, CloudFormation에 리소스 ${resources}개가 있습니다.`,
  }),
  uploaded: (files: number, bucket: string): LocalizedText => ({
    en: `[4/4] Uploaded ${files} files from site/ to s3://${bucket}.`,
    ko: `[4/4] site/의 파일 ${files}개를 s3://${bucket}에 올렸습니다.`,
  }),
  noSiteBucket: (): LocalizedText => ({
    en: '[4/4] The lab has a site/ folder but the stack has no website bucket yet: add it (see the lab guide) and deploy again.',
    ko: '[4/4] 실습에 site/ 폴더가 있지만 스택에 웹사이트 버킷이 아직 없습니다. 실습 안내대로 버킷을 추가하고 다시 배포하세요.',
  }),
  noSiteContent: (): LocalizedText => ({
    en: '[4/4] No site/ content to upload for this lab.',
    ko: '[4/4] 이 실습에는 올릴 site/ 파일이 없습니다.',
  }),
  notCreated: (flavor: string, types: string[]): LocalizedText => ({
    en: `Note: ${flavor} does not create ${types.join(', ')}; the checker skips the rules that need them.`,
    ko: `참고: ${flavor}은(는) ${types.join(', ')}을(를) 만들지 않습니다. checker는 이 리소스가 필요한 규칙을 건너뜁니다.`,
  }),
  checkNext: (command: string): LocalizedText => ({
    en: `Check what you deployed: ${command}`,
    ko: `배포한 것을 검사하세요: ${command}`,
  }),
  nothingToDestroy: (stack: string, label: string): LocalizedText => ({
    en: `Stack ${stack} does not exist on ${label}: nothing to destroy.`,
    ko: `${label}에 스택 ${stack}이(가) 없습니다. 지울 것이 없습니다.`,
  }),
  emptied: (bucket: string, objects: number): LocalizedText => ({
    en: `Emptied s3://${bucket} (${objects} objects).`,
    ko: `s3://${bucket}을(를) 비웠습니다(객체 ${objects}개).`,
  }),
  destroying: (stack: string, label: string): LocalizedText => ({
    en: `Destroying ${stack} on ${label}...`,
    ko: `${label}에서 ${stack}을(를) 지웁니다...`,
  }),
  emulatorKeptResources: (): LocalizedText => ({
    en: 'The emulator removed the stack but kept some of its resources (see above); npm run local -- reset clears them.',
    ko: '에뮬레이터가 스택은 지웠지만 리소스 일부를 남겼습니다(위 참고). npm run local -- reset으로 정리하세요.',
  }),
  stackGone: (stack: string): LocalizedText => ({
    en: `Stack ${stack} is gone.`,
    ko: `스택 ${stack}을(를) 지웠습니다.`,
  }),
  nothingLeft: (aws: boolean): LocalizedText =>
    aws
      ? { en: 'Nothing billable is left behind by this lab.', ko: '이 실습이 남긴 과금 리소스는 없습니다.' }
      : { en: 'Nothing is left behind (and local AWS costs nothing).', ko: '남은 리소스가 없습니다(로컬 AWS는 비용이 들지 않습니다).' },
  leftBehind: (): LocalizedText => ({ en: 'Left behind after the stack is gone:', ko: '스택을 지운 뒤에도 남은 리소스:' }),
  leftover: (type: string, id: string, why: LocalizedText, billed: LocalizedText | undefined, blocksRedeploy = false): LocalizedText => ({
    en: `  ${type} ${id} (${why.en}${billed ? `; billed: ${billed.en}` : ''}${blocksRedeploy ? '; blocks a redeploy' : ''})`,
    ko: `  ${type} ${id} (${why.ko}${billed ? `; 과금: ${billed.ko}` : ''}${blocksRedeploy ? '; 재배포를 막음' : ''})`,
  }),
  leftoversBlockRedeploy: (deploy: string, local: boolean, guide: LocalizedText): LocalizedText => ({
    en: `Those marked "blocks a redeploy" keep the fixed names the stack gives them: ${deploy} stops before deploying until you ${local ? 'run npm run local -- reset' : `delete them as the lab guide's clean-up shows (${guide.en})`}.`,
    ko: `"재배포를 막음" 표시가 붙은 리소스는 스택이 정한 고정 이름을 그대로 갖고 있습니다. ${local ? 'npm run local -- reset을 실행하기' : `실습 안내의 정리 절(${guide.ko})대로 지우기`} 전까지 ${deploy}은(는) 배포 전에 멈춥니다.`,
  }),
  bootstrapStays: (): LocalizedText => ({
    en: 'The CDK bootstrap stack CDKToolkit stays for the next lab (an S3 bucket and an ECR repository, near zero cost); delete it in the CloudFormation console when you finish the workshop.',
    ko: 'CDK 부트스트랩 스택 CDKToolkit은 다음 실습을 위해 남아 있습니다(S3 버킷과 ECR 리포지토리, 비용은 거의 없음). 워크숍을 마치면 CloudFormation 콘솔에서 지우세요.',
  }),
};

/** Why a resource outlives its stack, in both languages. */
export const LEFTOVER_REASONS: Record<'retained' | 'snapshot' | 'delete-failed', LocalizedText> = {
  retained: { en: 'kept by its DeletionPolicy', ko: 'DeletionPolicy로 보존됨' },
  snapshot: { en: 'a final snapshot was kept', ko: '마지막 스냅샷이 남음' },
  'delete-failed': { en: 'could not be deleted', ko: '삭제하지 못함' },
};
