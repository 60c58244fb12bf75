import type { ResourceGraph } from '../graph';
import type { Resource } from '../types';
import { statementsOf, type Statement } from './policies';
import { launchSpecOf } from './security-groups';
import { listProp } from './values';

/** AWS managed policies a lab might attach, with the statements that matter to the rules. */
const AWS_MANAGED_POLICIES: Readonly<Record<string, unknown>> = {
  AmazonS3FullAccess: { Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] },
  AmazonS3ReadOnlyAccess: { Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*'], Resource: '*' }] },
  AdministratorAccess: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  PowerUserAccess: { Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }] },
};

/** The IAM role the servers of an Auto Scaling group run as (through the instance profile), if any. */
export function instanceRoleOf(graph: ResourceGraph, asg: Resource): Resource | undefined {
  const spec = launchSpecOf(graph, asg);
  if (!spec) return undefined;
  const value =
    spec.kind === 'launch-template'
      ? (graph.prop(spec.resource, 'LaunchTemplateData.IamInstanceProfile.Arn') ??
        graph.prop(spec.resource, 'LaunchTemplateData.IamInstanceProfile.Name'))
      : graph.prop(spec.resource, 'IamInstanceProfile');
  const profile = graph.refsIn(value).find((target) => target.type === 'AWS::IAM::InstanceProfile');
  if (!profile) return undefined;
  return graph.refsIn(graph.prop(profile, 'Roles')).find((target) => target.type === 'AWS::IAM::Role');
}

/** Every identity-policy statement that applies to a role: inline, attached customer-managed and known AWS-managed policies. */
export function roleStatements(graph: ResourceGraph, role: Resource): Statement[] {
  const statements: Statement[] = [];
  listProp(graph, role, 'Policies').forEach((_, i) =>
    statements.push(...statementsOf(graph.prop(role, `Policies.${i}.PolicyDocument`), role)),
  );
  for (const policy of [...graph.ofType('AWS::IAM::Policy'), ...graph.ofType('AWS::IAM::ManagedPolicy')]) {
    if (graph.refsIn(graph.prop(policy, 'Roles')).includes(role))
      statements.push(...statementsOf(graph.prop(policy, 'PolicyDocument'), policy));
  }
  for (const value of listProp(graph, role, 'ManagedPolicyArns')) {
    const managed = graph.refsIn(value).find((target) => target.type === 'AWS::IAM::ManagedPolicy');
    if (managed && !graph.refsIn(graph.prop(managed, 'Roles')).includes(role))
      statements.push(...statementsOf(graph.prop(managed, 'PolicyDocument'), managed));
    const name = typeof value === 'string' ? /:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(value)?.[1] : undefined;
    if (name && AWS_MANAGED_POLICIES[name]) statements.push(...statementsOf(AWS_MANAGED_POLICIES[name], role));
  }
  return statements;
}
