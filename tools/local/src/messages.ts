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

/** The one-line messages of the local commands, each a function of the facts it mentions. */
export const msg = {
  usageLocal: (): LocalizedText => ({
    en: 'usage: npm run local -- up|down|status|reset|install [--emulator] [--port N]',
    ko: '사용법: npm run local -- up|down|status|reset|install [--emulator] [--port N]',
  }),
  usageDeploy: (command: string): LocalizedText => ({
    en: `usage: npm run ${command} -- <lab-id> [--target local|aws] [--solution]${command === 'deploy' ? ' [--yes]' : ''}`,
    ko: `사용법: npm run ${command} -- <실습-id> [--target local|aws] [--solution]${command === 'deploy' ? ' [--yes]' : ''}`,
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
    en: `cdk ${step} failed (see the output above); fix the cause and run ${command} again: a stopped deploy picks up where it left off.`,
    ko: `cdk ${step}에 실패했습니다(위 출력 참고). 원인을 고친 뒤 ${command}을(를) 다시 실행하세요. 중단된 배포는 이어서 진행됩니다.`,
  }),
  interrupted: (command: string): LocalizedText => ({
    en: `Interrupted. Run ${command} again to finish: the deploy recovers from where it stopped.`,
    ko: `중단되었습니다. ${command}을(를) 다시 실행하면 멈춘 곳부터 복구해 마칩니다.`,
  }),
  stackBroken: (stack: string, status: string): LocalizedText => ({
    en: `Stack ${stack} is stuck in ${status}: run npm run local -- reset (local) or delete it in the CloudFormation console, then deploy again.`,
    ko: `스택 ${stack}이(가) ${status} 상태에 멈춰 있습니다. npm run local -- reset(로컬)을 실행하거나 CloudFormation 콘솔에서 지운 뒤 다시 배포하세요.`,
  }),
};
