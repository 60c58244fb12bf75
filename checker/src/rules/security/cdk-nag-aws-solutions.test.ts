import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { stackGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { cdkNagAwsSolutions, guideSectionFor } from './cdk-nag-aws-solutions';

/** A security group open to the world on SSH: cdk-nag's AwsSolutions-EC23, optionally acknowledged. */
function openGroup(suppression?: { id: string; reason?: string }) {
  return stackGraph((stack) => {
    const group = new ec2.CfnSecurityGroup(stack, 'Open', {
      groupDescription: 'Open SSH',
      vpcId: 'vpc-12345678',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
    });
    if (suppression) group.addMetadata('cdk_nag', { rules_to_suppress: [suppression] });
  });
}

describe('cdk-nag-aws-solutions (template mode)', () => {
  // The engine caches cdk-nag's findings under WORKSHOP_DIR/cache: keep this test's out of the checkout.
  const saved = process.env.WORKSHOP_DIR;
  beforeAll(() => {
    process.env.WORKSHOP_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-nag-test-'));
  });
  afterAll(() => {
    fs.rmSync(process.env.WORKSHOP_DIR!, { recursive: true, force: true });
    if (saved === undefined) delete process.env.WORKSHOP_DIR;
    else process.env.WORKSHOP_DIR = saved;
  });

  it('fails for a finding without a written reason, pointing at the guide section', () => {
    const outcome = judge(cdkNagAwsSolutions, openGroup());
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message.en).toContain('AwsSolutions-EC23 on Open has no written reason');
    expect(outcome.message.en).toContain('security-review#open-ingress');
    expect(outcome.message.ko).toContain('Open의 AwsSolutions-EC23');
  });

  it('passes when every finding is acknowledged in the template, and shows the reason', () => {
    const outcome = judge(cdkNagAwsSolutions, openGroup({ id: 'AwsSolutions-EC23', reason: 'A honeypot for the security class.' }));
    expect(outcome.status).toBe('PASS');
    expect(outcome.message.en).toContain('"A honeypot for the security class."');
  });

  it('does not count a suppression without a reason', () => {
    expect(judge(cdkNagAwsSolutions, openGroup({ id: 'AwsSolutions-EC23', reason: ' ' })).status).toBe('FAIL');
    expect(judge(cdkNagAwsSolutions, openGroup({ id: 'AwsSolutions-EC23' })).status).toBe('FAIL');
  });

  it('maps finding ids, including IAM5 details, to guide sections', () => {
    expect(guideSectionFor('AwsSolutions-VPC7')).toBe('security-review#flow-logs');
    expect(guideSectionFor('AwsSolutions-IAM5[Action::s3:*]')).toBe('security-review#cdk-nag');
    expect(guideSectionFor('AwsSolutions-CFR1')).toBe('cloudfront-cdn#geo-restriction');
  });
});
