import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ShopNetwork } from './network';

/** The shopping mall's infrastructure for the "On-premises baseline" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // The network is given: one VPC with one public subnet in one Availability Zone.
    new ShopNetwork(this, 'Network');
    // TODO(on-prem-baseline) step 5: create the SecurityChain, WebAppServers, NginxLoadBalancer and DatabaseServer in this stack.
  }
}
