// The province network in the browser (issue 38), not a test: an office's browser holding
// the province dataset connects to a CouchDB-protocol server behind the app's origin and
// publishes everything (its first push), then a second, empty browser takes the province
// in (its first replica). Each is timed from "Kết nối và đồng bộ" to "Đã đồng bộ lúc", with
// the longest main-thread task while it ran. Run by scripts/bench after the release build.
//
//   node bench/sync.mjs [--size province]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BASE, dist, launch, root } from '../tests/e2e/helpers.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { startCouch, setUp } from '../tests/e2e/couch.mjs';

const args = process.argv.slice(2);
const size = args.includes('--size') ? args[args.indexOf('--size') + 1] : 'province';
const dondoc = join(process.env.CARGO_TARGET_DIR || join(root, 'target'), 'release', 'dondoc');

const LONGTASKS = `(() => {
  window.__longest = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  } catch (e) {}
})();`;

/** Connects from the Data screen; the time until the first run ended and the longest task. */
async function connect(page, account, password) {
  await page.locator('header.top nav').getByRole('link', { name: 'Dữ liệu' }).click();
  const card = page.locator('#network-card');
  await card.locator('#net-account').fill(account);
  await card.locator('#net-password').fill(password);
  await page.evaluate(() => { window.__longest = 0; window.__t0 = performance.now(); });
  await card.locator('#net-connect').click();
  await card.locator('#net-state').getByText('Đã đồng bộ lúc').waitFor({ timeout: 600_000 });
  return page.evaluate(() => ({ ms: performance.now() - window.__t0, longest: window.__longest }));
}

const couch = await startCouch();
const site = await startStaticServer(dist, { port: 0, base: BASE, proxy: { prefix: '/couchdb/', target: couch.url } });
const browser = await launch();
try {
  const sample = JSON.parse(execFileSync(dondoc, ['sample'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  setUp(couch, sample);
  const stored = JSON.parse(execFileSync(dondoc, ['store', size], { maxBuffer: 1 << 30 }).toString());
  const records = Object.keys(stored).length;
  const open = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(LONGTASKS);
    return page;
  };
  const a = await open();
  await a.goto(site.url);
  await a.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of entries) localStorage.setItem(k, v);
  }, Object.entries(stored));
  await a.goto(site.url);
  await a.locator('header.top nav a').first().waitFor();
  const push = await connect(a, 'vanphong', 'mat-khau-1');
  const b = await open();
  await b.goto(site.url);
  await b.locator('header.top nav a').first().waitFor();
  const pull = await connect(b, 'vanphong2', 'mat-khau-2');
  const row = (what, r) => `${what}: ${(r.ms / 1000).toFixed(1)} s, longest main-thread task ${Math.round(r.longest)} ms`;
  console.log(`Sync in Chromium, ${size} dataset (${records} stored keys), through the app's origin to PouchDB Server:`);
  console.log(`  ${row('first push (an office publishes everything)', push)}`);
  console.log(`  ${row('first replica (an empty browser takes everything in)', pull)}`);
} finally {
  await browser.close();
  await site.close();
  couch.close();
}
