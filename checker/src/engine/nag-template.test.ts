import * as s3 from 'aws-cdk-lib/aws-s3';
import { stackGraph } from '../rules/fixtures/grown-shop';
import { graphToTemplate, UNRESOLVED_PLACEHOLDER } from './nag-template';

describe('graphToTemplate', () => {
  it('turns references back into Ref, GetAtt and Join, keeps metadata and replaces unresolved values', () => {
    const graph = stackGraph((stack) => {
      const bucket = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
      const policy = new s3.CfnBucketPolicy(stack, 'Policy', {
        bucket: bucket.bucketName,
        policyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket.bucketArn}/*` }] },
      });
      policy.addMetadata('cdk_nag', { rules_to_suppress: [{ id: 'AwsSolutions-S10', reason: 'test' }] });
      new s3.CfnBucket(stack, 'Copy', { bucketName: bucket.bucketWebsiteDomainName });
    });
    const { Resources } = graphToTemplate(graph) as {
      Resources: Record<string, { Properties: Record<string, unknown>; Metadata?: unknown }>;
    };
    const policy = Object.entries(Resources).find(([id]) => id.startsWith('Policy'))![1];
    const siteId = Object.keys(Resources).find((id) => id.startsWith('Site'))!;
    expect(policy.Properties.Bucket).toEqual({ Ref: siteId });
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(
      JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteId, 'Arn'] }, '/*']] }),
    );
    expect(policy.Metadata).toEqual({ cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S10', reason: 'test' }] } });
    expect(Resources.Copy.Properties.BucketName).toBe(UNRESOLVED_PLACEHOLDER);
  });
});
