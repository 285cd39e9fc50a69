// Shared pieces of the end-to-end tests: the browser, the two ways of opening the app,
// and the watchers that fail a test on a console error or a request leaving the page.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(root, 'dist');
export const shots = join(root, 'test-output', 'screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** The app served from a sub-path, as on an intranet file server. */
export async function serve() {
  return startStaticServer(dist, { base: '/apps/dondoc/' });
}

/** The single self-contained file, as opened by double-click. */
export const fileUrl = pathToFileURL(join(dist, 'dondoc.html')).href;

/**
 * A page in a fresh context (its own storage) that records console errors and every
 * request that leaves the page's own origin. Call `check()` at the end of a test.
 */
export async function openPage(browser, url, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    const own = url.startsWith('file:')
      ? ['file:', 'data:', 'blob:'].includes(u.protocol)
      : u.origin === origin || ['data:', 'blob:'].includes(u.protocol);
    if (!own) problems.push(`request left the app: ${r.url()}`);
  });
  await page.goto(url);
  return {
    page,
    context,
    check() {
      if (problems.length) throw new Error(problems.join('\n'));
    },
    close: () => context.close(),
  };
}

export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** The hash of the page's address, e.g. "#/projects/<id>". */
export async function hash(page) {
  return page.evaluate(() => location.hash);
}
