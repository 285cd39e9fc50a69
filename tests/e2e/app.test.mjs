// The flows an officer uses, on the built app, from http:// (a server sub-path) and from
// file:// (the single HTML file): first start, sample data, every screen and record, reload,
// back button, language, and asking before adding the sample to existing data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, fileUrl, openPage, screenshot, hash, DESKTOP, PHONE } from './helpers.mjs';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const origins = () => [
  ['http', server.url],
  ['file', fileUrl],
];

async function loadSample(page) {
  await page.getByRole('heading', { name: 'Chào mừng đến với Dondoc' }).waitFor();
  await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
  await page.getByText('1.461 tỷ đồng').waitFor();
}

const nav = (page, name) => page.getByRole('navigation').getByRole('link', { name, exact: true });

for (const which of ['http', 'file']) {
  test(`first start, sample, every screen, reload and back (${which})`, async () => {
    const url = origins().find(([w]) => w === which)[1];
    const app = await openPage(browser, url);
    const { page } = app;
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
    await screenshot(page, `${which}-vi-desktop-welcome`);
    await loadSample(page);
    await page.getByText('43,54%').first().waitFor();
    await screenshot(page, `${which}-vi-desktop-dashboard`);

    const screens = [
      ['Dự án', '#/projects', 'Nậm Rốm', 'projects'],
      ['Cuộc họp', '#/meetings', 'Hội trường UBND tỉnh Điện Biên', 'meetings'],
      ['Kết luận', '#/conclusions', '16-KL/BCĐ', 'conclusions'],
      ['Đơn vị', '#/units', 'Sở Xây dựng', 'units'],
    ];
    for (const [label, route, sample, kind] of screens) {
      await nav(page, label).click();
      assert.equal(await hash(page), route);
      await page.getByRole('link', { name: sample }).first().or(page.getByText(sample).first()).waitFor();
      // Open the first record of the list: its own address.
      await page.locator('table.list tbody tr th a').first().click();
      assert.match(await hash(page), new RegExp(`^${route}/[0-9a-f-]{36}$`));
      await page.locator('h1').waitFor();
      const title = await page.locator('h1').innerText();
      if (which === 'http') await screenshot(page, `${which}-vi-desktop-${kind}-record`);
      // The record's address survives a reload (data persisted, route kept).
      await page.reload();
      await page.locator('h1', { hasText: title }).waitFor();
      // Back goes to the list.
      await page.goBack();
      assert.equal(await hash(page), route);
      await page.locator('table.list').waitFor();
    }
    await nav(page, 'Dữ liệu').click();
    await page.getByRole('heading', { name: 'Lưu trữ trên máy này' }).waitFor();
    await nav(page, 'Tổng quan').click();
    await page.getByText('1.461 tỷ đồng').waitFor();
    app.check();
    await app.close();
  });
}

test('language switch changes every label and is remembered (http and file)', async () => {
  for (const [which, url] of origins()) {
    const app = await openPage(browser, url);
    const { page } = app;
    await loadSample(page);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
    await nav(page, 'Projects').waitFor();
    await page.getByText('1,461 billion VND').waitFor();
    await page.getByText('43.54%').first().waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await page.getByText('1,461 billion VND').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
    await nav(page, 'Dự án').waitFor();
    app.check();
    await app.close();
  }
});

test('loading the sample over existing data asks first and never overwrites', async () => {
  const app = await openPage(browser, server.url);
  const { page } = app;
  await loadSample(page);
  await nav(page, 'Dữ liệu').click();
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Huỷ' }).click();
  await nav(page, 'Dự án').click();
  await page.getByRole('heading', { name: 'Dự án (6)' }).waitFor();
  await nav(page, 'Dữ liệu').click();
  await page.getByRole('button', { name: 'Nạp dữ liệu mẫu' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Đồng ý' }).click();
  await nav(page, 'Dự án').click();
  await page.getByRole('heading', { name: 'Dự án (12)' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Dự án (12)' }).waitFor();
  app.check();
  await app.close();
});

test('a failed save is shown at once, keeps the data and offers an export', async () => {
  const app = await openPage(browser, server.url);
  const { page } = app;
  await page.getByRole('heading', { name: 'Chào mừng đến với Dondoc' }).waitFor();
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
  await page.getByText('1.461 tỷ đồng').waitFor(); // still on screen, from memory
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^dondoc-all-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await (await file.createReadStream()).toArray();
  const exported = JSON.parse(Buffer.concat(text).toString('utf8'));
  assert.equal(exported.format, 'dondoc');
  assert.equal(exported.projects.length, 6);
  // Room is made; trying again saves, and the data survives a reload.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await alert.getByRole('button', { name: 'Thử lưu lại' }).click();
  await alert.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByText('1.461 tỷ đồng').waitFor();
  // The quota error is expected in the console of this test only.
  await app.close();
});

test('the projects list counts statuses and filters without diacritics', async () => {
  const app = await openPage(browser, server.url);
  const { page } = app;
  await loadSample(page);
  await nav(page, 'Dự án').click();
  await page.getByText('4/6 chậm tiến độ').waitFor();
  const rows = page.locator('table.list tbody tr');
  await page.getByLabel('Tìm (không cần dấu)').fill('nam rom');
  await page.waitForFunction(() => document.querySelectorAll('table.list tbody tr').length === 1);
  assert.match(await rows.first().innerText(), /Nậm Rốm/);
  await page.getByLabel('Tìm (không cần dấu)').fill('duong dong luc');
  await page.waitForFunction(() => document.querySelectorAll('table.list tbody tr').length === 1);
  assert.match(await rows.first().innerText(), /Đường động lực/);
  await page.getByLabel('Tìm (không cần dấu)').fill('');
  await page.getByLabel('Tình trạng tiến độ').selectOption({ label: 'Chậm tiến độ' });
  await page.waitForFunction(() => document.querySelectorAll('table.list tbody tr').length === 4);
  await screenshot(page, 'http-vi-desktop-projects-filtered');
  app.check();
  await app.close();
});

test('adding partial progress reports: live problems, nothing invalid stored, figures carried forward', async () => {
  const app = await openPage(browser, server.url);
  const { page } = app;
  await loadSample(page);
  await nav(page, 'Dự án').click();
  await page.getByRole('link', { name: 'Nậm Rốm' }).click();
  await page.getByRole('heading', { name: 'Báo cáo tiến độ (2)' }).waitFor();
  await page.getByText('Thêm báo cáo tiến độ').click();
  await page.getByLabel('tổng số hộ bị ảnh hưởng').fill('514');
  await page.getByLabel('số hộ đã bàn giao').fill('600');
  await page.getByText('Lớn hơn tổng số hộ bị ảnh hưởng.').waitFor();
  await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('abc');
  await page.getByText('Không phải số.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  // Rejected: nothing stored, nothing typed lost.
  await page.getByRole('heading', { name: 'Báo cáo tiến độ (2)' }).waitFor();
  assert.equal(await page.getByLabel('số hộ đã bàn giao').inputValue(), '600');
  await page.getByLabel('số hộ đã bàn giao').fill('400');
  await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('');
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await page.getByText('Đã thêm báo cáo.').waitFor();
  await page.getByRole('heading', { name: 'Báo cáo tiến độ (3)' }).waitFor();
  await page.getByText('400/514 hộ (77,82%)').first().waitFor();
  // A second report with only disbursement keeps site clearance carried forward.
  await page.getByLabel('kế hoạch vốn giao (tỷ đồng)').fill('180');
  await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('140,5');
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await page.getByRole('heading', { name: 'Báo cáo tiến độ (4)' }).waitFor();
  await page.getByText('140,5 tỷ đồng / 180 tỷ đồng (78,06%)').first().waitFor();
  await screenshot(page, 'http-vi-desktop-report-added');
  await page.reload();
  await page.getByRole('heading', { name: 'Báo cáo tiến độ (4)' }).waitFor();
  await page.getByText('400/514 hộ (77,82%)').first().waitFor();
  app.check();
  await app.close();
});

test('overriding the computed status needs a reason and shows both', async () => {
  const app = await openPage(browser, server.url);
  const { page } = app;
  await loadSample(page);
  await nav(page, 'Dự án').click();
  await page.getByRole('link', { name: 'Him Lam giai đoạn II' }).click();
  await page.getByText('Ghi đánh giá của cán bộ').click();
  await page.getByLabel('Tình trạng tiến độ').selectOption({ label: 'Chậm tiến độ' });
  await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
  await page.getByText('Cần ghi lý do').waitFor();
  await page.locator('#jf-status-reason').fill('Nhà thầu thiếu nhân lực, chậm 2 tháng');
  await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
  await page.getByText('Đã lưu đánh giá.').waitFor();
  await page.getByText('Chậm tiến độ (ngày', { exact: false }).waitFor();
  await page.getByText('Nhà thầu thiếu nhân lực, chậm 2 tháng', { exact: false }).first().waitFor();
  await nav(page, 'Dự án').click();
  const row = page.locator('table.list tbody tr', { hasText: 'Him Lam' });
  await row.getByText('tính từ số liệu: Đúng tiến độ').waitFor();
  await page.reload();
  await row.getByText('Chậm tiến độ').first().waitFor();
  await page.getByText('5/6 chậm tiến độ').waitFor();
  app.check();
  await app.close();
});

test('stored data that cannot be read is set aside, explained and downloadable', async () => {
  const app = await openPage(browser, server.url);
  const { page } = app;
  await loadSample(page);
  await page.waitForFunction(() => localStorage.getItem('dondoc.d.manifest') !== null);
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('dondoc.d.projects.'));
    localStorage.setItem(key, 'damaged by a disk error');
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Có dữ liệu đã lưu không đọc được' });
  await alert.waitFor();
  await page.getByRole('heading', { name: 'Chào mừng đến với Dondoc' }).waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dondoc.aside.')).length);
  assert.ok(kept > 5, `the unreadable data is kept aside (${kept} keys)`);
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Tải dữ liệu đã cất riêng' }).click();
  const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
  assert.match(text, /damaged by a disk error/);
  assert.match(text, /Nậm Rốm|16-KL\/BCĐ/);
  await screenshot(page, 'http-vi-desktop-set-aside');
  app.check();
  await app.close();
});

test('screenshots of every screen in both languages at desktop and phone widths', async () => {
  for (const [lang, switchTo] of [['vi', null], ['en', 'Chuyển sang tiếng Anh']]) {
    for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const app = await openPage(browser, server.url, viewport);
      const { page } = app;
      await loadSample(page);
      if (switchTo) await page.getByRole('button', { name: switchTo }).click();
      await screenshot(page, `http-${lang}-${width}-dashboard`);
      for (const kind of ['projects', 'meetings', 'conclusions', 'units']) {
        await page.evaluate((k) => { location.hash = `#/${k}`; }, kind);
        await page.locator('table.list').waitFor();
        await screenshot(page, `http-${lang}-${width}-${kind}`);
        await page.locator('table.list tbody tr th a').first().click();
        await page.locator('dl.fields').first().waitFor();
        await screenshot(page, `http-${lang}-${width}-${kind}-record`);
      }
      await page.evaluate(() => { location.hash = '#/data'; });
      await page.locator('meter').waitFor();
      await screenshot(page, `http-${lang}-${width}-data`);
      app.check();
      await app.close();
    }
  }
});

test('export from one officer, preview and import at another; bad files change nothing', async () => {
  const a = await openPage(browser, server.url);
  await loadSample(a.page);
  await nav(a.page, 'Dữ liệu').click();
  const download = a.page.waitForEvent('download');
  await a.page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
  const path = join(tmpdir(), `dondoc-e2e-${process.pid}.json`);
  await (await download).saveAs(path);
  a.check();
  await a.close();

  const b = await openPage(browser, server.url);
  const { page } = b;
  await page.getByRole('heading', { name: 'Chào mừng đến với Dondoc' }).waitFor();
  await page.evaluate(() => { location.hash = '#/data'; });
  const input = page.getByLabel('Nhập tệp dữ liệu (JSON)');

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "dondoc",\n  oops') });
  await page.getByText('dòng 3, cột 3').waitFor();
  await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dondoc","schema_version":99}') });
  await page.getByText('định dạng 99').waitFor();

  await input.setInputFiles(path);
  const preview = page.getByRole('status').filter({ hasText: 'Xem trước khi nhập' });
  await preview.getByText('bản ghi mới sẽ được thêm').waitFor();
  await preview.getByRole('button', { name: 'Thêm các bản ghi mới' }).click();
  await page.getByText('Đã thêm bản ghi mới từ tệp.').waitFor();
  await nav(page, 'Dự án').click();
  await page.getByRole('heading', { name: 'Dự án (6)' }).waitFor();

  // The same file again adds nothing.
  await nav(page, 'Dữ liệu').click();
  await input.setInputFiles(path);
  await preview.waitFor();
  assert.equal(await preview.getByRole('button', { name: 'Thêm các bản ghi mới' }).isDisabled(), true);
  await page.reload();
  await nav(page, 'Dự án').click();
  await page.getByRole('heading', { name: 'Dự án (6)' }).waitFor();
  b.check();
  await b.close();
});
