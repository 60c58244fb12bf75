import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** The second Region's stack: a bucket that receives copies (named in an output the main stack reads as a parameter), and a flaw. */
export class RecoveryStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const replica = new s3.CfnBucket(this, 'ReplicaBucket', { versioningConfiguration: { status: 'Enabled' } });
    // SSH open to the world, so a rule about ingress finds something in this stack (in the default VPC).
    new ec2.CfnSecurityGroup(this, 'OpenGroup', {
      groupDescription: 'open to the world',
      securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
    });
    new CfnOutput(this, 'ReplicaBucketArn', { value: replica.attrArn });
    new CfnOutput(this, 'ReplicaBucketName', { value: replica.ref });
  }
}

/** The primary Region's stack: a media bucket and a role that may copy into the bucket the parameter names. */
export class MainStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // Filled by the deploy tool from the recovery stack's output (catalog: stacks[].parameters).
    const replicaArn = new CfnParameter(this, 'ReplicaBucketArn', { type: 'String', description: 'ARN of the recovery bucket' });
    const media = new s3.Bucket(this, 'MediaBucket', { versioned: true, encryption: s3.BucketEncryption.S3_MANAGED });
    const role = new iam.Role(this, 'CopyRole', { assumedBy: new iam.ServicePrincipal('s3.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObjectVersion'], resources: [media.arnForObjects('*')] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ReplicateObject'], resources: [`${replicaArn.valueAsString}/*`] }));
    new CfnOutput(this, 'MediaBucketName', { value: media.bucketName });
  }
}
