import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The shopping mall's infrastructure for the "Security review: harden the whole shop" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
  }
}
