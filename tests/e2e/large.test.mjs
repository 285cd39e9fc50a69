// The large generated dataset (three times a province: 18,000 directives, 200 lead units
// with work overdue, thousands of items to chase) on a phone and in the files made of it.
// On a phone (390 × 844) the report's ranking and what needs chasing are folded to a
// screenful with their count and "Xem tất cả", so the page is a few screens, not 650,000 px;
// the dashboard's overdue list comes first. The sheet of every directive is made a step at a
// time, the page saying so with its buttons disabled. Screenshots at phone and desktop width,
// in Vietnamese and English, go to test-output/screenshots/.
//
// Run: node --test tests/e2e/large.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  DESKTOP, PHONE, generatedStore, screenshot, seedStore, sharedBrowser, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();
const large = generatedStore('large');
const pageHeight = (page) => page.evaluate(() => document.scrollingElement.scrollHeight);
const count = (text) => Number(text.replace(/\D/g, ''));

async function openReport(page) {
  await page.evaluate(() => { location.hash = '#/report'; });
  await page.locator('#rp-overall').getByText(/^(Tỷ lệ nhiệm vụ quá hạn|Overdue share): /).waitFor({ timeout: 60_000 });
}

describe('long lists on a phone (http, large dataset)', () => {
  test('the report is a few screens, its lists folded with their count and "Xem tất cả"', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { viewport: PHONE }, async ({ page }) => {
      await seedStore(page, large);
      await openReport(page);
      const height = await pageHeight(page);
      t.diagnostic(`report page at phone width: ${height} px`);
      assert.ok(height < 8 * PHONE.height, `the report is a few screens tall, not ${height} px`);

      // What needs chasing: ten items, "Đang hiện 10/2.074", a button that opens the rest.
      const chasing = page.locator('#rp-chasing > li');
      const total = count(await page.getByRole('heading', { name: /^Quá hạn và sắp đến hạn/ }).locator('.count').innerText());
      assert.ok(total > 1000, `the large dataset has ${total} items to chase`);
      assert.equal(await chasing.count(), 10);
      const bar = page.locator('.fold-bar').filter({ has: page.locator('[aria-controls="rp-chasing"]') });
      assert.match(await bar.locator('span').innerText(), new RegExp(`^Đang hiện 10/${total.toLocaleString('vi-VN')}$`));
      const showAll = bar.getByRole('button');
      assert.equal(await showAll.getAttribute('aria-label'), 'Xem tất cả · Quá hạn và sắp đến hạn');
      assert.equal(await showAll.getAttribute('aria-expanded'), 'false');
      // The ranking: the first units, then its own count and button.
      assert.equal(await page.locator('#rp-units > tr').count(), 10);
      const units = page.locator('button[aria-controls="rp-units"]');
      assert.equal(await units.getAttribute('aria-label'), 'Xem tất cả · Theo đơn vị chủ trì');
      await screenshot(page, 'http-vi-phone-report-large-folded');
      // Printed, the report is the office's document, every item in it: folding is the screen's.
      const printedItems = await page.locator('.doc-wrap table.doc-table').last().locator('tbody tr').count();
      assert.equal(printedItems, total, 'the printed report lists every item to chase');

      // From the keyboard: the button opens every item, and keeps the focus.
      await showAll.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#rp-chasing > li').length === n, total, { timeout: 60_000 });
      assert.equal(await showAll.getAttribute('aria-expanded'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls')), 'rp-chasing');
      assert.match(await showAll.innerText(), /^Thu gọn$/);
      const open = await pageHeight(page);
      t.diagnostic(`… with every item to chase shown: ${open} px`);
      assert.ok(open > 10 * height, 'every item is on the page');
      await page.screenshot({ path: 'test-output/screenshots/http-vi-phone-report-large-open.png' });
      await showAll.click();
      await page.waitForFunction(() => document.querySelectorAll('#rp-chasing > li').length === 10);

      // The ranking opens the same way: every unit's card.
      await units.click();
      const ranked = await page.locator('#rp-units > tr').count();
      assert.ok(ranked > 10, `${ranked} units`);
      await units.click();

      // In English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Show all · Overdue and due soon' }).waitFor();
      assert.match(await bar.locator('span').innerText(), new RegExp(`^Showing 10 of ${total.toLocaleString('en-GB')}$`));
      await screenshot(page, 'http-en-phone-report-large-folded');
    });
  });

  test("the dashboard's overdue list is on the first screen of a phone, where it stays last on a desktop", async (t) => {
    await withApp(t, shared.browser, shared.server.url, { viewport: PHONE }, async ({ page }) => {
      await seedStore(page, large);
      const overdue = page.getByRole('heading', { name: 'Nhiệm vụ quá hạn' });
      await overdue.waitFor({ timeout: 60_000 });
      const top = async () => overdue.evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
      const phoneTop = await top();
      t.diagnostic(`overdue list at phone width: ${phoneTop} px down`);
      assert.ok(phoneTop < PHONE.height, `the overdue list starts on the first screen, not ${phoneTop} px down`);
      assert.equal(await page.locator('#dash-directives').locator('xpath=../ul[@class="plain"]/li').count(), 11, 'ten items and the link to the rest');
      await screenshot(page, 'http-vi-phone-dashboard-large');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Overdue directives' }).waitFor();
      await screenshot(page, 'http-en-phone-dashboard-large');

      await page.setViewportSize(DESKTOP);
      const projects = await page.locator('#dash-projects').evaluate((h) => h.getBoundingClientRect().top);
      const directives = await page.locator('#dash-directives').evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(projects < directives, 'on a desktop the projects card stays first');
      await screenshot(page, 'http-en-desktop-dashboard-large');
    });
  });

  test('on a desktop the report is folded the same way', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { viewport: DESKTOP }, async ({ page }) => {
      await seedStore(page, large);
      await openReport(page);
      const height = await pageHeight(page);
      t.diagnostic(`report page at desktop width: ${height} px`);
      assert.ok(height < 4 * DESKTOP.height, `${height} px`);
      await screenshot(page, 'http-vi-desktop-report-large-folded');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Show all · By lead unit' }).waitFor();
      await screenshot(page, 'http-en-desktop-report-large-folded');
    });
  });

  test('the sheet of all 18,000 directives is made in steps: "Đang tạo tệp…", its buttons disabled, every row in the file', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { viewport: DESKTOP }, async ({ page }) => {
      await seedStore(page, large);
      await page.evaluate(() => { location.hash = '#/follow-up'; });
      const excel = page.locator('#all-directives-xlsx');
      await excel.waitFor({ timeout: 60_000 });
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await excel.click();
      const status = page.getByRole('status').filter({ hasText: 'Đang tạo tệp…' });
      await status.waitFor();
      assert.ok(await excel.isDisabled(), 'the button waits while the file is made');
      assert.ok(await page.locator('#all-directives-csv').isDisabled(), 'and so does the CSV one');
      await screenshot(page, 'http-vi-desktop-followup-large-making');
      const file = await download;
      assert.match(file.suggestedFilename(), /^dondoc-danh-sach-nhiem-vu-\d{4}-\d\d-\d\d\.xlsx$/);
      await page.waitForFunction(() => !document.querySelector('#all-directives-xlsx').disabled);
      assert.equal(await status.count(), 0, 'the status is gone once the file has come');
      // Every followed directive is a row, under the title and header rows.
      const rows = execFileSync('python3', ['-c', [
        'import sys, zipfile',
        'xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()',
        'print(xml.count("<row "))',
      ].join('\n'), await file.path()]).toString().trim();
      t.diagnostic(`${rows} rows in the sheet`);
      assert.ok(Number(rows) - 2 > 15_000, `${rows} rows`);
    });
  });
});
