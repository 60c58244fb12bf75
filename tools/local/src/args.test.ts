import { LocalError } from './messages';
import { commandLine, parseDeployArgs, parseLocalArgs } from './args';

function errorOf(fn: () => unknown): LocalError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LocalError) return error;
    throw error;
  }
  throw new Error('expected a LocalError');
}

describe('parseLocalArgs', () => {
  test('reads the command, --emulator and --port in either form', () => {
    expect(parseLocalArgs(['up'], {})).toEqual({ command: 'up', emulator: false, port: 4566, portGiven: false });
    expect(parseLocalArgs(['up', '--emulator', '--port', '4600'], {})).toEqual({
      command: 'up',
      emulator: true,
      port: 4600,
      portGiven: true,
    });
    expect(parseLocalArgs(['--port=5000', 'status'], {}).port).toBe(5000);
  });

  test('WORKSHOP_LOCAL=emulator selects the embedded emulator', () => {
    expect(parseLocalArgs(['up'], { WORKSHOP_LOCAL: 'emulator' }).emulator).toBe(true);
  });

  test('rejects a missing or unknown command, unknown options and bad ports with the usage line', () => {
    expect(errorOf(() => parseLocalArgs([], {})).text.en).toMatch(/^usage: npm run local -- up\|down\|status\|reset\|install/);
    expect(errorOf(() => parseLocalArgs(['start'], {})).text.en).toMatch(/^Unknown command "start"\. usage:/);
    expect(errorOf(() => parseLocalArgs(['up', '--fast'], {})).text.en).toMatch(/^Unknown option --fast\./);
    expect(errorOf(() => parseLocalArgs(['up', '--port', '80'], {})).text.en).toBe(
      '--port must be a port number between 1024 and 65535, not "80".',
    );
    expect(errorOf(() => parseLocalArgs(['up', '--port'], {})).exitCode).toBe(2);
  });
});

describe('parseDeployArgs', () => {
  test('defaults to the local target and the starter', () => {
    expect(parseDeployArgs('deploy', ['vpc-migration'])).toEqual({
      command: 'deploy',
      labId: 'vpc-migration',
      target: 'local',
      solution: false,
      replace: false,
      yes: false,
    });
  });

  test('reads --target, --solution, --replace and --yes', () => {
    expect(parseDeployArgs('deploy', ['--target', 'aws', 'vpc-migration', '--solution', '--replace', '--yes'])).toEqual({
      command: 'deploy',
      labId: 'vpc-migration',
      target: 'aws',
      solution: true,
      replace: true,
      yes: true,
    });
    expect(parseDeployArgs('destroy', ['vpc-migration', '--target=local']).target).toBe('local');
  });

  test('suggests the nearest lab id for a typo', () => {
    const error = errorOf(() => parseDeployArgs('deploy', ['vpc-migraton']));
    expect(error.text.en).toMatch(/^Unknown lab "vpc-migraton"\. Did you mean "vpc-migration"\? Labs: on-prem-baseline, /);
    expect(error.text.ko).toContain('"vpc-migration"을(를) 찾으셨나요?');
    expect(error.exitCode).toBe(2);
  });

  test('rejects a missing lab, a bad target and a second lab id', () => {
    expect(errorOf(() => parseDeployArgs('deploy', [])).text.en).toMatch(/^Which lab\? usage: npm run deploy -- <lab-id>/);
    expect(errorOf(() => parseDeployArgs('deploy', ['vpc-migration', '--target', 'cloud'])).text.en).toBe(
      '--target must be "local" or "aws", not "cloud".',
    );
    expect(errorOf(() => parseDeployArgs('destroy', ['vpc-migration', 'multi-az-rds'])).text.en).toMatch(
      /^Unknown option multi-az-rds\. usage: npm run destroy/,
    );
  });

  test('--replace belongs to deploy only', () => {
    expect(errorOf(() => parseDeployArgs('destroy', ['vpc-migration', '--replace'])).text.en).toMatch(
      /^Unknown option --replace\. usage: npm run destroy -- <lab-id> \[--target local\|aws\] \[--solution\]$/,
    );
  });
});

describe('commandLine', () => {
  test('gives back the command that runs the same deploy or destroy again', () => {
    expect(commandLine({ command: 'deploy', labId: 'vpc-migration', target: 'local', solution: true })).toBe(
      'npm run deploy -- vpc-migration --solution',
    );
    expect(commandLine({ command: 'destroy', labId: 'multi-az-rds', target: 'aws', solution: false })).toBe(
      'npm run destroy -- multi-az-rds --target aws',
    );
  });
});
