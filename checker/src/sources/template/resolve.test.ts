import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Template } from 'aws-cdk-lib/assertions';
import { CannotEvaluate, isRef, isTokenString } from '../../model/types';
import { graphFromTemplate, SYMBOLIC_AZS, TemplateError } from './resolve';

function synth(build: (stack: Stack) => void): unknown {
  const stack = new Stack(new App(), 'Test');
  build(stack);
  return Template.fromStack(stack).toJSON();
}

describe('graphFromTemplate', () => {
  it('resolves a CDK VPC: subnets get distinct symbolic AZs and references become refs', () => {
    // An environment-agnostic stack spreads over two AZs, chosen with Fn::Select over Fn::GetAZs.
    const graph = graphFromTemplate(synth((stack) => new ec2.Vpc(stack, 'Vpc', { maxAzs: 3, natGateways: 1 })));
    const subnets = graph.ofType('AWS::EC2::Subnet');
    expect(subnets).toHaveLength(4);
    const azs = new Set(subnets.map((subnet) => graph.prop(subnet, 'AvailabilityZone')));
    expect([...azs].sort()).toEqual(SYMBOLIC_AZS.slice(0, 2));
    const vpc = graph.ofType('AWS::EC2::VPC')[0];
    for (const subnet of subnets) expect(graph.deref(subnet.properties.VpcId, 'VpcId')).toBe(vpc);
    expect(graph.referencing(vpc, 'AWS::EC2::Subnet')).toHaveLength(4);
    expect(graph.ofType('AWS::CDK::Metadata')).toHaveLength(0);
  });

  it('keeps the resources an ARN built with Join or Sub points at', () => {
    const graph = graphFromTemplate(
      synth((stack) => {
        const bucket = new s3.Bucket(stack, 'Media');
        bucket.addToResourcePolicy(
          new iam.PolicyStatement({
            actions: ['s3:GetObject'],
            resources: [bucket.arnForObjects('*')],
            principals: [new iam.AccountRootPrincipal()],
          }),
        );
      }),
    );
    const policy = graph.ofType('AWS::S3::BucketPolicy')[0];
    const statement = (graph.prop(policy, 'PolicyDocument.Statement') as Array<Record<string, unknown>>)[0];
    expect(isTokenString(statement.Resource)).toBe(true);
    expect(graph.refsIn(statement.Resource).map((r) => r.type)).toEqual(['AWS::S3::Bucket']);
  });

  it('resolves parameters to their default, Select, Split, If and conditions', () => {
    const graph = graphFromTemplate({
      Parameters: { Cidr: { Type: 'String', Default: '10.0.0.0/16' }, Admin: { Type: 'String' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Cidr' }, '10.0.0.0/16'] }, Never: { 'Fn::Not': [{ Condition: 'IsProd' }] } },
      Resources: {
        Vpc: {
          Type: 'AWS::EC2::VPC',
          Properties: { CidrBlock: { Ref: 'Cidr' }, Tags: [{ Key: 'a', Value: { 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y'] }] } }] },
        },
        Skipped: { Type: 'AWS::EC2::VPC', Condition: 'Never', Properties: {} },
        Sg: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: {
            VpcId: { 'Fn::GetAtt': ['Vpc', 'VpcId'] },
            GroupDescription: { 'Fn::If': ['IsProd', 'prod', 'dev'] },
            Name: { 'Fn::Sub': 'sg-${Vpc}-${AWS::Region}-${!Literal}' },
            Admin: { Ref: 'Admin' },
            Gone: { Ref: 'AWS::NoValue' },
          },
        },
      },
    });
    expect(graph.get('Skipped')).toBeUndefined();
    const vpc = graph.get('Vpc')!;
    expect(graph.prop(vpc, 'CidrBlock')).toBe('10.0.0.0/16');
    expect(graph.prop(vpc, 'Tags')).toEqual([{ Key: 'a', Value: 'y' }]);
    const sg = graph.get('Sg')!;
    expect(graph.prop(sg, 'GroupDescription')).toBe('prod');
    expect(isRef(sg.properties.VpcId)).toBe(true);
    expect(sg.properties.Name).toEqual({ $join: ['sg-', { $ref: 'Vpc' }, '-${AWS::Region}-${Literal}'] });
    expect('Gone' in sg.properties).toBe(false);
    expect(() => graph.prop(sg, 'Admin')).toThrow(CannotEvaluate);
    expect(() => graph.prop(sg, 'Admin')).toThrow('cannot evaluate: AWS::EC2::SecurityGroup Sg Admin: parameter Admin has no default');
  });

  it('resolves ImportValue of an export of the same template and reports other imports as unresolved', () => {
    const graph = graphFromTemplate({
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Subnet: {
          Type: 'AWS::EC2::Subnet',
          Properties: { VpcId: { 'Fn::ImportValue': 'shop-vpc' }, Other: { 'Fn::ImportValue': 'elsewhere' } },
        },
      },
      Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'shop-vpc' } } },
    });
    const subnet = graph.get('Subnet')!;
    expect(graph.deref(subnet.properties.VpcId, 'VpcId')?.id).toBe('Vpc');
    expect(() => graph.deref(subnet.properties.Other, 'Other')).toThrow(CannotEvaluate);
  });

  it('treats an SSM-backed parameter (a CDK machine image) as unresolved', () => {
    const graph = graphFromTemplate(
      synth((stack) => {
        const vpc = new ec2.Vpc(stack, 'Vpc', {
          maxAzs: 1,
          natGateways: 0,
          subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PUBLIC }],
        });
        new ec2.Instance(stack, 'Web', {
          vpc,
          instanceType: new ec2.InstanceType('t3.micro'),
          machineImage: ec2.MachineImage.latestAmazonLinux2023(),
        });
        new CfnParameter(stack, 'Unused', { default: Fn.join('-', ['a', 'b']) as unknown as string });
      }),
    );
    const instance = graph.ofType('AWS::EC2::Instance')[0];
    expect(() => graph.prop(instance, 'ImageId')).toThrow(/SSM Parameter Store/);
    expect(graph.prop(instance, 'InstanceType')).toBe('t3.micro');
  });

  it('keeps the constraints of a parameter chosen at deploy time, and resolves it again with a given value', () => {
    const graph = graphFromTemplate(
      synth((stack) => {
        const admin = new CfnParameter(stack, 'AdminCidr', { type: 'String', allowedPattern: '.*/32', allowedValues: ['1.2.3.4/32'] });
        new ec2.CfnSecurityGroup(stack, 'Sg', {
          groupDescription: 'ssh',
          securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: admin.valueAsString }],
        });
      }),
    );
    const read = (judged: typeof graph): unknown =>
      judged.prop(judged.ofType('AWS::EC2::SecurityGroup')[0], 'SecurityGroupIngress.0.CidrIp');
    let thrown: unknown;
    try {
      read(graph);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CannotEvaluate);
    expect((thrown as CannotEvaluate).parameters).toEqual([
      { name: 'AdminCidr', source: 'template', allowedPattern: '.*/32', allowedValues: ['1.2.3.4/32'] },
    ]);
    expect(read(graph.withParameters!({ AdminCidr: '1.2.3.4/32' }))).toBe('1.2.3.4/32');
  });

  it('keeps what a value cut from a deploy-time string points at, and resource metadata', () => {
    const graph = graphFromTemplate(
      synth((stack) => {
        const bucket = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
        const user = new iam.CfnUser(stack, 'Reader', { userName: bucket.bucketWebsiteDomainName });
        user.addMetadata('cdk_nag', { rules_to_suppress: [{ id: 'AwsSolutions-IAM4', reason: 'test' }] });
      }),
    );
    const user = graph.ofType('AWS::IAM::User')[0];
    expect(() => graph.prop(user, 'UserName')).toThrow(CannotEvaluate);
    expect(graph.refsIn(user.properties.UserName).map((r) => r.type)).toEqual(['AWS::S3::Bucket']);
    expect(user.metadata).toEqual({ cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-IAM4', reason: 'test' }] } });
    expect(graph.ofType('AWS::S3::Bucket')[0].metadata).toBeUndefined();
  });

  it('rejects input that is not a template, saying where', () => {
    expect(() => graphFromTemplate([])).toThrow(TemplateError);
    expect(() => graphFromTemplate({ Resources: { X: {} } })).toThrow('resource X has no Type');
    expect(() => graphFromTemplate({ Resources: { X: { Type: 'T', Properties: { A: { 'Fn::Select': [0] } } } } })).toThrow(
      'Fn::Select at X.Properties.A needs a list of 2 items',
    );
  });
});
