import { liveCommand, type LiveService } from './commands';
import { errorCode, toLiveError, type CallSite } from './errors';

/** One request to AWS: service, SDK command name (no `Command` suffix) and input. */
export interface AwsRequest {
  readonly service: LiveService;
  readonly command: string;
  readonly input: Readonly<Record<string, unknown>>;
  /** Overrides the loader's region for this call (e.g. us-east-1 for CloudFront-scoped WAF). */
  readonly region?: string;
}

/** Sends one request and resolves with the SDK output; the real one is sdkTransport(). */
export type Transport = (request: AwsRequest) => Promise<unknown>;

/** One API call the loader made, for the report and the bench. */
export interface ApiCall {
  readonly service: LiveService;
  readonly command: string;
  readonly durationMs: number;
  /** The AWS error code when the call failed. */
  readonly error?: string;
}

/** Options of one call. */
export interface CallOptions {
  /** Error codes that mean "not configured" (e.g. NoSuchWebsiteConfiguration): the call resolves undefined. */
  readonly absent?: readonly string[] | ((code: string) => boolean);
  readonly region?: string;
}

/** Thrown when code tries to send a command missing from the read-only list (a bug, not a user error). */
export class ForbiddenCommandError extends Error {}

/** Limits how many calls run at once. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The only way fetchers reach AWS: checks every command against the read-only list, sends each
 * distinct request (service + region + command + input) at most once per run, bounds concurrency,
 * records every call, and turns failures into LiveErrors.
 */
export class Caller {
  /** Every call sent, in completion order. */
  readonly calls: ApiCall[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly semaphore: Semaphore;

  constructor(
    private readonly transport: Transport,
    private readonly site: Omit<CallSite, 'service' | 'command'>,
    concurrency = 4,
  ) {
    this.semaphore = new Semaphore(concurrency);
  }

  /** Sends a command (once per distinct input) and resolves with its output. */
  async call<T>(service: LiveService, command: string, input: Record<string, unknown>, options: CallOptions = {}): Promise<T> {
    if (!liveCommand(service, command)) {
      throw new ForbiddenCommandError(`${service}:${command} is not in the live loader's read-only list (sources/live/commands.ts)`);
    }
    const key = `${service}|${options.region ?? ''}|${command}|${stableJson(input)}`;
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.semaphore.run(() => this.send({ service, command, input, region: options.region }));
      this.memo.set(key, pending);
    }
    try {
      return (await pending) as T;
    } catch (error) {
      const code = errorCode(error);
      if (typeof options.absent === 'function' ? options.absent(code) : options.absent?.includes(code)) return undefined as T;
      throw toLiveError(error, { ...this.site, region: options.region ?? this.site.region, service, command });
    }
  }

  /**
   * Sends a paginated command until the last page: `inputToken` is the request field that takes
   * the token, `nextToken` reads it from a page. Stops if a target repeats a token.
   */
  async paginate<P>(
    service: LiveService,
    command: string,
    input: Record<string, unknown>,
    inputToken: string,
    nextToken: (page: P) => string | undefined,
    options: CallOptions = {},
  ): Promise<P[]> {
    const pages: P[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page = await this.call<P>(service, command, token ? { ...input, [inputToken]: token } : input, options);
      if (page === undefined) break;
      pages.push(page);
      token = nextToken(page) || undefined;
      if (token && seen.has(token)) break;
      if (token) seen.add(token);
    } while (token);
    return pages;
  }

  private async send(request: AwsRequest): Promise<unknown> {
    const started = performance.now();
    try {
      const output = await this.transport(request);
      this.calls.push({ service: request.service, command: request.command, durationMs: performance.now() - started });
      return output;
    } catch (error) {
      this.calls.push({
        service: request.service,
        command: request.command,
        durationMs: performance.now() - started,
        error: errorCode(error),
      });
      throw error;
    }
  }
}
