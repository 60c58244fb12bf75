import type { DescribeSecretResponse } from '@aws-sdk/client-secrets-manager';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, ref, userTags, type Fetcher } from './types';

/**
 * AWS Secrets Manager: secret metadata only (DescribeSecret). The checker never reads a secret's
 * value. A SecretTargetAttachment's target is not visible through read-only calls, so its TargetId
 * is left unresolved and a rule that needs it reports ERROR rather than guessing.
 */
export const secretsManagerFetcher: Fetcher = {
  service: 'secretsmanager',
  types: ['AWS::SecretsManager::Secret', 'AWS::SecretsManager::SecretTargetAttachment'],
  fetch: async (context, entries) => {
    const out: Resource[] = [];
    const secrets = idsOf(entries, 'AWS::SecretsManager::Secret');
    await Promise.all(
      secrets.map(async (secretId) => {
        const secret = await context.caller.call<DescribeSecretResponse | undefined>(
          'secretsmanager',
          'DescribeSecret',
          { SecretId: secretId },
          { absent: ['ResourceNotFoundException'] },
        );
        if (!secret || secret.DeletedDate) {
          context.progress(`AWS::SecretsManager::Secret ${secretId} listed by the stack but not found`);
          return;
        }
        out.push({
          id: secretId,
          type: 'AWS::SecretsManager::Secret',
          physicalId: secretId,
          properties: compact({
            Name: secret.Name,
            Description: secret.Description,
            KmsKeyId: secret.KmsKeyId,
            // The Regions the secret is replicated to, in the template's shape (the replicas are billed as secrets there).
            ReplicaRegions: secret.ReplicationStatus?.map(({ Region, KmsKeyId }) => compact({ Region, KmsKeyId })),
            Tags: userTags(secret.Tags),
          }),
          live: liveFacts(entries, secretId, {
            arn: secret.ARN,
            rotationEnabled: secret.RotationEnabled,
            owningService: secret.OwningService,
          }),
        });
      }),
    );
    for (const attachment of idsOf(entries, 'AWS::SecretsManager::SecretTargetAttachment')) {
      const id = `${attachment}|attachment`;
      out.push({
        id,
        type: 'AWS::SecretsManager::SecretTargetAttachment',
        physicalId: attachment,
        properties: {
          SecretId: ref(attachment),
          TargetId: { $unresolved: 'the database a secret is attached to is not visible through read-only API calls' },
          TargetType: { $unresolved: 'the target type of a secret attachment is not visible through read-only API calls' },
        },
        live: liveFacts(entries, attachment),
      });
    }
    return out;
  },
};
