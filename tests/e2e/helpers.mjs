// Shared pieces of the end-to-end tests: the browser, the two ways of opening the built app
// (a static server under a sub-path, and the single file from disk), the watchers that fail
// a test on a console error, a page error or a request leaving the app, and screenshots.
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

/** The repository root, found from this file (tests/e2e/helpers.mjs). */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built app: dist/, or another copy named by DONDOC_DIST. */
export const dist = process.env.DONDOC_DIST || join(root, 'dist');
export const shotsDir = join(root, 'test-output', 'screenshots');
export const failuresDir = join(root, 'test-output', 'failures');

/** The sub-path the app is served under, as on an intranet file server. */
export const BASE = '/apps/dondoc/';

/** The single self-contained file, as opened by double-click. */
export const fileUrl = pathToFileURL(join(dist, 'dondoc.html')).href;

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const WIDTHS = [['desktop', DESKTOP], ['phone', PHONE]];

/** How long one wait may take: generous, the machine may be busy compiling. */
const WAIT_MS = 20_000;

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Serves dist/ under /apps/dondoc/ on 127.0.0.1 at a free port, with the same server as
 * `scripts/serve` (node's http module; application/wasm for .wasm, text/javascript for .js).
 * Resolves to { url, close }.
 */
export function serve() {
  return startStaticServer(dist, { port: 0, base: BASE });
}

/**
 * Whether a request from a page of the app at `appUrl` stays with the app: from a server,
 * the same host and port only (blob: URLs made by the page carry its origin); from a file,
 * only file:, data: and blob: URLs.
 */
export function staysHome(appUrl, requestUrl) {
  const app = new URL(appUrl);
  const req = new URL(requestUrl);
  if (app.protocol === 'file:') return ['file:', 'data:', 'blob:'].includes(req.protocol);
  return req.origin === app.origin;
}

/**
 * Records, for every page of `context`, console errors, uncaught page errors, requests that
 * leave the app and failed responses of the app's own files. `allowConsole`: patterns of
 * console errors a test provokes on purpose.
 */
/** The app checks for the office's shared file at start-up; where there is none, the
 * server answers 404 and Chromium logs it. */
const noSharedFile = (url) => /\/dondoc-data\.json$/.test(url);

export function watch(context, appUrl, { allowConsole = [], allowHttp = [] } = {}) {
  const problems = [];
  const responses = [];
  const requests = [];
  context.on('request', (r) => {
    requests.push(r.url());
    if (!staysHome(appUrl, r.url())) problems.push(`request left the app: ${r.method()} ${r.url()}`);
  });
  context.on('response', (r) => {
    responses.push(r);
    if (r.status() === 404 && noSharedFile(r.url())) return;
    if (allowHttp.some((re) => re.test(r.url()))) return;
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  const onPage = (page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (allowConsole.some((re) => re.test(text))) return;
      if (/status of 404/.test(text) && noSharedFile(m.location().url || '')) return;
      problems.push(`console error: ${text} (${m.location().url || 'no location'})`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  context.on('page', onPage);
  return { problems, responses, requests, onPage };
}

/**
 * Opens the app at `url` in a fresh context (its own localStorage; file:// pages of one
 * context share one storage area, so every test gets its own context) and waits until the
 * app has drawn its first screen.
 */
export async function openApp(browser, url, {
  viewport = DESKTOP, allowConsole, allowHttp, timezoneId, locale = 'vi-VN',
} = {}) {
  // An office PC in Vietnam. `locale`: a browser set to another language (an English Chrome
  // shows a browser's own date input as mm/dd/yyyy); `timezoneId`: the computer's clock set
  // to another zone (many office PCs are left on UTC).
  const context = await browser.newContext({
    viewport, acceptDownloads: true, locale, ...(timezoneId ? { timezoneId } : {}),
  });
  context.setDefaultTimeout(WAIT_MS);
  const watcher = watch(context, url, { allowConsole, allowHttp });
  const page = await context.newPage();
  await page.goto(url);
  await appReady(page);
  return { page, context, url, ...watcher };
}

/** The app has mounted: the header with the main navigation is on screen. */
export async function appReady(page) {
  await page.locator('header.top nav a').first().waitFor();
}

/**
 * Runs `body(app)` on a freshly opened app; afterwards always closes the context, keeps a
 * screenshot of a failure in test-output/failures/, and fails the test if anything was
 * logged as an error or a request left the app.
 */
export async function withApp(t, browser, url, options, body) {
  const app = await openApp(browser, url, options);
  try {
    await body(app);
  } catch (err) {
    await app.page
      .screenshot({ path: join(mkdir(failuresDir), `${slug(t.name)}.png`), fullPage: true })
      .catch(() => {});
    if (app.problems.length) err.message += `\nAlso seen during the test:\n${app.problems.join('\n')}`;
    throw err;
  } finally {
    await app.context.close();
  }
  assertClean(app);
}

export function assertClean(app) {
  if (app.problems.length) {
    throw new Error(`Problems while the app ran at ${app.url}:\n${app.problems.join('\n')}`);
  }
}

export function mkdir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

const slug = (s) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

/** Full-page screenshot to test-output/screenshots/<name>.png. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(mkdir(shotsDir), `${name}.png`), fullPage: true });
}

/** A day as an officer types it, dd/mm/yyyy (the browser's language aside). */
export function dmy(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The day `days` from today (negative: before). */
export function daysFromNow(days) {
  return new Date(Date.now() + days * 86400000);
}

/** The hash of the page's address, e.g. "#/projects/<id>". */
export function hash(page) {
  return page.evaluate(() => location.hash);
}

/** Waits until the page's hash matches `re`, and returns it. */
export async function waitForHash(page, re) {
  await page.waitForFunction((source) => new RegExp(source).test(location.hash), re.source);
  return hash(page);
}

/** A link of the main navigation. */
export function navLink(page, name) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

/** The page's main heading (h1). */
export function heading(page) {
  return page.getByRole('main').getByRole('heading', { level: 1 });
}

/** The row of a list table whose header cell (the record's link) has exactly `text`. */
export function listRow(page, text) {
  return page.locator('table.list tbody tr').filter({
    has: page.locator('th, td').getByText(text, { exact: true }),
  });
}

export async function welcome(page) {
  await heading(page).filter({ hasText: 'Chào mừng đến với Dondoc' }).waitFor();
}

/** From the empty app: the welcome's sample button, then the dashboard's figures. */
export async function loadSample(page) {
  await welcome(page);
  await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
  await page.getByText('1.461 tỷ đồng').first().waitFor();
}

/** One browser and one static server for a test file, started before its tests. */
export function sharedBrowser() {
  const shared = {};
  before(async () => {
    shared.browser = await launch();
    shared.server = await serve();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/**
 * What the app stores for a generated dataset (`small`, `province`, `large`: up to three
 * times a province), as the native command writes it (`dondoc store <size>`, as the bench
 * seeds it): key → value. The command is the one `cargo test` or `scripts/bench` built (the
 * newer), built here if there is none.
 */
export function generatedStore(size) {
  const target = process.env.CARGO_TARGET_DIR || join(root, 'target');
  const built = ['release', 'debug']
    .map((profile) => join(target, profile, 'dondoc'))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!built.length) execFileSync('cargo', ['build', '--quiet', '--bin', 'dondoc'], { cwd: root, stdio: 'inherit' });
  const bin = built[0] || join(target, 'debug', 'dondoc');
  return JSON.parse(execFileSync(bin, ['store', size], { maxBuffer: 1 << 30 }).toString());
}

/** Puts `stored` (from `generatedStore`) in the app's storage, then opens the app again. */
export async function seedStore(page, stored) {
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of entries) localStorage.setItem(k, v);
  }, Object.entries(stored));
  await page.reload();
  await appReady(page);
}
