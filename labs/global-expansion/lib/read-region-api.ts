import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/** Props of {@link ReadRegionApiConfiguration}. */
export interface ReadRegionApiConfigurationProps {
  /** The cross-Region read replica in this Region: every read goes to it. */
  readonly replica: rds.CfnDBInstance;
  /** The schema the primary database holds (replication brings it). */
  readonly databaseName: string;
  /**
   * The name of the primary's database secret. Secrets Manager keeps a replica of it in this Region with the
   * same name (and the same ARN but for the Region), so the service finds it here by name.
   */
  readonly secretName: string;
  /** Who reads the configuration and the secret: the APP servers' role. */
  readonly grantee: iam.IGrantable;
}

/**
 * The read Region's shop API configuration: Systems Manager String parameters under `/shop/<stack name>/`
 * naming the replica and the replicated secret, and no writer, so the service runs read-only (PUT answers 503,
 * writes go to the primary Region). No cache either: one would cost as much as the primary's, and the replica it
 * would shield is in this Region, a few milliseconds away. The APP role may read exactly these parameters and
 * that one secret.
 */
export class ReadRegionApiConfiguration extends Construct {
  /** The parameter path, such as /shop/ShopGlobalExpansionReadRegion (no trailing slash). */
  public readonly path: string;
  /** The parameters, by the environment variable each one sets. */
  public readonly parameters: Readonly<Record<string, ssm.StringParameter>>;

  constructor(scope: Construct, id: string, props: ReadRegionApiConfigurationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.path = `/shop/${stack.stackName}`;

    const values: Record<string, string> = {
      DB_READER_HOST: props.replica.attrEndpointAddress,
      DB_PORT: props.replica.attrEndpointPort,
      DB_NAME: props.databaseName,
      // A name, not an ARN: GetSecretValue accepts either, and by name it finds this Region's replica secret.
      DB_SECRET_ARN: props.secretName,
    };
    const parameters: Record<string, ssm.StringParameter> = {};
    for (const [name, value] of Object.entries(values)) {
      parameters[name] = new ssm.StringParameter(this, name, {
        parameterName: `${this.path}/${name}`,
        stringValue: value,
        description: `The read Region shop API's ${name}, read by the APP servers at boot`,
      });
      parameters[name].grantRead(props.grantee);
    }
    this.parameters = parameters;

    props.grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ssm:GetParametersByPath'],
        resources: [stack.formatArn({ service: 'ssm', resource: 'parameter', resourceName: this.path.slice(1) })],
      }),
    );
    // The replica secret of this Region only (Secrets Manager adds six random characters to every secret's ARN);
    // it is encrypted with this Region's aws/secretsmanager key, which any role of the account may use through
    // Secrets Manager, so no KMS permission is needed.
    props.grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [
          stack.formatArn({
            service: 'secretsmanager',
            resource: 'secret',
            resourceName: `${props.secretName}-??????`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
  }
}
