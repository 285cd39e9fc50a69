// The flows an officer uses, on the built app (dist/), from both ways of opening it:
// http:// (a static server under the sub-path /apps/dondoc/) and file:// (dist/dondoc.html).
// Every test runs in a fresh browser context (empty localStorage) and fails on any console
// error, uncaught page error, or request leaving the app (see helpers.mjs: withApp).
// Screenshots go to test-output/screenshots/<origin>-<lang>-<width>-<screen>.png.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BASE, WIDTHS, dist, fileUrl, hash, heading, listRow, loadSample, navLink, screenshot,
  waitForHash, welcome, sharedBrowser, withApp,
} from './helpers.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const shared = sharedBrowser();

const ORIGINS = {
  http: () => shared.server.url,
  file: () => fileUrl,
};

// The labels the tests look for, in each language (from src/i18n/messages.rs).
const LABELS = {
  vi: {
    nav: ['Tổng quan', 'Dự án', 'Cuộc họp', 'Kết luận', 'Đôn đốc', 'Báo cáo', 'Đơn vị', 'Dữ liệu'],
    money: '1.461 tỷ đồng',
    percent: '43,54%',
    dataTitle: 'Dữ liệu: nhập, xuất, lưu trữ',
    switchTo: 'English',
    editProject: 'Sửa thông tin dự án',
  },
  en: {
    nav: ['Dashboard', 'Projects', 'Meetings', 'Conclusions', 'Follow-up', 'Report', 'Units', 'Data'],
    money: '1,461 billion VND',
    percent: '43.54%',
    dataTitle: 'Data: import, export, storage',
    switchTo: 'Tiếng Việt',
    editProject: 'Edit the project',
  },
};

// One record of each kind in the sample, how to find it in its list, and what its page shows.
const RECORDS = [
  {
    kind: 'project',
    list: 'projects',
    nav: 1,
    inList: 'Nậm Rốm',
    open: (page) => listRow(page, 'Nậm Rốm').getByRole('link', { name: 'Nậm Rốm', exact: true }),
    title: 'Dự án Quản lý tổng hợp đa thiên tai lưu vực sông Nậm Rốm',
    shows: 'Phó Chủ tịch UBND tỉnh Lò Văn A',
  },
  {
    kind: 'meeting',
    list: 'meetings',
    nav: 2,
    inList: 'Hội trường UBND tỉnh Điện Biên',
    open: (page) => listRow(page, 'Hội trường UBND tỉnh Điện Biên').getByRole('link'),
    title: null, // "<kind> <date>": the date is relative to today
    shows: 'Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo',
  },
  {
    kind: 'conclusion',
    list: 'conclusions',
    nav: 3,
    inList: '16-KL/BCĐ',
    open: (page) => listRow(page, '16-KL/BCĐ').getByRole('link', { name: '16-KL/BCĐ', exact: true }),
    title: '16-KL/BCĐ · Kết luận của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm',
    shows: 'CHÁNH VĂN PHÒNG Nguyễn Văn C',
  },
  {
    kind: 'unit',
    list: 'units',
    nav: 6,
    inList: 'Sở Xây dựng',
    open: (page) => listRow(page, 'Sở Xây dựng').getByRole('link', { name: 'Sở Xây dựng', exact: true }),
    title: 'Sở Xây dựng',
    shows: 'Giao Sở Xây dựng chủ trì',
  },
];

/** The link of the navigation marked as the current page. */
async function currentNav(page) {
  return page.getByRole('navigation').locator('a[aria-current="page"]').innerText();
}

/** Waits until the list screen of `record` shows its heading and the sample record. */
async function listShown(page, lang, record) {
  const label = LABELS[lang].nav[record.nav];
  await heading(page).filter({ hasText: new RegExp(`^${label} \\(\\d+\\)$`) }).waitFor();
  await listRow(page, record.inList).waitFor();
}

/** Waits until `record`'s own page is shown; returns its h1 text. */
async function recordShown(page, record) {
  if (record.title) await heading(page).filter({ hasText: record.title }).waitFor();
  await page.getByRole('main').getByText(record.shows, { exact: false }).first().waitFor();
  return heading(page).innerText();
}

const idPattern = (list) => new RegExp(`^#/${list}/[0-9a-f-]{36}$`);

for (const [origin, appUrl] of Object.entries(ORIGINS)) {
  describe(`from ${origin}://`, () => {
    test(`welcome when empty, then the sample fills the dashboard (${origin})`, async (t) => {
      await withApp(t, shared.browser, appUrl(), {}, async ({ page, responses }) => {
        assert.equal(await page.getAttribute('html', 'lang'), 'vi');
        await welcome(page);
        assert.match(await page.title(), /^Dondoc · Đôn đốc dự án trọng điểm/);
        const sample = page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' });
        assert.equal(await sample.isVisible(), true);
        await navLink(page, 'Tổng quan').waitFor();
        assert.equal(await currentNav(page), 'Tổng quan');
        await screenshot(page, `${origin}-vi-desktop-welcome`);

        await sample.click();
        await heading(page).filter({ hasText: 'Tổng quan' }).waitFor();
        await page.getByText('1.461 tỷ đồng').first().waitFor();
        await page.getByText('43,54%').first().waitFor();
        assert.equal(await page.getByRole('heading', { name: 'Chào mừng đến với Dondoc' }).count(), 0);
        assert.equal(await sample.count(), 0);

        if (origin === 'http') {
          // The server under a sub-path, with the types browsers insist on for modules and wasm.
          const type = (re) => responses.find((r) => re.test(new URL(r.url()).pathname))?.headers()['content-type'];
          assert.equal(new URL(page.url()).pathname, BASE);
          assert.match(type(/\/apps\/dondoc\/dondoc-[0-9a-f]+\.js$/) ?? 'none', /^text\/javascript\b/);
          assert.equal(type(/\/apps\/dondoc\/dondoc-[0-9a-f]+_bg\.wasm$/), 'application/wasm');
        }
      });
    });

    test(`every screen by the navigation, one record of each kind, reload and back (${origin})`, async (t) => {
      await withApp(t, shared.browser, appUrl(), {}, async ({ page }) => {
        await loadSample(page);
        assert.equal(await currentNav(page), 'Tổng quan');

        for (const record of RECORDS) {
          const label = LABELS.vi.nav[record.nav];
          await navLink(page, label).click();
          assert.equal(await waitForHash(page, new RegExp(`^#/${record.list}$`)), `#/${record.list}`);
          await listShown(page, 'vi', record);
          assert.equal(await currentNav(page), label);
          if (record.list === 'projects') {
            await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();
          }

          // Open the record from its list: its own address, its own data.
          const link = record.open(page);
          const href = await link.getAttribute('href');
          await link.click();
          const address = await waitForHash(page, idPattern(record.list));
          assert.equal(address, href);
          const title = await recordShown(page, record);
          assert.equal(await currentNav(page), label, 'the record keeps its section current');

          // The record's address survives a reload: the data was stored, the route is kept.
          await page.reload();
          await heading(page).filter({ hasText: title }).waitFor();
          await recordShown(page, record);
          assert.equal(await hash(page), address);

          // Back returns to the list the record was opened from.
          await page.goBack();
          assert.equal(await waitForHash(page, new RegExp(`^#/${record.list}$`)), `#/${record.list}`);
          await listShown(page, 'vi', record);
        }

        await navLink(page, 'Dữ liệu').click();
        await waitForHash(page, /^#\/data$/);
        await heading(page).filter({ hasText: LABELS.vi.dataTitle }).waitFor();
        await page.getByRole('heading', { name: 'Lưu trữ trên máy này' }).waitFor();
        assert.equal(await currentNav(page), 'Dữ liệu');
        await page.goBack();
        await waitForHash(page, /^#\/units$/);
        await listShown(page, 'vi', RECORDS[3]);

        await navLink(page, 'Tổng quan').click();
        await waitForHash(page, /^#\/$/);
        await page.getByText('1.461 tỷ đồng').first().waitFor();
        assert.equal(await currentNav(page), 'Tổng quan');
        await page.goBack();
        await waitForHash(page, /^#\/units$/);
        await listShown(page, 'vi', RECORDS[3]);
      });
    });

    test(`the English button switches every label and is remembered (${origin})`, async (t) => {
      await withApp(t, shared.browser, appUrl(), {}, async ({ page }) => {
        await loadSample(page);
        await page.getByRole('button', { name: 'English' }).click();
        await navLink(page, 'Projects').waitFor();
        await page.getByText('1,461 billion VND').first().waitFor();
        await page.getByText('43.54%').first().waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.deepEqual(await page.getByRole('navigation').getByRole('link').allInnerTexts(), LABELS.en.nav);
        assert.equal(await page.getByText('1.461 tỷ đồng').count(), 0);
        assert.match(await page.title(), /^Dondoc · Follow-up of key projects/);
        await navLink(page, 'Projects').click();
        await heading(page).filter({ hasText: /^Projects \(6\)$/ }).waitFor();

        await page.reload();
        await heading(page).filter({ hasText: /^Projects \(6\)$/ }).waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await navLink(page, 'Dashboard').click();
        await page.getByText('1,461 billion VND').first().waitFor();
        await page.getByText('43.54%').first().waitFor();

        await page.getByRole('button', { name: 'Tiếng Việt' }).click();
        await navLink(page, 'Dự án').waitFor();
        await page.getByText('1.461 tỷ đồng').first().waitFor();
        assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      });
    });

    test(`loading the sample over existing data asks first; Huỷ changes nothing, Đồng ý adds (${origin})`, async (t) => {
      await withApp(t, shared.browser, appUrl(), {}, async ({ page }) => {
        await loadSample(page);
        // The sample is saved (the manifest is the commit point of a save), and the first
        // save's snapshot stored after it, a task at a time (its index names it last).
        await page.waitForFunction(() => localStorage.getItem('dondoc.d.manifest') !== null
          && (localStorage.getItem('dondoc.snap.index') || '').includes('dondoc.snap.'));
        const stored = () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
        const before = await stored();

        const openDataAndAsk = async () => {
          await navLink(page, 'Dữ liệu').click();
          await heading(page).filter({ hasText: LABELS.vi.dataTitle }).waitFor();
          await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
          const dialog = page.getByRole('alertdialog');
          await dialog.waitFor();
          await dialog.getByText('Dữ liệu mẫu sẽ được thêm như các bản ghi mới').waitFor();
          return dialog;
        };

        let dialog = await openDataAndAsk();
        await dialog.getByRole('button', { name: 'Đồng ý' }).waitFor();
        await dialog.getByRole('button', { name: 'Huỷ' }).click();
        await dialog.waitFor({ state: 'detached' });
        await navLink(page, 'Dự án').click();
        await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();
        await page.reload();
        await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();
        assert.deepEqual(await stored(), before, 'Huỷ leaves the stored data as it was');

        dialog = await openDataAndAsk();
        await dialog.getByRole('button', { name: 'Đồng ý' }).click();
        await dialog.waitFor({ state: 'detached' });
        await navLink(page, 'Dự án').click();
        await heading(page).filter({ hasText: /^Dự án \(12\)$/ }).waitFor();
        await page.reload();
        await heading(page).filter({ hasText: /^Dự án \(12\)$/ }).waitFor();
      });
    });
  });
}

// Screenshots of every screen. From http:// all of them, in both languages and widths;
// from file:// the dashboard (the same app, only loaded differently).
describe('screenshots', () => {
  for (const lang of ['vi', 'en']) {
    for (const [width, viewport] of WIDTHS) {
      test(`every screen, http, ${lang}, ${width}`, async (t) => {
        await withApp(t, shared.browser, shared.server.url, { viewport }, async ({ page }) => {
          const L = LABELS[lang];
          const shot = (screen) => screenshot(page, `http-${lang}-${width}-${screen}`);
          await loadSample(page);
          if (lang === 'en') {
            await page.getByRole('button', { name: LABELS.vi.switchTo }).click();
            await navLink(page, 'Dashboard').waitFor();
          }
          await page.getByText(L.money).first().waitFor();
          await shot('dashboard');
          for (const record of RECORDS) {
            await navLink(page, L.nav[record.nav]).click();
            await listShown(page, lang, record);
            await shot(record.list);
            await record.open(page).click();
            await waitForHash(page, idPattern(record.list));
            await recordShown(page, record);
            if (record.kind === 'project') await page.locator('main .charts svg').first().waitFor();
            await shot(record.kind);
            if (record.kind === 'project') {
              await page.getByRole('link', { name: L.editProject }).click();
              await waitForHash(page, /\/edit$/);
              await page.locator('#pf-name').waitFor();
              await page.locator('#pf-planned-start').fill('2031-01-01');
              await page.locator('#pf-planned-finish').fill('2030-01-01');
              await page.locator('#pf-planned-start-problem').filter({ hasText: /\S/ }).waitFor();
              await shot('project-form');
            }
          }
          await navLink(page, L.nav[4]).click();
          await page.locator('#fu-search').waitFor();
          await page.locator('ul.states li').first().waitFor();
          await shot('follow-up');
          await navLink(page, L.nav[5]).click();
          await page.locator('#rp-scope').waitFor();
          await page.locator('main table.list tbody tr').first().waitFor();
          await shot('report');
          await navLink(page, L.nav[7]).click();
          await heading(page).filter({ hasText: L.dataTitle }).waitFor();
          await page.locator('main meter').waitFor();
          await shot('data');
        });
      });
    }
  }

  test('the dashboard, file, both languages and widths', async (t) => {
    for (const [width, viewport] of WIDTHS) {
      await withApp(t, shared.browser, fileUrl, { viewport }, async ({ page }) => {
        await loadSample(page);
        await screenshot(page, `file-vi-${width}-dashboard`);
        await page.getByRole('button', { name: LABELS.vi.switchTo }).click();
        await page.getByText(LABELS.en.money).first().waitFor();
        await screenshot(page, `file-en-${width}-dashboard`);
      });
    }
  });
});

// An intranet server configured otherwise than ours: the types it sends for the wasm.
describe('intranet servers', () => {
  // compileStreaming takes exactly application/wasm; anything else is compiled from the bytes.
  for (const type of ['application/octet-stream', 'application/wasm; charset=utf-8']) {
    test(`a server that sends the wasm as ${type} still starts the app`, async (t) => {
      const server = await startStaticServer(dist, { port: 0, base: BASE, types: { '.wasm': type } });
      try {
        await withApp(t, shared.browser, server.url, {}, async ({ page, responses }) => {
          await loadSample(page);
          const wasm = responses.find((r) => /_bg\.wasm$/.test(new URL(r.url()).pathname));
          assert.equal(wasm?.headers()['content-type'], type);
        });
      } finally {
        await server.close();
      }
    });
  }

  // IIS answers 404 for a file type it has no entry for, as .wasm on an older server.
  test('a server that refuses the wasm opens dondoc.html instead, on the same data', async (t) => {
    const server = await startStaticServer(dist, { port: 0, base: BASE, missing: ['.wasm'] });
    try {
      await withApp(t, shared.browser, `${server.url}#/projects`, {
        allowHttp: [/_bg\.wasm$/], allowConsole: [/status of 404/],
      }, async ({ page }) => {
        assert.match(page.url(), /\/dondoc\.html#\/projects$/);
        await navLink(page, 'Tổng quan').click();
        await loadSample(page);
        await page.goto(server.url);
        await page.waitForURL(/dondoc\.html/);
        await page.getByText('1.461 tỷ đồng').first().waitFor();
      });
    } finally {
      await server.close();
    }
  });

  test('with neither the wasm nor dondoc.html, the page says why and what to do', async () => {
    const server = await startStaticServer(dist, { port: 0, base: BASE, missing: ['.wasm', 'dondoc.html'] });
    const context = await shared.browser.newContext({ viewport: WIDTHS[0][1] });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const alert = page.getByRole('alert');
      await alert.getByText('Dondoc không khởi động được').waitFor();
      await alert.getByText('HTTP 404').waitFor();
      await alert.getByText('Dondoc could not start').waitFor();
      assert.equal(await alert.getByRole('link', { name: 'Mở dondoc.html / Open dondoc.html' }).getAttribute('href'), './dondoc.html');
      await screenshot(page, 'http-vi-desktop-wasm-refused');
    } finally {
      await context.close();
      await server.close();
    }
  });
});

// Beyond the first steps: what can go wrong with storage, and the everyday work on records.
describe('storage problems and editing (http)', () => {
  test('a failed save is shown at once, keeps the data and offers an export', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await welcome(page);
      // Fill this origin's storage to the browser's quota, as years of other data would.
      await page.evaluate(() => {
        let n = 0;
        for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10]) {
          const filler = 'x'.repeat(size);
          try { for (;;) localStorage.setItem(`filler.${n++}`, filler); } catch { /* full */ }
        }
      });
      await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Bộ nhớ trình duyệt đã đầy' });
      await alert.waitFor();
      await page.getByText('1.461 tỷ đồng').first().waitFor(); // still on screen, from memory
      const download = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^dondoc-tat-ca-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(await readDownload(file));
      assert.equal(exported.format, 'dondoc');
      assert.equal(exported.projects.length, 6);
      // Room is made; trying again saves, and the data survives a reload.
      await page.evaluate(() => Object.keys(localStorage)
        .filter((k) => k.startsWith('filler.'))
        .forEach((k) => localStorage.removeItem(k)));
      await alert.getByRole('button', { name: 'Thử lưu lại' }).click();
      await alert.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByText('1.461 tỷ đồng').first().waitFor();
    });
  });

  test('stored data that cannot be read is set aside, explained and downloadable', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await page.waitForFunction(() => localStorage.getItem('dondoc.d.manifest') !== null);
      await page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('dondoc.d.projects.'));
        localStorage.setItem(key, 'damaged by a disk error');
      });
      await page.reload();
      const alert = page.getByRole('alert').filter({ hasText: 'Có dữ liệu đã lưu không đọc được' });
      await alert.waitFor();
      await welcome(page);
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dondoc.aside.')).length);
      assert.ok(kept > 5, `the unreadable data is kept aside (${kept} keys)`);
      const download = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Tải dữ liệu đã cất riêng' }).click();
      const text = await readDownload(await download);
      assert.match(text, /damaged by a disk error/);
      assert.match(text, /Nậm Rốm|16-KL\/BCĐ/);
      await screenshot(page, 'http-vi-desktop-set-aside');
    });
  });

  test('the projects list counts statuses and filters without diacritics', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.getByText('4/6 chậm tiến độ').waitFor();
      const rows = page.locator('table.list tbody tr');
      const rowCount = (n) => page.waitForFunction((n) => document.querySelectorAll('table.list tbody tr').length === n, n);
      await page.getByLabel('Tìm (không cần dấu)').fill('nam rom');
      await rowCount(1);
      assert.match(await rows.first().innerText(), /Nậm Rốm/);
      await page.getByLabel('Tìm (không cần dấu)').fill('duong dong luc');
      await rowCount(1);
      assert.match(await rows.first().innerText(), /Đường động lực/);
      await page.getByLabel('Tìm (không cần dấu)').fill('');
      await page.getByLabel('Tình trạng tiến độ').selectOption({ label: 'Chậm tiến độ' });
      await rowCount(4);
      await screenshot(page, 'http-vi-desktop-projects-filtered');
    });
  });

  test('adding partial progress reports: live problems, nothing invalid stored, figures carried forward', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.locator('main table.list').getByRole('link', { name: 'Nậm Rốm' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (3)' }).waitFor();
      await page.getByText('Thêm báo cáo tiến độ').click();
      await page.getByLabel('tổng số hộ bị ảnh hưởng').fill('514');
      await page.getByLabel('số hộ đã bàn giao').fill('600');
      await page.getByText('Lớn hơn tổng số hộ bị ảnh hưởng.').waitFor();
      await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('abc');
      await page.getByText('Không phải số.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      // Rejected: nothing stored, nothing typed lost.
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (3)' }).waitFor();
      assert.equal(await page.getByLabel('số hộ đã bàn giao').inputValue(), '600');
      await page.getByLabel('số hộ đã bàn giao').fill('400');
      await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByText('Đã thêm báo cáo.').waitFor();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (4)' }).waitFor();
      await page.getByText('400/514 hộ (77,82%)').first().waitFor();
      // A second report with only disbursement keeps site clearance carried forward.
      await page.getByLabel('kế hoạch vốn giao (tỷ đồng)').fill('180');
      await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('140,5');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (5)' }).waitFor();
      await page.getByText('140,5 tỷ đồng / 180 tỷ đồng (78,06%)').first().waitFor();
      await screenshot(page, 'http-vi-desktop-report-added');
      await page.reload();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (5)' }).waitFor();
      await page.getByText('400/514 hộ (77,82%)').first().waitFor();
    });
  });

  test('overriding the computed status needs a reason and shows both', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.locator('main table.list').getByRole('link', { name: 'Him Lam giai đoạn II' }).click();
      await page.getByText('Ghi đánh giá của cán bộ').click();
      await page.getByLabel('Tình trạng tiến độ').selectOption({ label: 'Chậm tiến độ' });
      await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
      await page.getByText('Cần ghi lý do').waitFor();
      await page.locator('#jf-status-reason').fill('Nhà thầu thiếu nhân lực, chậm 2 tháng');
      await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
      await page.getByText('Đã lưu đánh giá.').waitFor();
      await page.getByText('Chậm tiến độ (ngày', { exact: false }).waitFor();
      await page.getByText('Nhà thầu thiếu nhân lực, chậm 2 tháng', { exact: false }).first().waitFor();
      await navLink(page, 'Dự án').click();
      const row = page.locator('table.list tbody tr', { hasText: 'Him Lam' });
      await row.getByText('tính từ số liệu: Đúng tiến độ').waitFor();
      await page.reload();
      await row.getByText('Chậm tiến độ').first().waitFor();
      await page.getByText('5/6 chậm tiến độ').waitFor();
    });
  });

  test('the register: create a project, two partial reports, obstacles, tolerance, archive; reload finds it all', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      const iso = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.getByRole('link', { name: 'Thêm dự án' }).click();
      await waitForHash(page, /^#\/projects\/new$/);
      // Rejected: the problems are named and nothing is stored.
      await page.getByRole('button', { name: 'Lưu dự án' }).click();
      await page.getByText('Chưa lưu: hãy sửa các ô được đánh dấu ở trên.').waitFor();
      await page.locator('#pf-name-problem').getByText('Chưa được nhập.').waitFor();
      await page.getByLabel('Tên dự án').fill('Đường nối Quốc lộ 279 với Cảng hàng không Điện Biên');
      await page.getByLabel('Tên gọi tắt').fill('Đường QL279');
      await page.getByLabel('Địa điểm').fill('Huyện Điện Biên');
      await page.getByLabel('Nhóm dự án').selectOption({ label: 'Nhóm B' });
      await page.getByLabel('Nguồn vốn').selectOption({ label: 'Ngân sách nhà nước' });
      await page.getByLabel('Chủ đầu tư').selectOption({ index: 1 });
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('1,300');
      await page.getByText('= 1,3 tỷ đồng').waitFor(); // the Vietnamese reading, shown at once
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('1.300,5');
      await page.getByText('= 1.300,5 tỷ đồng').waitFor();
      await page.getByLabel('Ngày khởi công theo kế hoạch').fill(iso(365));
      await page.getByLabel('Ngày hoàn thành theo kế hoạch').fill(iso(-365));
      await page.locator('#pf-planned-start-problem').getByText('Sau ngày hoàn thành theo kế hoạch.').waitFor();
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('-5');
      await page.locator('#pf-total-investment-problem').getByText('Không được âm.').waitFor();
      await page.getByRole('button', { name: 'Lưu dự án' }).click();
      assert.match(await hash(page), /^#\/projects\/new$/, 'still on the form');
      assert.equal(await page.getByLabel('Tên gọi tắt').inputValue(), 'Đường QL279', 'nothing typed is lost');
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('1.300,5');
      await page.getByLabel('Ngày khởi công theo kế hoạch').fill(iso(-365));
      await page.getByLabel('Ngày hoàn thành theo kế hoạch').fill(iso(365));
      await page.getByRole('button', { name: 'Lưu dự án' }).click();
      await waitForHash(page, idPattern('projects'));
      await heading(page).filter({ hasText: 'Đường nối Quốc lộ 279 với Cảng hàng không Điện Biên' }).waitFor();
      await page.getByText('1.300,5 tỷ đồng').waitFor();
      const computed = page.locator('dl.fields dt', { hasText: 'Tình trạng tính từ số liệu' }).locator('xpath=following-sibling::dd[1]');
      assert.equal(await computed.innerText(), 'Đúng tiến độ', 'no volume yet: no evidence of delay');

      // Two partial reports: the second gives only capital and keeps site clearance.
      await page.getByText('Thêm báo cáo tiến độ').click();
      await page.getByLabel('Số liệu đến ngày').fill(iso(-30));
      await page.getByLabel('Tổng số hộ bị ảnh hưởng').fill('120');
      await page.getByLabel('Số hộ đã bàn giao').fill('80');
      await page.getByLabel('Khối lượng xây lắp (%)').fill('30');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (1)' }).waitFor();
      assert.equal(await computed.innerText(), 'Chậm tiến độ', '30% done, 50% of the time gone');
      await page.getByLabel('Kế hoạch vốn giao (tỷ đồng)').fill('200');
      await page.getByLabel('Vốn đã giải ngân (tỷ đồng)').fill('50');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (2)' }).waitFor();
      await page.getByText('80/120 hộ (66,67%)').first().waitFor();
      await page.getByText('50 tỷ đồng / 200 tỷ đồng (25%)').first().waitFor();
      await page.getByText('Vốn đã giải ngân: 50 tỷ đồng (lần đầu báo cáo)').waitFor();
      assert.equal(await page.locator('main .charts svg').count(), 3, 'a chart per figure');

      // An obstacle, resolved later.
      await page.getByText('Thêm vướng mắc').click();
      await page.getByLabel('Loại vướng mắc').selectOption({ label: 'Pháp lý' });
      await page.getByLabel('Nội dung').fill('Chưa có quyết định giao đất cho đoạn qua xã Thanh Xương');
      await page.getByRole('button', { name: 'Lưu vướng mắc' }).click();
      const obstacle = page.locator('ul.obstacles li', { hasText: 'Thanh Xương' });
      await obstacle.getByText('chưa tháo gỡ', { exact: false }).waitFor();
      await screenshot(page, 'http-vi-desktop-project-created');
      await obstacle.getByRole('button', { name: 'Đánh dấu đã tháo gỡ' }).click();
      await obstacle.getByText('đã tháo gỡ ngày', { exact: false }).waitFor();

      // The office's tolerance: at 25 points, 30% against 50% is on schedule.
      await navLink(page, 'Dữ liệu').click();
      await page.getByLabel('Mức chậm cho phép', { exact: false }).fill('25');
      await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
      await page.getByText('Đã lưu cài đặt.').waitFor();

      // The list: diacritic-free search, bars, status; then archive.
      await navLink(page, 'Dự án').click();
      await page.getByLabel('Tìm (không cần dấu)').fill('duong ql279 cang');
      const row = page.locator('table.list tbody tr', { hasText: 'Đường QL279' });
      await row.waitFor();
      assert.equal(await page.locator('table.list tbody tr').count(), 1);
      await row.getByRole('img', { name: 'Giải phóng mặt bằng: 66,67%' }).waitFor();
      await row.getByRole('img', { name: 'Khối lượng xây lắp: 30%' }).waitFor();
      await row.getByRole('img', { name: 'Giải ngân: 25%' }).waitFor();
      await row.getByText('Đúng tiến độ').waitFor();
      await page.reload();
      await page.getByLabel('Tìm (không cần dấu)').fill('duong ql279 cang');
      await row.getByText('Đúng tiến độ').waitFor();
      await row.getByRole('link').click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (2)' }).waitFor();
      await page.locator('ul.obstacles li', { hasText: 'Thanh Xương' }).getByText('đã tháo gỡ ngày', { exact: false }).waitFor();
      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Lưu trữ dự án' }).click();
      await page.getByText('Dự án đã được lưu trữ', { exact: false }).waitFor();
      await navLink(page, 'Dự án').click();
      await page.getByLabel('Tìm (không cần dấu)').fill('duong ql279 cang');
      await page.getByText('Chưa có bản ghi nào', { exact: false }).waitFor();
      await page.getByText('Lọc theo chủ đầu tư, địa điểm', { exact: false }).click();
      await page.getByLabel('Hiện cả dự án đã lưu trữ').check();
      await row.getByText('Đã lưu trữ').waitFor();
    });
  });

  test('export from one officer, preview and import at another; bad files change nothing', async (t) => {
    const path = join(tmpdir(), `dondoc-e2e-${process.pid}.json`);
    t.after(() => rmSync(path, { force: true }));
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dữ liệu').click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
      await (await download).saveAs(path);
    });

    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await welcome(page);
      await page.getByRole('link', { name: 'Hoặc nhập tệp dữ liệu đã có' }).click();
      await waitForHash(page, /^#\/data$/);
      const input = page.getByLabel('Nhập tệp dữ liệu (JSON)');

      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "dondoc",\n  oops') });
      await page.getByText('dòng 3, cột 3').waitFor();
      await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dondoc","schema_version":99}') });
      await page.getByText('định dạng 99').waitFor();

      await input.setInputFiles(path);
      const preview = page.getByRole('status').filter({ hasText: 'Xem trước khi nhập' });
      await preview.getByText('bản ghi mới sẽ được thêm').waitFor();
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await page.getByText('Đã nhập từ tệp').waitFor();
      await navLink(page, 'Dự án').click();
      await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();

      // The same file again adds nothing.
      await navLink(page, 'Dữ liệu').click();
      await input.setInputFiles(path);
      await preview.waitFor();
      assert.equal(await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).isDisabled(), true);
      await page.reload();
      await navLink(page, 'Dự án').click();
      await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();
    });
  });
});

async function readDownload(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString('utf8');
}
