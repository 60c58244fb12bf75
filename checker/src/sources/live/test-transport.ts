import type { AwsRequest, Transport } from './caller';

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
