/** Where progress goes: usually process.stderr, so stdout stays clean for a report. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Progress shown while the checker synthesizes or loads: a spinner on a terminal, plain lines otherwise. */
export interface Progress {
  /** Starts a phase, optionally of `total` steps; later updates count against it. */
  start(text: string, total?: number): void;
  /** Names the step now running; `step` (1-based) is shown as `[step/total]` when a total was given. */
  update(text: string, step?: number): void;
  /** Ends the phase: clears the spinner line. Safe to call twice. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;
const CLEAR_LINE = '\r\x1b[2K';

/**
 * Creates progress output on `stream`. Disabled (quiet, or a machine-readable report on the same
 * stream), it writes nothing. On a terminal it redraws one spinner line; elsewhere (CI logs, pipes)
 * it writes each new step once as a line such as `[3/12] loading subnets`.
 */
export function createProgress(stream: ProgressStream, enabled: boolean): Progress {
  if (!enabled) return { start() {}, update() {}, stop() {} };

  let total: number | undefined;
  let line = '';
  const describe = (text: string, step?: number): string =>
    total !== undefined && step !== undefined ? `[${step}/${total}] ${text}` : text;

  if (!stream.isTTY) {
    const print = (next: string): void => {
      if (next === line) return;
      line = next;
      stream.write(`${next}\n`);
    };
    return {
      start(text, steps) {
        total = steps;
        print(text);
      },
      update(text, step) {
        print(describe(text, step));
      },
      stop() {
        line = '';
      },
    };
  }

  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const draw = (): void => {
    stream.write(`${CLEAR_LINE}${FRAMES[frame % FRAMES.length]} ${line}`);
    frame += 1;
  };
  const ensureTimer = (): void => {
    if (timer) return;
    timer = setInterval(draw, FRAME_MS);
    // The spinner must never keep the process alive on its own.
    timer.unref();
  };
  return {
    start(text, steps) {
      total = steps;
      line = text;
      ensureTimer();
      draw();
    },
    update(text, step) {
      line = describe(text, step);
      ensureTimer();
      draw();
    },
    stop() {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      stream.write(CLEAR_LINE);
    },
  };
}
