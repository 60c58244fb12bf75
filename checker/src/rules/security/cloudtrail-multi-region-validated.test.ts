import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { addSecurity, grownShopGraph, stackGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cloudtrailMultiRegionValidated } from './cloudtrail-multi-region-validated';

describe('cloudtrail-multi-region-validated', () => {
  it('passes for a multi-Region trail with validation into an encrypted bucket', () => {
    expect(
      judge(
        cloudtrailMultiRegionValidated,
        grownShopGraph((shop) => addSecurity(shop)),
      ).status,
    ).toBe('PASS');
  });

  it('accepts an L1 trail writing to a bucket of another stack, with a KMS key', () => {
    const graph = stackGraph((stack) => {
      new cloudtrail.CfnTrail(stack, 'Trail', {
        isLogging: true,
        s3BucketName: 'org-audit-logs',
        isMultiRegionTrail: true,
        enableLogFileValidation: true,
        kmsKeyId: 'arn:aws:kms:ap-northeast-2:123456789012:key/abc',
      });
    });
    expect(judge(cloudtrailMultiRegionValidated, graph).message.en).toContain('KMS');
  });

  it('fails for a single-Region trail, without validation, and without a trail', () => {
    expect(
      judge(
        cloudtrailMultiRegionValidated,
        grownShopGraph((shop) => addSecurity(shop, { trail: { multiRegion: false } })),
      ).message.en,
    ).toContain('one Region only');
    expect(
      judge(
        cloudtrailMultiRegionValidated,
        grownShopGraph((shop) => addSecurity(shop, { trail: { validation: false } })),
      ).message.en,
    ).toContain('validation is off');
    expect(
      judge(
        cloudtrailMultiRegionValidated,
        grownShopGraph((shop) => addSecurity(shop, { trail: false })),
      ).status,
    ).toBe('FAIL');
  });
});
