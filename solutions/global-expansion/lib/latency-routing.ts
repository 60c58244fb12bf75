import { Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

/** One Region's front door: its internet-facing ALB. */
export interface RegionalEndpoint {
  /** The Region the ALB runs in, such as ap-northeast-2 (a latency record is per Region). */
  readonly region: string;
  /** The ALB's DNS name. */
  readonly dnsName: string;
  /** The Route 53 hosted zone id of ELB in that Region (the ALB's canonical hosted zone id). */
  readonly canonicalHostedZoneId: string;
}

/** Props of {@link LatencyRouting}. */
export interface LatencyRoutingProps {
  /** The shop's hosted zone. */
  readonly zone: route53.IHostedZone;
  /** The name every latency record answers, relative to the zone (such as "api"). */
  readonly recordName: string;
  /** The Regions' load balancers; at least two, in different Regions. */
  readonly endpoints: RegionalEndpoint[];
  /**
   * The path the health checkers request on each ALB; the WEB servers answer 200 there.
   * @default '/health'
   */
  readonly healthCheckPath?: string;
}

/**
 * Latency-based routing: one alias record per Region under the same name, each tied to a health
 * check of that Region's ALB. Route 53 answers each customer with the healthy Region that has the
 * lowest latency from them, so Japanese customers reach Tokyo and Korean customers Seoul.
 */
export class LatencyRouting extends Construct {
  /** The health checks, one per Region, in the order of the endpoints. */
  public readonly healthChecks: route53.HealthCheck[] = [];

  constructor(scope: Construct, id: string, props: LatencyRoutingProps) {
    if (props.endpoints.length < 2) {
      throw new Error(`LatencyRouting: ${props.endpoints.length} endpoint(s): latency routing chooses between at least two Regions.`);
    }
    const healthCheckPath = props.healthCheckPath ?? '/health';
    if (!healthCheckPath.startsWith('/')) {
      throw new Error(`LatencyRouting: healthCheckPath "${healthCheckPath}" must start with /, such as /health.`);
    }
    super(scope, id);

    props.endpoints.forEach((endpoint, index) => {
      // Route 53's health checkers, spread over several Regions of the world, request the path
      // every 30 seconds; three failures in a row mark the Region unhealthy. They reach the ALB over
      // the internet, which its security group already admits on port 80.
      const healthCheck = new route53.HealthCheck(this, `HealthCheck${index + 1}`, {
        type: route53.HealthCheckType.HTTP,
        fqdn: endpoint.dnsName,
        port: 80,
        resourcePath: healthCheckPath,
        requestInterval: Duration.seconds(30),
        failureThreshold: 3,
      });
      this.healthChecks.push(healthCheck);

      // Same name and type in every Region, a different Region and set identifier on each: one
      // latency record per Region. An alias record answers with the ALB's current IP addresses
      // (they change), and evaluateTargetHealth also drops a Region whose ALB has no healthy servers.
      new route53.ARecord(this, `Record${index + 1}`, {
        zone: props.zone,
        recordName: props.recordName,
        region: endpoint.region,
        setIdentifier: `shop-${endpoint.region}`,
        healthCheck,
        target: route53.RecordTarget.fromAlias({
          bind: () => ({ dnsName: endpoint.dnsName, hostedZoneId: endpoint.canonicalHostedZoneId, evaluateTargetHealth: true }),
        }),
      });
    });
  }
}
