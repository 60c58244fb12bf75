import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The shopping mall's infrastructure for the "Move to a VPC across two Availability Zones" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // TODO(vpc-migration): build this lab's architecture here.
  }
}
