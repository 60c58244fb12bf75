import type { Resource } from '../../model/types';
import { Caller, type AwsRequest, type Transport } from './caller';
import type { FetchContext, Fetcher, StackEntry } from './fetchers/types';

/** An AWS error as the SDK throws it: name = error code, HTTP status in $metadata. */
export function awsError(code: string, message = code, status = 400, attempts = 1): Error {
  return Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: status, attempts } });
}

/** A handler answers one command: a recorded-style response, a function of the input, or an error to throw. */
export type Handler = unknown | Error | ((input: Record<string, unknown>) => unknown);

/**
 * A transport for tests that answers from recorded-style SDK responses keyed "service:Command",
 * logs every request, and fails on any command it has no answer for.
 */
export function fakeTransport(handlers: Readonly<Record<string, Handler>>): Transport & { requests: AwsRequest[] } {
  const requests: AwsRequest[] = [];
  const transport = async (request: AwsRequest): Promise<unknown> => {
    requests.push(request);
    const key = `${request.service}:${request.command}`;
    if (!(key in handlers)) throw new Error(`fake transport: no answer for ${key}`);
    const handler = handlers[key];
    const answer =
      typeof handler === 'function'
        ? (handler as (input: Record<string, unknown>) => unknown)(request.input as Record<string, unknown>)
        : handler;
    if (answer instanceof Error) throw answer;
    return structuredClone(answer);
  };
  return Object.assign(transport, { requests });
}

/** Runs one fetcher over stack entries against recorded-style answers; returns its resources, requests and progress lines. */
export async function runFetcher(
  fetcher: Fetcher,
  handlers: Readonly<Record<string, Handler>>,
  entries: readonly StackEntry[],
  options: { region?: string; stackName?: string } = {},
): Promise<{ resources: Resource[]; requests: AwsRequest[]; progress: string[]; byId: (id: string) => Resource }> {
  const transport = fakeTransport(handlers);
  const progress: string[] = [];
  const context: FetchContext = {
    caller: new Caller(transport, { region: options.region ?? 'ap-northeast-2' }),
    region: options.region ?? 'ap-northeast-2',
    stackName: options.stackName ?? 'ShopVpcMigration',
    progress: (message) => progress.push(message),
  };
  const resources = await fetcher.fetch(context, entries);
  const byId = (id: string): Resource => {
    const found = resources.find((resource) => resource.id === id);
    if (!found) throw new Error(`no resource ${id} among ${resources.map((resource) => resource.id).join(', ')}`);
    return found;
  };
  return { resources, requests: transport.requests, progress, byId };
}
