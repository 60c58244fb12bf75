import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The shopping mall's infrastructure for the "Static files on S3, private traffic through a VPC endpoint" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // TODO(s3-static-hosting): build this lab's architecture here.
  }
}
