import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DatabaseServer } from './database';
import { ShopNetwork } from './network';
import { SecurityChain } from './security';
import { NginxLoadBalancer, WebAppServers } from './tiers';

/** The shopping mall's infrastructure for the "Move to a VPC across two Availability Zones" lab. */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // TODO(vpc-migration) step 5: replace the nginx server and the fixed servers with a WEB LoadBalancedTier in front of the APP tier.
    const { vpc } = new ShopNetwork(this, 'Network');
    const security = new SecurityChain(this, 'Security', { vpc });
    const webApp = new WebAppServers(this, 'WebApp', { vpc, securityGroup: security.webApp });
    const loadBalancer = new NginxLoadBalancer(this, 'LoadBalancer', {
      vpc,
      securityGroup: security.loadBalancer,
      backends: webApp.instances,
    });
    new DatabaseServer(this, 'Database', { vpc, securityGroup: security.database });

    // TODO(vpc-migration) step 7: stretch: a domainName stack prop that adds a Route 53 hosted zone and an alias to the ALB.
    new CfnOutput(this, 'ShopUrl', {
      description: 'Open this in a browser: the nginx load balancer answers on port 80.',
      value: `http://${loadBalancer.instance.instancePublicDnsName}`,
    });
  }
}
