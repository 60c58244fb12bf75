import { Stack } from 'aws-cdk-lib';
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
  // TODO(event-ready) step 2 (continued): the cache's primary endpoint (cacheHost), its port
  // (cachePort) and how long a cached product stays fresh (cacheTtlSeconds, 60 by default).
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
    super(scope, id);
    this.path = `/shop/${Stack.of(this).stackName}`;

    const values: Record<string, string> = {
      // Writes (and reads that must see them at once) go to the primary's endpoint, which follows
      // a Multi-AZ failover.
      DB_WRITER_HOST: props.writer.dbInstanceEndpointAddress,
      DB_PORT: props.writer.dbInstanceEndpointPort,
      DB_NAME: props.databaseName,
      // TODO(event-ready) step 2: DB_READER_HOST (the replica's endpoint, the writer's without one),
      // DB_SECRET_ARN (the ARN, never the password), and the cache: CACHE_HOST, CACHE_PORT, CACHE_TLS
      // and CACHE_TTL_SECONDS (props.cacheTtlSeconds, 60 by default, checked to be 1 to 86400).
    };
    const parameters: Record<string, ssm.StringParameter> = {};
    for (const [name, value] of Object.entries(values)) {
      parameters[name] = new ssm.StringParameter(this, name, {
        parameterName: `${this.path}/${name}`,
        stringValue: value,
        description: `The shop API's ${name}, read by the APP servers at boot`,
      });
    }
    this.parameters = parameters;
    // TODO(event-ready) step 2 (continued): let props.grantee read each parameter, call
    // ssm:GetParametersByPath on this.path (the path's own ARN) and read props.secret; nothing more.
  }
}
