import type { Resource } from '../../../model/types';
import { chunks, compact, idsOf, liveFacts, reportMissing, type FetchContext, type Fetcher, type StackEntry } from './types';

/** The fields of DescribeParameters the checker reads (metadata only, never a value). */
interface DescribeParametersPage {
  NextToken?: string;
  Parameters?: Array<{ Name?: string; ARN?: string; Type?: string; DataType?: string; Description?: string; Tier?: string }>;
}

/** The fields of GetParameters the checker reads. */
interface GetParametersPage {
  Parameters?: Array<{ Name?: string; Value?: string }>;
}

/** Parameter types whose values are plain configuration; a SecureString's value is never requested. */
const PLAIN_TYPES = new Set(['String', 'StringList']);

async function parameters(context: FetchContext, names: readonly string[], entries: readonly StackEntry[]): Promise<Resource[]> {
  const described = (
    await Promise.all(
      chunks(names, 50).map((batch) =>
        context.caller.paginate<DescribeParametersPage>(
          'ssm',
          'DescribeParameters',
          { ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: batch }] },
          'NextToken',
          (page) => page.NextToken,
        ),
      ),
    )
  )
    .flat()
    .flatMap((page) => page.Parameters ?? []);
  reportMissing(context, 'AWS::SSM::Parameter', names, new Set(described.map((parameter) => parameter.Name as string)));
  const plain = described.filter((parameter) => PLAIN_TYPES.has(parameter.Type ?? '')).map((parameter) => parameter.Name as string);
  // Without WithDecryption, and only for String and StringList: configuration, not secrets.
  const values = new Map<string, string | undefined>();
  for (const batch of chunks(plain, 10)) {
    const page = await context.caller.call<GetParametersPage>('ssm', 'GetParameters', { Names: batch });
    for (const parameter of page?.Parameters ?? []) values.set(parameter.Name as string, parameter.Value);
  }
  return described.map((parameter) => {
    const id = parameter.Name as string;
    return {
      id,
      type: 'AWS::SSM::Parameter',
      physicalId: id,
      properties: compact({
        Name: id,
        Type: parameter.Type,
        DataType: parameter.DataType,
        Description: parameter.Description,
        Tier: parameter.Tier,
        Value: values.get(id),
      }),
      live: liveFacts(entries, id, { arn: parameter.ARN }),
    };
  });
}

/** AWS Systems Manager Parameter Store: the stack's parameters, with the values of plain (non-secure) ones. */
export const ssmFetcher: Fetcher = {
  service: 'ssm',
  types: ['AWS::SSM::Parameter'],
  fetch: (context, entries) => parameters(context, idsOf(entries, 'AWS::SSM::Parameter'), entries),
};
