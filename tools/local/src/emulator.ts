import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalError, msg } from './messages';
import { findPython } from './python';
import { waitForEndpoint } from './health';
import { workshopDir, type LocalState } from './state';

/**
 * The embedded emulator: moto's server mode, chosen by the measurements in MEASUREMENTS.md (it is the one
 * of moto, MiniStack and LocalStack host mode that deploys labs 1-4 without Docker). Exact pin: bump it only
 * after measuring again.
 */
export const EMULATOR = {
  name: 'moto',
  version: '5.2.5',
  pipSpec: 'moto[server]==5.2.5',
} as const;

/** The services the workshop's labs and checker call, all answered by moto's server. */
export const EMULATOR_SERVICES = [
  'cloudformation',
  'ec2',
  'elasticloadbalancing',
  'autoscaling',
  'rds',
  's3',
  'iam',
  'sts',
  'route53',
  'secretsmanager',
  'kms',
  'logs',
  'ssm',
  'monitoring',
  'cloudfront',
  'wafv2',
  'cloudtrail',
  'guardduty',
];

/**
 * Resource types of the labs that moto 5.2.5's CloudFormation does not create (measured: they are left out
 * of ListStackResources, and a GetAtt on one of them fails the whole deploy; subnet-route table
 * associations are listed but not applied, DescribeRouteTables shows none).
 */
export const EMULATOR_UNSUPPORTED_TYPES = [
  'AWS::AutoScaling::ScalingPolicy',
  'AWS::CloudFront::Distribution',
  'AWS::CloudFront::OriginAccessControl',
  'AWS::CloudTrail::Trail',
  'AWS::CloudWatch::Alarm',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::NetworkAclEntry',
  'AWS::EC2::SecurityGroupEgress',
  'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::GuardDuty::Detector',
  'AWS::S3::BucketPolicy',
  'AWS::SecretsManager::Secret',
  'AWS::SecretsManager::SecretTargetAttachment',
  'AWS::WAFv2::WebACL',
  'AWS::WAFv2::WebACLAssociation',
];

/** The flavor string recorded in the state file. */
export const EMULATOR_FLAVOR = `${EMULATOR.name} ${EMULATOR.version}`;

/** The project-local virtual environment of the pinned emulator (its version is in the folder name). */
export function venvDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), `venv-${EMULATOR.name}-${EMULATOR.version}`);
}

/** The venv's Python interpreter. */
export function venvPython(env: NodeJS.ProcessEnv = process.env): string {
  return process.platform === 'win32' ? path.join(venvDir(env), 'Scripts', 'python.exe') : path.join(venvDir(env), 'bin', 'python');
}

/** The log file of the emulator on `port`. */
export function emulatorLog(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(workshopDir(env), `emulator-${port}.log`);
}

/** True when the venv holds the pinned emulator (a marker is written after a complete install). */
export function isInstalled(env: NodeJS.ProcessEnv = process.env): boolean {
  const marker = path.join(venvDir(env), 'workshop-installed.txt');
  return fs.existsSync(venvPython(env)) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === EMULATOR.pipSpec;
}

/**
 * Creates the venv with Python 3.10+ and installs the pinned emulator from PyPI, unless it is already there.
 * Output goes to .workshop/install.log; `log` gets the progress line in English and Korean.
 */
export function installEmulator(
  env: NodeJS.ProcessEnv = process.env,
  log: (en: string, ko: string) => void = (en) => console.log(en),
): void {
  if (isInstalled(env)) return;
  const python = findPython(env);
  const dir = venvDir(env);
  const logFile = path.join(workshopDir(env), 'install.log');
  fs.mkdirSync(workshopDir(env), { recursive: true });
  const where = path.relative(process.cwd(), dir) || dir;
  log(
    `Installing ${EMULATOR.pipSpec} with Python ${python.version} into ${where} (once; about a minute)...`,
    `${EMULATOR.pipSpec}을(를) Python ${python.version}으로 ${where}에 설치합니다(한 번만, 1분 정도)...`,
  );
  const out = fs.openSync(logFile, 'w');
  try {
    const steps: [string, string[]][] = [
      [python.command, ['-m', 'venv', '--clear', dir]],
      [venvPython(env), ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', EMULATOR.pipSpec]],
    ];
    for (const [command, args] of steps) {
      const result = spawnSync(command, args, { stdio: ['ignore', out, out], timeout: 15 * 60_000 });
      if (result.status !== 0) throw new LocalError(msg.installFailed(logFile));
    }
  } finally {
    fs.closeSync(out);
  }
  fs.writeFileSync(path.join(dir, 'workshop-installed.txt'), EMULATOR.pipSpec + '\n');
}

/** True when process `pid` is alive and is our emulator (guards against a recycled pid). */
export function isEmulatorProcess(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('moto');
  } catch {
    return true; // no /proc (macOS): the pid is alive, trust the state file
  }
}

/**
 * Starts the installed emulator on 127.0.0.1:`port`, detached so it outlives this command, logging to
 * .workshop/emulator-<port>.log, and waits until it answers. Throws a LocalError naming the log when it exits or
 * does not answer within `timeoutMs`.
 */
export async function startEmulator(port: number, env: NodeJS.ProcessEnv = process.env, timeoutMs = 30_000): Promise<LocalState> {
  const logFile = emulatorLog(port, env);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawn(venvPython(env), ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...env, PYTHONUNBUFFERED: '1' },
  });
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  child.unref();
  const endpoint = `http://127.0.0.1:${port}`;
  const region = 'us-east-1';
  const accountId = await waitForEndpoint(endpoint, region, timeoutMs, () => exited).catch(async (error: unknown) => {
    if (child.pid && !exited) await stopProcess(child.pid);
    if (exited) throw new LocalError(msg.emulatorCrashed(logFile));
    if (error instanceof LocalError) throw error;
    throw new LocalError(msg.emulatorSlow(Math.round(timeoutMs / 1000), logFile));
  });
  return {
    endpoint,
    kind: 'emulator',
    flavor: EMULATOR_FLAVOR,
    services: EMULATOR_SERVICES,
    region,
    accountId,
    unsupportedResourceTypes: EMULATOR_UNSUPPORTED_TYPES,
    pid: child.pid,
    logFile,
    startedAt: new Date().toISOString(),
  };
}

/** Stops a process: SIGTERM, then SIGKILL if it is still alive after `graceMs`. */
export async function stopProcess(pid: number, graceMs = 5_000): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}

/** Clears every resource in the emulator (moto's reset API), keeping it running. */
export async function resetEmulator(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`reset answered ${response.status}`);
}
