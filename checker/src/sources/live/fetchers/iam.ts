import type {
  GetInstanceProfileResponse,
  GetRolePolicyResponse,
  GetRoleResponse,
  ListAttachedRolePoliciesResponse,
  ListRolePoliciesResponse,
} from '@aws-sdk/client-iam';
import type { Resource } from '../../../model/types';
import { compact, idsOf, liveFacts, parsePolicy, refs, type FetchContext, type Fetcher, type StackEntry } from './types';

interface InlinePolicy {
  readonly role: string;
  readonly name: string;
  readonly document: unknown;
}

async function role(
  context: FetchContext,
  name: string,
): Promise<{ role: GetRoleResponse['Role']; inline: InlinePolicy[]; attached: string[] } | undefined> {
  const found = await context.caller.call<GetRoleResponse | undefined>(
    'iam',
    'GetRole',
    { RoleName: name },
    { absent: ['NoSuchEntity', 'NoSuchEntityException'] },
  );
  if (!found?.Role) return undefined;
  const [namePages, attachedPages] = await Promise.all([
    context.caller.paginate<ListRolePoliciesResponse>('iam', 'ListRolePolicies', { RoleName: name }, 'Marker', (page) =>
      page.IsTruncated ? page.Marker : undefined,
    ),
    context.caller.paginate<ListAttachedRolePoliciesResponse>('iam', 'ListAttachedRolePolicies', { RoleName: name }, 'Marker', (page) =>
      page.IsTruncated ? page.Marker : undefined,
    ),
  ]);
  const inline = await Promise.all(
    namePages
      .flatMap((page) => page.PolicyNames ?? [])
      .map(async (policyName) => {
        const policy = await context.caller.call<GetRolePolicyResponse>('iam', 'GetRolePolicy', { RoleName: name, PolicyName: policyName });
        return { role: name, name: policyName, document: parsePolicy(policy.PolicyDocument) };
      }),
  );
  const attached = attachedPages.flatMap((page) => page.AttachedPolicies ?? []).map((policy) => policy.PolicyArn as string);
  return { role: found.Role, inline, attached };
}

/**
 * AWS IAM: roles (trust policy, inline and attached policies), the stack's AWS::IAM::Policy
 * resources (inline policies on those roles, matched by name), and instance profiles.
 */
export const iamFetcher: Fetcher = {
  service: 'iam',
  types: ['AWS::IAM::Role', 'AWS::IAM::InstanceProfile'],
  derived: ['AWS::IAM::Policy'],
  fetch: async (context, entries) => {
    const out: Resource[] = [];
    const policyEntries = entries.filter((entry) => entry.type === 'AWS::IAM::Policy');
    const stackPolicyFor = (name: string): StackEntry | undefined =>
      policyEntries.find((entry) => entry.physicalId === name || entry.logicalId === name);
    const roles = await Promise.all(idsOf(entries, 'AWS::IAM::Role').map(async (name) => ({ name, found: await role(context, name) })));
    const stackPolicies = new Map<string, { entry: StackEntry; roles: string[]; document: unknown; name: string }>();
    for (const { name, found } of roles) {
      if (!found) {
        context.progress(`AWS::IAM::Role ${name} listed by the stack but not found`);
        continue;
      }
      const own: InlinePolicy[] = [];
      for (const policy of found.inline) {
        const entry = stackPolicyFor(policy.name);
        if (!entry) {
          own.push(policy);
          continue;
        }
        const merged = stackPolicies.get(entry.physicalId) ?? { entry, roles: [], document: policy.document, name: policy.name };
        merged.roles.push(name);
        stackPolicies.set(entry.physicalId, merged);
      }
      out.push({
        id: name,
        type: 'AWS::IAM::Role',
        physicalId: name,
        properties: compact({
          RoleName: name,
          Path: found.role?.Path,
          Description: found.role?.Description || undefined,
          MaxSessionDuration: found.role?.MaxSessionDuration,
          AssumeRolePolicyDocument: parsePolicy(found.role?.AssumeRolePolicyDocument),
          Policies: own.length ? own.map((policy) => ({ PolicyName: policy.name, PolicyDocument: policy.document })) : undefined,
          ManagedPolicyArns: found.attached.length ? found.attached : undefined,
          PermissionsBoundary: found.role?.PermissionsBoundary?.PermissionsBoundaryArn,
        }),
        live: liveFacts(entries, name, { arn: found.role?.Arn }),
      });
    }
    for (const [id, policy] of stackPolicies) {
      out.push({
        id,
        type: 'AWS::IAM::Policy',
        physicalId: id,
        properties: { PolicyName: policy.name, PolicyDocument: policy.document, Roles: refs(policy.roles) },
        live: liveFacts(entries, id),
      });
    }
    await Promise.all(
      idsOf(entries, 'AWS::IAM::InstanceProfile').map(async (name) => {
        const found = await context.caller.call<GetInstanceProfileResponse | undefined>(
          'iam',
          'GetInstanceProfile',
          { InstanceProfileName: name },
          { absent: ['NoSuchEntity', 'NoSuchEntityException'] },
        );
        if (!found?.InstanceProfile) {
          context.progress(`AWS::IAM::InstanceProfile ${name} listed by the stack but not found`);
          return;
        }
        out.push({
          id: name,
          type: 'AWS::IAM::InstanceProfile',
          physicalId: name,
          properties: compact({
            InstanceProfileName: name,
            Path: found.InstanceProfile.Path,
            Roles: refs(found.InstanceProfile.Roles?.map((entry) => entry.RoleName)),
          }),
          live: liveFacts(entries, name, { arn: found.InstanceProfile.Arn }),
        });
      }),
    );
    return out;
  },
};
