// The flows an officer uses, on the built app (dist/), from both ways of opening it:
// http:// (a static server under the sub-path /apps/dondoc/) and file:// (dist/dondoc.html).
// Every test runs in a fresh browser context (empty localStorage) and fails on any console
// error, uncaught page error, or request leaving the app (see helpers.mjs: withApp).
// Screenshots go to test-output/screenshots/<origin>-<lang>-<width>-<screen>.png.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
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
    editProject: 'Edit project details',
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
              await page.locator('#pf-planned-start').fill('01/01/2031');
              await page.locator('#pf-planned-finish').fill('01/01/2030');
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
      const vi = alert.getByText('Dondoc không khởi động được');
      assert.match(await vi.innerText(), /HTTP 404 .*_bg\.wasm\)\. Hãy mở tệp dondoc\.html/);
      await alert.getByText('Dondoc could not start').waitFor();
      assert.equal(await alert.getByRole('link', { name: 'Mở dondoc.html / Open dondoc.html' }).getAttribute('href'), './dondoc.html');
      await screenshot(page, 'http-vi-desktop-wasm-refused');
      await page.setViewportSize(WIDTHS[1][1]);
      await screenshot(page, 'http-vi-phone-wasm-refused');
    } finally {
      await context.close();
      await server.close();
    }
  });
});
