import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The shopping mall's infrastructure for the "CloudFront in front of S3 and the ALB" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
  }
}
