import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** One reviewed cdk-nag finding, as cdk-nag writes it into a template (`cdk_nag.rules_to_suppress`). */
interface NagAcknowledgement {
  readonly id: string;
  readonly reason: string;
}

/**
 * Records in the template that a cdk-nag AwsSolutions finding on this resource was reviewed and
 * accepted, with the reason. The checker runs cdk-nag on the template and shows the reason in its
 * report; cdk-nag's own `Validations.of(x).acknowledge()` writes the same metadata when its
 * writeSuppressionsToCloudFormation option is on.
 */
export function acknowledgeNag(construct: IConstruct, id: string, reason: string): void {
  if (!/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/.test(id)) {
    throw new Error(
      `acknowledgeNag: "${id}" is not a cdk-nag AwsSolutions rule id such as AwsSolutions-EC28 or AwsSolutions-IAM5[Action::s3:*].`,
    );
  }
  if (reason.trim().length < 20) {
    throw new Error(`acknowledgeNag: the reason for ${id} is too short: say in a sentence why the finding is acceptable here.`);
  }
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new Error(`acknowledgeNag: ${construct.node.path} has no CloudFormation resource of its own: pass the construct that owns it.`);
  }
  const current = (resource.getMetadata('cdk_nag') as { rules_to_suppress?: NagAcknowledgement[] } | undefined)?.rules_to_suppress ?? [];
  resource.addMetadata('cdk_nag', { rules_to_suppress: [...current, { id, reason }] });
}
