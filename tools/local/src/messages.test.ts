import { messageLang, msg } from './messages';

describe('messages', () => {
  const usage = msg.usageLocal();
  const samples: [string, { en: string; ko: string }][] = [
    ['usageLocal', usage],
    ['usageDeploy', msg.usageDeploy('deploy')],
    ['unknownOption', msg.unknownOption('--fast', usage)],
    ['unknownCommand', msg.unknownCommand('start', usage)],
    ['missingLab', msg.missingLab(msg.usageDeploy('deploy'), ['a', 'b'])],
    ['unknownLab', msg.unknownLab('vpc', 'vpc-migration', ['vpc-migration'])],
    ['badTarget', msg.badTarget('cloud')],
    ['badPort', msg.badPort('80')],
    ['portTaken', msg.portTaken(4566, 40000)],
    ['pythonMissing', msg.pythonMissing()],
    ['pythonTooOld', msg.pythonTooOld('3.8.1')],
    ['installFailed', msg.installFailed('/w/install.log')],
    ['emulatorCrashed', msg.emulatorCrashed('/w/emulator.log')],
    ['emulatorSlow', msg.emulatorSlow(30, '/w/emulator.log')],
    ['notRunning', msg.notRunning()],
    ['endpointDown', msg.endpointDown('http://127.0.0.1:4566', '/w/emulator.log')],
    ['noDocker', msg.noDocker('no socket')],
    ['awsNoCredentials', msg.awsNoCredentials('no profile')],
    ['awsNoRegion', msg.awsNoRegion()],
    ['awsNeedsConfirmation', msg.awsNeedsConfirmation()],
    ['awsCancelled', msg.awsCancelled()],
    ['labMissing', msg.labMissing('labs/x')],
    ['cdkFailed', msg.cdkFailed('deploy', 'npm run deploy -- x')],
    ['interrupted', msg.interrupted('npm run deploy -- x')],
    ['stackBroken', msg.stackBroken('Shop', 'UPDATE_ROLLBACK_FAILED')],
  ];

  test('every message has a sample here', () => {
    expect(samples.map(([name]) => name).sort()).toEqual(Object.keys(msg).sort());
  });

  test.each(samples)('%s is one line in English and Korean', (_name, text) => {
    for (const line of [text.en, text.ko]) {
      expect(line.trim().length).toBeGreaterThan(10);
      expect(line).not.toContain('\n');
    }
    expect(text.ko).toMatch(/[가-힣]/);
    expect(text.ko).not.toBe(text.en);
  });

  test('errors that need an action name the command to run', () => {
    expect(msg.emulatorCrashed('/w/.workshop/emulator-4566.log').en).toBe(
      'The local emulator stopped unexpectedly: its log is /w/.workshop/emulator-4566.log; run npm run local -- up to start it again.',
    );
    expect(msg.endpointDown('http://127.0.0.1:4566', undefined).en).toBe(
      'Local AWS at http://127.0.0.1:4566 does not answer: run npm run local -- up, then run this command again.',
    );
    expect(msg.portTaken(4566, 40123).en).toBe('Port 4566 is already in use, so local AWS uses port 40123 instead.');
  });

  test('Korean is chosen by WORKSHOP_LANG or LANG', () => {
    expect(messageLang({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(messageLang({ WORKSHOP_LANG: 'ko', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(messageLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(messageLang({})).toBe('en');
  });
});
