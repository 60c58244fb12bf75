/**
 * Runs one call per key at a time in this process: callers that ask for a key while its call is running
 * share that call's result instead of starting their own.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();
  /** How many callers shared a call another caller had started. */
  coalesced = 0;

  /** The result of `work()`, or of the call already running for `key`. */
  run(key: string, work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key);
    if (current) {
      this.coalesced += 1;
      return current;
    }
    const call = work().finally(() => this.running.delete(key));
    this.running.set(key, call);
    return call;
  }
}
