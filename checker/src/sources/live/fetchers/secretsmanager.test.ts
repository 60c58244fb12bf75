import { isUnresolved } from '../../../model/types';
import { runFetcher } from '../test-transport';
import { secretsManagerFetcher } from './secretsmanager';

const arn = 'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:DbSecret-abc';

describe('secretsmanager fetcher', () => {
  it('reads secret metadata only, and leaves the attachment target unresolved rather than guessing', async () => {
    const { byId, requests } = await runFetcher(
      secretsManagerFetcher,
      { 'secretsmanager:DescribeSecret': { ARN: arn, Name: 'DbSecret-abc', Description: 'db', RotationEnabled: false } },
      [
        { logicalId: 'DbSecret', physicalId: arn, type: 'AWS::SecretsManager::Secret' },
        { logicalId: 'DbSecretAttachment', physicalId: arn, type: 'AWS::SecretsManager::SecretTargetAttachment' },
      ],
    );
    expect(byId(arn)).toMatchObject({
      type: 'AWS::SecretsManager::Secret',
      properties: { Name: 'DbSecret-abc', Description: 'db' },
      live: { arn, rotationEnabled: false },
    });
    const attachment = byId(`${arn}|attachment`);
    expect(attachment.properties.SecretId).toEqual({ $ref: arn });
    expect(isUnresolved(attachment.properties.TargetId)).toBe(true);
    expect(requests.map((request) => request.command)).toEqual(['DescribeSecret']);
  });

  it('reads the Regions a secret is replicated to, in the template shape, and none when it has no replica', async () => {
    const replicated = await runFetcher(
      secretsManagerFetcher,
      {
        'secretsmanager:DescribeSecret': {
          ARN: arn,
          Name: 'DbSecret-abc',
          ReplicationStatus: [{ Region: 'ap-northeast-1', KmsKeyId: 'alias/aws/secretsmanager', Status: 'InSync' }],
        },
      },
      [{ logicalId: 'DbSecret', physicalId: arn, type: 'AWS::SecretsManager::Secret' }],
    );
    expect(replicated.byId(arn).properties.ReplicaRegions).toEqual([{ Region: 'ap-northeast-1', KmsKeyId: 'alias/aws/secretsmanager' }]);
    const single = await runFetcher(secretsManagerFetcher, { 'secretsmanager:DescribeSecret': { ARN: arn, Name: 'DbSecret-abc' } }, [
      { logicalId: 'DbSecret', physicalId: arn, type: 'AWS::SecretsManager::Secret' },
    ]);
    expect(single.byId(arn).properties).not.toHaveProperty('ReplicaRegions');
  });
});
