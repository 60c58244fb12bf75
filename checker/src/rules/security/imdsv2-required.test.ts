import { ResourceGraph } from '../../model/graph';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { addSecurity, grownShopGraph, HARDENED_LAUNCH_TEMPLATE, stackGraph, unrelatedGraph } from '../fixtures/grown-shop';
import { judge } from '../fixtures/judge';
import { imdsv2Required } from './imdsv2-required';

describe('imdsv2-required', () => {
  it('passes when both launch templates and the bastion require IMDSv2', () => {
    const outcome = judge(
      imdsv2Required,
      grownShopGraph((shop) => addSecurity(shop), { launchTemplate: HARDENED_LAUNCH_TEMPLATE }),
    );
    expect(outcome.status).toBe('PASS');
  });

  it('accepts a launch configuration with HttpTokens required, and ignores one that nothing launches from', () => {
    const graph = (used: boolean) =>
      stackGraph((stack) => {
        const config = new autoscaling.CfnLaunchConfiguration(stack, 'Config', {
          imageId: 'ami-123',
          instanceType: 't3.micro',
          metadataOptions: { httpTokens: 'required' },
        });
        new autoscaling.CfnLaunchConfiguration(stack, 'Unused', { imageId: 'ami-123', instanceType: 't3.micro' });
        if (used) {
          new autoscaling.CfnAutoScalingGroup(stack, 'Group', {
            minSize: '2',
            maxSize: '2',
            launchConfigurationName: config.ref,
            availabilityZones: ['ap-northeast-2a'],
          });
        }
      });
    expect(judge(imdsv2Required, graph(true)).status).toBe('PASS');
    expect(judge(imdsv2Required, graph(false)).status).toBe('SKIP');
  });

  it('fails when a launch template or a bare instance still allows IMDSv1', () => {
    const outcome = judge(
      imdsv2Required,
      grownShopGraph((shop) => addSecurity(shop)),
    );
    expect(outcome.status).toBe('FAIL');
    expect(outcome.resources).toEqual([expect.stringMatching(/^WebTemplate/), expect.stringMatching(/^AppTemplate/)]);
    const bare = stackGraph((stack) => {
      const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
      new ec2.Instance(stack, 'Old', {
        vpc,
        instanceType: new ec2.InstanceType('t3.micro'),
        machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      });
    });
    expect(judge(imdsv2Required, bare).status).toBe('FAIL');
  });

  it('reads a live instance from its reported metadata options', () => {
    const instance = (httpTokens: string) =>
      new ResourceGraph('live', [
        {
          id: 'i-0abc',
          physicalId: 'i-0abc',
          type: 'AWS::EC2::Instance',
          properties: {},
          live: { metadataOptions: { HttpTokens: httpTokens } },
        },
      ]);
    expect(judge(imdsv2Required, instance('required')).status).toBe('PASS');
    expect(judge(imdsv2Required, instance('optional')).status).toBe('FAIL');
  });

  it('is not applicable without servers', () => {
    expect(judge(imdsv2Required, unrelatedGraph()).status).toBe('SKIP');
  });
});
