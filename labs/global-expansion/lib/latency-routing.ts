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

    // TODO(global-expansion) step 3: for each endpoint, a Route 53 HTTP health check of its ALB (port 80,
    // healthCheckPath) pushed to healthChecks, and an alias A record in props.zone named props.recordName
    // with the endpoint's region, a set identifier of its own, that health check, and the ALB as the
    // target with evaluateTargetHealth on.
  }
}
