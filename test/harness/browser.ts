/// <reference lib="dom" />
/**
 * A real browser for the end-to-end tests: Debian's Chromium (`/usr/bin/chromium`) driven by playwright-core,
 * headless, with WebGL through SwiftShader so the network drawing renders as it does on a laptop.
 *
 * Every page is opened through `openPage`, which keeps the page honest: a request to any host but the test
 * server's loopback address is aborted and recorded, and console errors, uncaught exceptions and content
 * security policy violations are recorded, so a test can assert that there were none.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots go (git-ignored): test artefacts, kept after the run. */
export const ARTIFACTS = join(import.meta.dirname, '..', 'e2e', 'artifacts');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  // Nothing of Chromium's own calls home either.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface PageOptions {
  /** A bearer token the dashboard signs in with (stored as the app stores a pasted one). */
  token?: string;
  /** The label the header shows for that session. */
  label?: string;
  viewport?: { width: number; height: number };
  lang?: 'nl' | 'en';
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to send anywhere but the server under test (each was aborted). */
  foreign: string[];
  /** Console errors, uncaught exceptions and CSP violations, in order. */
  problems: string[];
  /** The text of every GraphQL response the page received over HTTP. */
  responses: string[];
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: PageOptions = {},
): Promise<WatchedPage> {
  const own = new URL(baseUrl);
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.lang === 'en' ? 'en-GB' : 'nl-NL',
  });
  const foreign: string[] = [];
  const problems: string[] = [];
  const responses: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === own.host)
      return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  if (options.token || options.lang) {
    const session = options.token
      ? JSON.stringify({ kind: 'token', value: options.token, label: options.label ?? 'token' })
      : null;
    await context.addInitScript(
      ({ session, lang }) => {
        if (session && !sessionStorage.getItem('e2e.seeded')) {
          localStorage.setItem('romgraph.session', session);
          sessionStorage.setItem('e2e.seeded', '1');
        }
        if (lang) localStorage.setItem('romgraph.lang', lang);
      },
      { session, lang: options.lang ?? null },
    );
  }
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The metrics answer 503 with Retry-After while they are computed, by design, and the view comes back when
    // told; Chromium logs every 503 as an error all the same.
    const designed =
      message.text().includes('status of 503') &&
      new URL(message.location().url || own.href).pathname === '/graphql';
    if (!designed) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/graphql') return;
    response.text().then(
      (text) => responses.push(text),
      () => {},
    );
  });
  return { page, context, foreign, problems, responses, close: () => context.close() };
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is and returns the serious and critical
 * violations. The script is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n: { target: string[] }) => n.target.join(' ')),
      }));
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
