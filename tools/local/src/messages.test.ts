import { LEFTOVER_REASONS, messageLang, msg } from './messages';

const guide = { en: '/docs/labs/x#cleanup', ko: '/ko/docs/labs/x#cleanup' };
const blockFacts = {
  stacks: ['ShopRecovery'],
  items: [
    'AWS::Backup::BackupVault shop-vault (ap-northeast-1)',
    'AWS::S3::Bucket shop-replica-123456789012-ap-northeast-1 (ap-northeast-1)',
  ],
  replacing: false,
  local: false,
  command: 'npm run deploy -- x --target aws',
  destroy: 'npm run destroy -- x --target aws',
  guide,
};

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
    ['interrupted', msg.interrupted('npm run deploy -- x', 'npm run destroy -- x')],
    ['stackBroken', msg.stackBroken('Shop', 'UPDATE_ROLLBACK_FAILED')],
    ['updateFailed', msg.updateFailed('Shop', 'npm run deploy -- x --solution')],
    ['updateRejected', msg.updateRejected('Shop', 'moto 5.2.5', 'npm run deploy -- x --solution', '/w/emulator.log')],
    ['confirmAws', msg.confirmAws()],
    ['awsCost', msg.awsCost('x', true, '123456789012', 'ap-northeast-2', '0.120')],
    ['stepTarget', msg.stepTarget('moto 5.2.5 at http://127.0.0.1:4566', 'x', false, 'Shop')],
    ['bootstrapping', msg.bootstrapping('moto 5.2.5 at http://127.0.0.1:4566')],
    ['removedUnfinished', msg.removedUnfinished('Shop', 'ROLLBACK_COMPLETE')],
    ['replacing', msg.replacing('Shop')],
    ['outputsLeftOut', msg.outputsLeftOut(['DatabaseSecretName'], 'moto 5.2.5')],
    ['stepDeploying', msg.stepDeploying('Shop', true)],
    ['stepStack', msg.stepStack('Shop', 'UPDATE_COMPLETE', 25)],
    ['uploaded', msg.uploaded(3, 'shop-site')],
    ['noSiteBucket', msg.noSiteBucket()],
    ['noSiteContent', msg.noSiteContent()],
    ['notCreated', msg.notCreated('moto 5.2.5', ['AWS::WAFv2::WebACL'])],
    ['checkNext', msg.checkNext('npx checker check x --live')],
    ['nothingToDestroy', msg.nothingToDestroy('Shop', 'moto 5.2.5 at http://127.0.0.1:4566')],
    ['emptied', msg.emptied('shop-site', 3)],
    ['destroying', msg.destroying('Shop', 'moto 5.2.5 at http://127.0.0.1:4566')],
    ['emulatorKeptResources', msg.emulatorKeptResources()],
    ['stackGone', msg.stackGone('Shop')],
    ['nothingLeft', msg.nothingLeft(true)],
    ['leftBehind', msg.leftBehind()],
    ['leftover', msg.leftover('AWS::S3::Bucket', 'shop-logs', LEFTOVER_REASONS.retained, { en: 'S3 storage', ko: 'S3 저장 요금' })],
    ['bootstrapStays', msg.bootstrapStays()],
    [
      'awsCostRegions',
      msg.awsCostRegions(
        'x',
        true,
        '123456789012',
        [
          { region: 'ap-northeast-2', usd: '0.120' },
          { region: 'ap-northeast-1', usd: '0.050' },
        ],
        '0.170',
      ),
    ],
    ['stackNotInApp', msg.stackNotInApp('Shop', 'labs/x')],
    ['stackNotDefinedYet', msg.stackNotDefinedYet('ShopRecovery')],
    ['parameterStackMissing', msg.parameterStackMissing('Shop', 'VaultName', 'ShopRecovery')],
    ['parameterOutputMissing', msg.parameterOutputMissing('Shop', 'VaultName', 'ShopRecovery', 'VaultName')],
    ['stackDeployFailed', msg.stackDeployFailed('ShopRecovery', 'npm run deploy -- x')],
    ['stackDestroyFailed', msg.stackDestroyFailed('ShopRecovery', 'npm run destroy -- x')],
    ['leftoversBlockDeploy', msg.leftoversBlockDeploy(blockFacts)],
    ['leftoversBlockRedeploy', msg.leftoversBlockRedeploy('npm run deploy -- x', false, guide)],
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

  test('a failed update names the command that recovers, and no message promises to resume a stopped deploy', () => {
    expect(msg.updateRejected('ShopVpcMigration', 'moto 5.2.5', 'npm run deploy -- vpc-migration --solution', undefined).en).toBe(
      'moto 5.2.5 cannot update stack ShopVpcMigration in place (it failed with an internal error): run npm run deploy -- vpc-migration --solution --replace to delete the stack and deploy it fresh.',
    );
    expect(msg.updateFailed('Shop', 'npm run deploy -- x').ko).toContain('npm run deploy -- x --replace');
    for (const [, text] of samples) expect(`${text.en} ${text.ko}`).not.toMatch(/picks up where|where it stopped|이어서 진행/);
  });

  test('leftovers that block a deploy are named with what to do: the guide on AWS, a reset locally, never a deletion by the tool', () => {
    const aws = msg.leftoversBlockDeploy(blockFacts);
    expect(aws.en).toBe(
      "Stopped before deploying: AWS::Backup::BackupVault shop-vault (ap-northeast-1), AWS::S3::Bucket shop-replica-123456789012-ap-northeast-1 (ap-northeast-1) already exist (kept when this lab was destroyed before), and CloudFormation cannot create ShopRecovery while their fixed names are taken. Nothing was deleted or deployed: delete them as the lab guide's clean-up shows (/docs/labs/x#cleanup), then run npm run deploy -- x --target aws again.",
    );
    expect(aws.ko).toContain('/ko/docs/labs/x#cleanup');
    const local = msg.leftoversBlockDeploy({ ...blockFacts, local: true, command: 'npm run deploy -- x' });
    expect(local.en).toContain('run npm run local -- reset');
    expect(local.en).not.toContain('#cleanup');
    const replace = msg.leftoversBlockDeploy({ ...blockFacts, replacing: true });
    expect(replace.en).toMatch(/^Stopped before --replace: deleting ShopRecovery would keep /);
    expect(replace.en).toContain(
      "run npm run destroy -- x --target aws, delete them as the lab guide's clean-up shows (/docs/labs/x#cleanup)",
    );
    expect(msg.leftover('AWS::Backup::BackupVault', 'shop-vault', LEFTOVER_REASONS.retained, undefined, true).en).toBe(
      '  AWS::Backup::BackupVault shop-vault (kept by its DeletionPolicy; blocks a redeploy)',
    );
  });

  test('Korean is chosen by WORKSHOP_LANG or LANG', () => {
    expect(messageLang({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(messageLang({ WORKSHOP_LANG: 'ko', LANG: 'en_US.UTF-8' })).toBe('ko');
    expect(messageLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(messageLang({})).toBe('en');
  });
});
