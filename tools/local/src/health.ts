import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { TEST_CREDENTIALS } from './env';

/** Asks the endpoint for its account through STS GetCallerIdentity; undefined when it does not answer. */
export async function probeEndpoint(endpoint: string, region: string, timeoutMs = 3_000): Promise<string | undefined> {
  const sts = new STSClient({ endpoint, region, credentials: { ...TEST_CREDENTIALS }, maxAttempts: 1 });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return identity.Account ?? '000000000000';
  } catch {
    return undefined;
  } finally {
    sts.destroy();
  }
}

/**
 * Polls the endpoint until it answers and returns its account id. Rejects when `timeoutMs` passes or when
 * `gaveUp()` says the process behind it exited.
 */
export async function waitForEndpoint(
  endpoint: string,
  region: string,
  timeoutMs: number,
  gaveUp: () => boolean = () => false,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('process exited');
    const account = await probeEndpoint(endpoint, region, 2_000);
    if (account) return account;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error('timeout');
}
