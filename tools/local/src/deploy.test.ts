import type { Lab } from '@workshop/catalog';
import { deployStacks } from './context';
import { deployFailure, liveCheckCommand } from './deploy';

describe('a failed cdk deploy', () => {
  const xmlError = [
    '❌  ShopVpcMigration failed to deploy',
    '‣ Error: @aws-sdk XML parse error: mismatched tags <html> and </title>.',
    '  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
  ].join('\n');

  test('with no stack before it is a failed first deploy', () => {
    expect(deployFailure(undefined, xmlError, true)).toBe('create');
  });

  test('an update the local emulator answers with an internal error is one it cannot apply', () => {
    expect(deployFailure('CREATE_COMPLETE', xmlError, true)).toBe('emulator-update');
    expect(deployFailure('UPDATE_COMPLETE', 'UpdateStack failed: InternalFailure', true)).toBe('emulator-update');
  });

  test('any other failed update (or one on real AWS) is the template’s: fix it or replace the stack', () => {
    expect(deployFailure('CREATE_COMPLETE', 'Resource handler returned message: "Invalid CIDR"', true)).toBe('update');
    expect(deployFailure('UPDATE_COMPLETE', xmlError, false)).toBe('update');
  });
});

describe('the check command printed after a deploy', () => {
  test('local AWS: the recorded endpoint is found by the checker; real AWS: the region is named', () => {
    expect(liveCheckCommand({ id: 'vpc-migration' }, { kind: 'local', region: 'us-east-1' })).toBe(
      'npx checker check vpc-migration --live',
    );
    expect(liveCheckCommand({ id: 'vpc-migration' }, { kind: 'aws', region: 'ap-northeast-2' })).toBe(
      'npx checker check vpc-migration --live --region ap-northeast-2',
    );
  });
});

describe('a lab with stacks in two Regions', () => {
  const lab = {
    id: 'two-region',
    stackName: 'ShopTwin',
    stacks: [
      { name: 'ShopTwinRecovery', region: 'secondary' as const },
      { name: 'ShopTwin', region: 'primary' as const, parameters: { Arn: { stack: 'ShopTwinRecovery', output: 'Arn' } } },
    ],
  };

  test('deploys its stacks in catalog order, primary ones to the target Region and the others to the second Region', () => {
    expect(deployStacks({ ...lab } as unknown as Lab, 'us-east-1').map(({ name, regionName }) => [name, regionName])).toEqual([
      ['ShopTwinRecovery', 'ap-northeast-1'],
      ['ShopTwin', 'us-east-1'],
    ]);
    expect(deployStacks({ ...lab, secondaryRegion: 'eu-west-1' } as unknown as Lab, 'ap-northeast-2')[0].regionName).toBe('eu-west-1');
    expect(deployStacks({ id: 'one', stackName: 'ShopOne' } as Lab, 'us-east-1')).toEqual([
      { name: 'ShopOne', region: 'primary', regionName: 'us-east-1' },
    ]);
  });

  test('the check command stays one command: local finds both Regions in the record, real AWS names them', () => {
    expect(liveCheckCommand(lab, { kind: 'local', region: 'us-east-1' })).toBe('npx checker check two-region --live');
    expect(liveCheckCommand(lab, { kind: 'aws', region: 'ap-northeast-2' })).toBe(
      'npx checker check two-region --live --region ap-northeast-2 --secondary-region ap-northeast-1',
    );
  });
});
