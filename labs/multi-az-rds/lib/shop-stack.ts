import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The shopping mall's infrastructure for the "Multi-AZ RDS: no more single database" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // TODO(multi-az-rds): build this lab's architecture here.
  }
}
