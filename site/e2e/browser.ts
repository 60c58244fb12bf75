import { execSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium binary, or undefined when it is not installed. */
export function chromiumPath(): string | undefined {
  try {
    return execSync('command -v chromium', { shell: '/bin/sh', stdio: 'pipe' }).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Why the browser tests cannot run here, or undefined when they can. With CI=true a missing browser is an error, not a skip. */
export function browserUnavailable(): string | undefined {
  if (chromiumPath()) return undefined;
  const reason = 'chromium is not installed: run "apt-get install -y chromium fonts-noto-cjk" (bash .ci/run does it)';
  if (process.env.CI === 'true') throw new Error(`${reason}. CI=true, so the browser tests fail instead of skipping.`);
  return reason;
}

/** Launches headless chromium with the flags that keep it offline and quiet. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--window-size=1280,900',
    ],
  });
}
