// Issue 38 end to end: two officers and a unit syncing through a CouchDB-protocol server
// behind the office's web server (one origin, /couchdb/ passed on), a record changed by
// both officers settled in the conflict list, and the unit's refused write shown with the
// server's reason.
//
// Run: node --test tests/e2e/
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BASE, dist, loadSample, navLink, openApp, screenshot, sharedBrowser, shotsDir, PHONE } from './helpers.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { startCouch, setUp } from './couch.mjs';

const shared = sharedBrowser();
let couch;
let site;
let units;

before(async () => {
  couch = await startCouch();
  site = await startStaticServer(dist, { port: 0, base: BASE, proxy: { prefix: '/couchdb/', target: couch.url } });
  const sample = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'dondoc', '--', 'sample'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  units = setUp(couch, sample);
});

after(async () => {
  await site?.close();
  couch?.close();
});

/** Opens the app as a browser of the network: Data → Mạng đồng bộ, connect, first sync. */
async function connect(app, account, password) {
  await navLink(app.page, 'Dữ liệu').click();
  const card = app.page.locator('#network-card');
  assert.match(await card.locator('#net-address').inputValue(), /\/couchdb$/);
  await card.locator('#net-account').fill(account);
  await card.locator('#net-password').fill(password);
  await card.locator('#net-connect').click();
  await card.locator('#net-state').getByText('Đã đồng bộ lúc').waitFor({ timeout: 60_000 });
  return card;
}

/** A run asked for and ended (the page counts the runs that ended). */
async function syncNow(card) {
  // A run going on (the page syncs on its own every 30 s) ends first: the click starts a
  // run of its own, begun after everything done before.
  await card.locator('#net-state').getByText('Đang đồng bộ').waitFor({ state: 'detached' });
  const runs = Number(await card.locator('#net-state').getAttribute('data-runs'));
  await card.locator('#net-sync').click();
  await card.page().waitForFunction((n) => Number(document.querySelector('#net-state')?.dataset.runs) > n, runs, { timeout: 60_000 });
  await card.locator('#net-state').getByText('Đã đồng bộ lúc').waitFor();
}

/** The network card alone, to look at. */
async function shot(card, name) {
  await card.screenshot({ path: join(shotsDir, `${name}.png`) });
}

const allowCouch = { allowHttp: [/\/couchdb\//] };

describe('a province\'s network (http://, CouchDB protocol)', () => {
  test('two officers in step, a conflict settled, a unit\'s write refused and shown', async () => {
    const a = await openApp(shared.browser, site.url, allowCouch);
    const b = await openApp(shared.browser, site.url, allowCouch);
    const apps = [a, b];
    try {
      await loadSample(a.page);
      const cardA = await connect(a, 'vanphong', 'mat-khau-1');
      // The header says it too.
      await a.page.locator('#network-link').getByText('Đã đồng bộ lúc').waitFor();
      const cardB = await connect(b, 'vanphong2', 'mat-khau-2');
      // B holds what A published: the same register.
      await navLink(b.page, 'Dự án').click();
      const rowsA = await (async () => { await navLink(a.page, 'Dự án').click(); return a.page.locator('main table tbody tr').count(); })();
      assert.ok(rowsA > 0);
      assert.equal(await b.page.locator('main table tbody tr').count(), rowsA);
      await screenshot(b.page, 'network-second-officer-desktop-vi');

      // Both change the same unit's contact, offline from each other: A syncs first.
      const contact = async (app, text) => {
        await navLink(app.page, 'Đơn vị').click();
        await app.page.getByRole('link', { name: 'UBND xã Mường Phăng' }).first().click();
        await app.page.locator('#unit-form summary').click();
        await app.page.locator('#uf2-contact').fill(text);
        await app.page.getByRole('button', { name: 'Lưu đơn vị' }).click();
        await app.page.locator('dl.fields').getByText(text).waitFor();
      };
      await contact(a, 'Điện thoại 0215 111 111');
      await contact(b, 'Điện thoại 0215 222 222');
      await navLink(a.page, 'Dữ liệu').click();
      await syncNow(cardA);

      await navLink(b.page, 'Dữ liệu').click();
      await syncNow(cardB);

      const conflict = b.page.locator('fieldset[id^="net-conflict-"]');
      await conflict.first().waitFor();
      await shot(cardB, 'network-conflict-desktop-vi');
      // The same card in English.
      await b.page.locator('header button.lang').click();
      await cardB.getByRole('heading', { name: 'Records changed in two places' }).waitFor();
      await shot(cardB, 'network-conflict-desktop-en');
      await b.page.locator('header button.lang').click();
      await cardB.getByRole('heading', { name: 'Bản ghi được sửa ở cả hai nơi' }).waitFor();
      await conflict.first().getByLabel('Điện thoại 0215 111 111').check();
      await conflict.first().getByRole('button', { name: 'Ghi kết quả' }).click();
      await conflict.first().waitFor({ state: 'detached' });
      await syncNow(cardB);
      await syncNow(cardA);
      for (const app of apps) {
        await navLink(app.page, 'Đơn vị').click();
        await app.page.getByRole('link', { name: 'UBND xã Mường Phăng' }).first().click();
        await app.page.getByText('Điện thoại 0215 111 111').waitFor();
      }

      // A unit's account: it reads, and a change to a project is refused with the reason.
      const commune = units['UBND xã Mường Phăng'];
      assert.ok(commune, JSON.stringify(Object.keys(units)));
      const u = await openApp(shared.browser, site.url, { ...allowCouch, viewport: PHONE });
      apps.push(u);
      const cardU = await connect(u, commune.account, commune.password);
      await navLink(u.page, 'Dự án').click();
      await u.page.locator('main table tbody tr a').first().click();
      await u.page.getByRole('link', { name: 'Sửa thông tin dự án' }).click();
      await u.page.locator('#pf-name').fill('Tên do đơn vị sửa');
      await u.page.getByRole('button', { name: 'Lưu dự án' }).click();
      await navLink(u.page, 'Dữ liệu').click();
      await syncNow(cardU);
      const refused = u.page.locator('#net-refused');
      await refused.getByText('Đơn vị chỉ được ghi báo cáo tiến độ và đề nghị gia hạn', { exact: false }).waitFor();
      await shot(cardU, 'network-unit-refused-phone-vi');
      await screenshot(u.page, 'network-unit-phone-vi');
      // Its own progress report goes through, signed with its account.
      await navLink(u.page, 'Đơn vị').click();
      await u.page.getByRole('link', { name: 'UBND xã Mường Phăng' }).first().click();
      await u.page.getByRole('button', { name: /^Ghi cập nhật/ }).first().click();
      await u.page.locator('#uf-text').fill('Xã báo cáo qua mạng đồng bộ');
      await u.page.getByRole('button', { name: 'Lưu cập nhật' }).click();
      await navLink(u.page, 'Dữ liệu').click();
      await syncNow(cardU);
      assert.match(await cardU.locator('#net-report').textContent(), /1 bản ghi máy chủ không nhận/);
      // The office has the report, and nothing of the refused change.
      await navLink(a.page, 'Dữ liệu').click();
      await syncNow(cardA);
      await navLink(a.page, 'Dự án').click();
      assert.equal(await a.page.getByText('Tên do đơn vị sửa').count(), 0);
      await navLink(a.page, 'Đơn vị').click();
      await a.page.getByRole('link', { name: 'UBND xã Mường Phăng' }).first().click();
      await a.page.locator('ul.plain li').getByText('Xã báo cáo qua mạng đồng bộ', { exact: false }).first().waitFor();
    } catch (e) {
      for (const [i, app] of apps.entries()) await screenshot(app.page, `network-failed-${i}`);
      throw e;
    } finally {
      for (const app of apps) await app.context.close();
    }
  });
});
