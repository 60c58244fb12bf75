import type { LocalArgs } from './args';
import { EMULATOR_FLAVOR, installEmulator, isEmulatorProcess, resetEmulator, startEmulator, stopProcess } from './emulator';
import { probeEndpoint } from './health';
import { dockerStatus, startLocalStack, stopLocalStack } from './localstack';
import { LocalError, messageLang, msg } from './messages';
import { choosePort } from './ports';
import { clearState, readState, statePath, writeState, type LocalState } from './state';

type Print = (en: string, ko: string) => void;

function describe(state: LocalState, print: Print): void {
  print(
    `Local AWS: ${state.flavor} at ${state.endpoint} (region ${state.region}, account ${state.accountId})`,
    `로컬 AWS: ${state.flavor}, 주소 ${state.endpoint}(리전 ${state.region}, 계정 ${state.accountId})`,
  );
  print(`Emulates: ${state.services.join(', ')}`, `에뮬레이션하는 서비스: ${state.services.join(', ')}`);
  if (state.unsupportedResourceTypes.length)
    print(
      `Not created by its CloudFormation (their checks are skipped): ${state.unsupportedResourceTypes.join(', ')}`,
      `이 대상의 CloudFormation이 만들지 않는 리소스(해당 검사는 건너뜀): ${state.unsupportedResourceTypes.join(', ')}`,
    );
  if (state.logFile) print(`Log: ${state.logFile}`, `로그: ${state.logFile}`);
  print(`State file (read by deploy and the checker): ${statePath()}`, `상태 파일(deploy와 checker가 읽음): ${statePath()}`);
}

/** True when the recorded endpoint answers. */
async function isUp(state: LocalState): Promise<boolean> {
  return Boolean(await probeEndpoint(state.endpoint, state.region));
}

/** Brings local AWS up: reuses a running one, else LocalStack when Docker answers, else the embedded emulator. */
export async function up(args: LocalArgs, env: NodeJS.ProcessEnv, print: Print): Promise<LocalState> {
  const existing = readState(env);
  if (existing && (await isUp(existing))) {
    print('Local AWS is already running.', '로컬 AWS가 이미 실행 중입니다.');
    describe(existing, print);
    return existing;
  }
  if (existing) await down(env, () => undefined);

  let state: LocalState;
  const docker = args.emulator ? undefined : await dockerStatus();
  if (docker?.ok) {
    print(
      'Docker is reachable: starting LocalStack (the first pull takes a few minutes)...',
      'Docker에 연결되었습니다. LocalStack을 시작합니다(첫 이미지 내려받기는 몇 분 걸립니다)...',
    );
    state = await startLocalStack(env);
  } else {
    if (docker && !docker.ok)
      print(
        `No Docker engine (${docker.reason}): using the embedded emulator.`,
        `Docker 엔진이 없습니다(${docker.reason}). 내장 에뮬레이터를 씁니다.`,
      );
    installEmulator(env, print);
    const { port, moved } = await choosePort(args.port);
    if (moved) {
      const text = msg.portTaken(args.port, port);
      print(text.en, text.ko);
    }
    print(`Starting ${EMULATOR_FLAVOR} on 127.0.0.1:${port}...`, `127.0.0.1:${port}에서 ${EMULATOR_FLAVOR}을(를) 시작합니다...`);
    state = await startEmulator(port, env);
  }
  writeState(state, env);
  describe(state, print);
  return state;
}

/** Stops whatever the state file records and removes the state file. */
export async function down(env: NodeJS.ProcessEnv, print: Print): Promise<void> {
  const state = readState(env);
  if (!state) {
    print('Local AWS is not running.', '로컬 AWS가 실행 중이 아닙니다.');
    return;
  }
  if (state.kind === 'emulator' && state.pid && isEmulatorProcess(state.pid)) await stopProcess(state.pid);
  if (state.kind === 'localstack' && state.containerId) {
    const docker = await dockerStatus();
    if (!docker.ok) throw new LocalError(msg.noDocker(docker.reason));
    await stopLocalStack(state.containerId);
  }
  clearState(env);
  print(`Stopped ${state.flavor} at ${state.endpoint}.`, `${state.endpoint}의 ${state.flavor}을(를) 멈췄습니다.`);
}

/** Prints what runs, and whether it answers; a crashed emulator is reported with its log. */
export async function status(env: NodeJS.ProcessEnv, print: Print): Promise<LocalState | undefined> {
  const state = readState(env);
  if (!state) {
    const text = msg.notRunning();
    print(text.en, text.ko);
    return undefined;
  }
  if (!(await isUp(state))) {
    if (state.kind === 'emulator' && state.logFile && !isEmulatorProcess(state.pid))
      throw new LocalError(msg.emulatorCrashed(state.logFile));
    throw new LocalError(msg.endpointDown(state.endpoint, state.logFile));
  }
  describe(state, print);
  return state;
}

/** Deletes every resource in local AWS (stacks, buckets, bootstrap) and keeps it running. */
export async function reset(args: LocalArgs, env: NodeJS.ProcessEnv, print: Print): Promise<LocalState> {
  const state = readState(env);
  if (state?.kind === 'emulator' && (await isUp(state))) {
    await resetEmulator(state.endpoint);
    print(
      `Reset ${state.flavor} at ${state.endpoint}: every resource is gone.`,
      `${state.endpoint}의 ${state.flavor}을(를) 초기화했습니다. 모든 리소스가 지워졌습니다.`,
    );
    return state;
  }
  // LocalStack (or nothing running): a fresh start is the reliable reset.
  await down(env, () => undefined);
  return up(args, env, print);
}

/** Runs one `npm run local` command. */
export async function runLocal(args: LocalArgs, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const print: Print = (en, ko) => console.log(messageLang(env) === 'ko' ? ko : en);
  switch (args.command) {
    case 'up':
      await up(args, env, print);
      return;
    case 'down':
      await down(env, print);
      return;
    case 'status':
      await status(env, print);
      return;
    case 'reset':
      await reset(args, env, print);
      return;
    case 'install':
      installEmulator(env, print);
      print(`${EMULATOR_FLAVOR} is installed.`, `${EMULATOR_FLAVOR} 설치가 끝났습니다.`);
      return;
  }
}
