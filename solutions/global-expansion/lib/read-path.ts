import { Arn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/** Props of {@link ReadPathConfiguration}. */
export interface ReadPathConfigurationProps {
  /** The Multi-AZ primary: every write goes to it. */
  readonly writer: rds.DatabaseInstance;
  /** The read replica that serves cache misses; without one, reads go to the writer. */
  readonly reader?: rds.IDatabaseInstance;
  /** The schema RDS created at launch. */
  readonly databaseName: string;
  /** The secret with the database user name and password (its ARN is configuration, its value is not). */
  readonly secret: secretsmanager.ISecret;
  /** The cache's primary endpoint. */
  readonly cacheHost: string;
  /** The cache port. */
  readonly cachePort: number;
  /**
   * How long a cached product stays fresh, in seconds.
   * @default 60
   */
  readonly cacheTtlSeconds?: number;
  /** Who reads the configuration and the secret: the APP servers' role. */
  readonly grantee: iam.IGrantable;
}

/**
 * The APP tier's read path as configuration, never as code: Systems Manager String parameters under
 * `/shop/<stack name>/` name the writer, the read replica, the database secret's ARN and the cache,
 * one parameter per environment variable of the service. The APP role may read exactly these and
 * the secret.
 */
export class ReadPathConfiguration extends Construct {
  /** The parameter path, such as /shop/ShopEventReady (no trailing slash). */
  public readonly path: string;
  /** The parameters, by the environment variable each one sets. */
  public readonly parameters: Readonly<Record<string, ssm.StringParameter>>;

  constructor(scope: Construct, id: string, props: ReadPathConfigurationProps) {
    const ttl = props.cacheTtlSeconds ?? 60;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86400) {
      throw new Error(`ReadPathConfiguration: cacheTtlSeconds ${ttl} must be a whole number from 1 to 86400 (one day).`);
    }
    super(scope, id);
    this.path = `/shop/${Stack.of(this).stackName}`;

    const values: Record<string, string> = {
      // Writes (and reads that must see them at once) go to the primary's endpoint, which follows
      // a Multi-AZ failover.
      DB_WRITER_HOST: props.writer.dbInstanceEndpointAddress,
      // Cache misses read the replica: asynchronous, so a product may lag the writer by a moment.
      DB_READER_HOST: (props.reader ?? props.writer).dbInstanceEndpointAddress,
      DB_PORT: props.writer.dbInstanceEndpointPort,
      DB_NAME: props.databaseName,
      // The ARN only: the service reads the user name and password from Secrets Manager at start.
      DB_SECRET_ARN: props.secret.secretArn,
      CACHE_HOST: props.cacheHost,
      CACHE_PORT: String(props.cachePort),
      CACHE_TLS: 'true',
      CACHE_TTL_SECONDS: String(ttl),
    };
    const parameters: Record<string, ssm.StringParameter> = {};
    for (const [name, value] of Object.entries(values)) {
      parameters[name] = new ssm.StringParameter(this, name, {
        parameterName: `${this.path}/${name}`,
        stringValue: value,
        description: `The shop API's ${name}, read by the APP servers at boot`,
      });
      parameters[name].grantRead(props.grantee);
    }
    this.parameters = parameters;

    // GetParametersByPath is authorized on the path itself; it returns only what lies under it.
    props.grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParametersByPath'],
        resources: [Arn.format({ service: 'ssm', resource: 'parameter', resourceName: this.path.slice(1) }, Stack.of(this))],
      }),
    );
    // GetSecretValue and DescribeSecret on this one secret.
    props.secret.grantRead(props.grantee);
  }
}
