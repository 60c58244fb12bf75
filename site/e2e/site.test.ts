import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchChromium } from './browser';
import { mermaidCount, sitePages, type SitePage } from './pages';
import { serveBuild } from './server';

const siteDir = path.resolve(__dirname, '..');
const buildDir = path.join(siteDir, 'build');
const screenshots = path.join(siteDir, 'test-results', 'screenshots');

if (!fs.existsSync(path.join(buildDir, 'index.html')) || !fs.existsSync(path.join(buildDir, 'ko', 'index.html'))) {
  throw new Error('site/build is missing or has one locale only: run "npx nx run site:build" first (the e2e target does it).');
}

const pages = sitePages(siteDir);
const unavailable = browserUnavailable();
if (unavailable) console.warn(`Browser tests skipped: ${unavailable}.`);
const describeInBrowser = unavailable ? describe.skip : describe;

let browser: Browser;
let context: BrowserContext;
let base: string;
let close: () => Promise<void>;

/** Opens a page and records every console error, uncaught exception and failed request on it. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  const response = await page.goto(base + url, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  return { page, errors };
}

/** axe-core violations of impact serious or critical, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`,
      );
  });
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

describeInBrowser('the built site in chromium', () => {
  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    ({ url: base, close } = await serveBuild(buildDir));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('has the same pages in English and Korean', () => {
    const en = pages.filter((page) => page.locale === 'en').map((page) => page.url);
    const ko = pages.filter((page) => page.locale === 'ko').map((page) => page.url.replace(/^\/ko/, '') || '/');
    expect(ko).toEqual(en);
    expect(en).toEqual(expect.arrayContaining(['/', '/docs/getting-started', '/docs/where-to-deploy', '/docs/labs/on-prem-baseline']));
  });

  it.each(pages.map((page): [string, SitePage] => [page.url, page]))(
    '%s renders with its diagrams, images, no console errors and no serious accessibility violations',
    async (url, { locale, source }) => {
      const { page, errors } = await open(url);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      if (!url.endsWith('/search')) expect((await page.locator('h1').first().innerText()).trim().length).toBeGreaterThan(0);
      const text = await page.locator('.main-wrapper').first().innerText();
      expect(text.trim().length).toBeGreaterThan(url.endsWith('/search') ? 5 : 200);
      // Markdown that failed to render shows up as raw text: an admonition fence or a heading id.
      expect(text.split('\n').filter((line) => /^:::|\{#[\w-]+\}/.test(line.trim()))).toEqual([]);

      const diagrams = mermaidCount(source);
      if (diagrams > 0) {
        await page.waitForFunction((count) => document.querySelectorAll('.docusaurus-mermaid-container svg').length >= count, diagrams, {
          timeout: 20_000,
        });
      }
      expect(await page.locator('.docusaurus-mermaid-container').count()).toBe(diagrams);

      const broken = await page.evaluate(() =>
        Array.from(document.images)
          .filter((image) => !image.complete || image.naturalWidth === 0)
          .map((image) => image.src),
      );
      expect(broken).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);

      if (url.includes('/docs/labs/')) {
        await page.screenshot({ path: path.join(screenshots, `${locale}-${path.basename(url)}.png`), fullPage: true });
      }
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.each([
    ['en', '/', 'NAT'],
    ['ko', '/ko/', '가용영역'],
  ])('search in %s from %s finds "%s" offline, in the navbar and on the search page', async (_locale, home, term) => {
    const { page, errors } = await open(home);
    const input = page.locator('.navbar input[type="search"], .navbar input').first();
    await input.click();
    await input.fill(term);
    const suggestions = page.locator('[class*="suggestion_"]');
    await suggestions.first().waitFor({ timeout: 15_000 });
    expect(await suggestions.count()).toBeGreaterThan(0);
    expect((await suggestions.allInnerTexts()).join(' ')).toContain(term);

    await page.goto(`${base}${home}search?q=${encodeURIComponent(term)}`, { waitUntil: 'networkidle' });
    const results = page.locator('article[class*="searchResultItem"]');
    await results.first().waitFor({ timeout: 15_000 });
    expect(await results.count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([['/docs/getting-started'], ['/ko/docs/getting-started'], ['/docs/labs/on-prem-baseline'], ['/ko/docs/labs/on-prem-baseline']])(
    'the copy button of a command block on %s puts the command on the clipboard',
    async (url) => {
      const { page, errors } = await open(url);
      const block = page.locator('.theme-code-block.ws-command').first();
      // innerText puts a blank line between the code block's line elements; the clipboard has none.
      const expected = (await block.locator('pre code').innerText())
        .split('\n')
        .filter((line) => line.trim() !== '')
        .join('\n');
      await block.hover();
      await block.locator('button[aria-label="Copy code to clipboard"], button[aria-label="클립보드에 코드 복사"]').click();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
