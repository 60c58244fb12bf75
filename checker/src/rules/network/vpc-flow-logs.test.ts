import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addSecurity, grownShopGraph, stackGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { vpcFlowLogs } from './vpc-flow-logs';

describe('vpc-flow-logs', () => {
  it('passes for a flow log on the VPC, to CloudWatch Logs or to S3', () => {
    expect(
      judge(
        vpcFlowLogs,
        grownShopGraph((shop) => addSecurity(shop)),
      ).status,
    ).toBe('PASS');
    const toS3 = stackGraph((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
      vpc.addFlowLog('ToS3', { destination: ec2.FlowLogDestination.toS3(), trafficType: ec2.FlowLogTrafficType.REJECT });
    });
    expect(judge(vpcFlowLogs, toS3).message.en).toContain('REJECT → s3');
  });

  it('fails without flow logs', () => {
    expect(
      judge(
        vpcFlowLogs,
        grownShopGraph((shop) => addSecurity(shop, { flowLogs: false })),
      ).status,
    ).toBe('FAIL');
  });

  it('is not applicable without a VPC', () => {
    expect(judge(vpcFlowLogs, unrelatedGraph()).status).toBe('SKIP');
  });
});
