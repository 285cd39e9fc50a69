// Dates typed as officers write them, dd/mm/yyyy, whatever the browser's language: an
// English Chrome shows its own date input as mm/dd/yyyy ("12/07/2026" there is 7 December),
// so every date box of the app is a text box read by the domain (src/domain/dates/typed.rs),
// with a calendar button beside it.
// Run: node --test tests/e2e/dates.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  WIDTHS, dmy, hash, loadSample, navLink, screenshot, sharedBrowser, waitForHash, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();

/** Everything stored, as the Data screen's export gives it. */
async function exportedAll(page) {
  await navLink(page, 'Dữ liệu').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
  const path = join(mkdtempSync(join(tmpdir(), 'dondoc-dates-')), 'all.json');
  await (await download).saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Clears a box and types `text` key by key, as an officer does, then leaves it by Tab. */
async function typeIn(box, text) {
  await box.fill('');
  await box.pressSequentially(text);
  await box.press('Tab');
}

describe('dates in a Chrome set to English (http)', () => {
  test('a meeting typed 07/12/2026 is on 7 December 2026; a date that does not exist is refused with why', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { locale: 'en-US' }, async ({ page }) => {
      // The browser's own layout is month first.
      assert.equal(await page.evaluate(() => new Date(2026, 11, 7).toLocaleDateString()), '12/7/2026');
      await loadSample(page);
      const before = (await exportedAll(page)).meetings.length;
      await navLink(page, 'Cuộc họp').click();
      await page.getByRole('link', { name: 'Thêm cuộc họp' }).click();
      const date = page.getByLabel('Ngày', { exact: true });
      const problem = page.locator('#mf-date-problem');
      // Today, shown day first, in a text box the browser's language does not touch.
      assert.equal(await date.inputValue(), dmy(new Date()));
      assert.equal(await date.getAttribute('type'), 'text');
      assert.equal(await date.getAttribute('inputmode'), 'numeric');
      assert.equal(await date.getAttribute('placeholder'), 'nn/tt/nnnn');

      // Wrong dates: each says what is wrong once the box is left; saving stores nothing.
      await page.getByLabel('Địa điểm', { exact: true }).fill('Phòng họp số 3');
      await typeIn(date, '31/02/2026');
      await problem.getByText('Tháng 2/2026 không có ngày 31 (tháng này có 28 ngày).').waitFor();
      assert.equal(await date.getAttribute('aria-invalid'), 'true');
      await typeIn(date, '12/25/2026');
      await problem.getByText('Không có tháng 25', { exact: false }).waitFor();
      await typeIn(date, 'hôm qua');
      await problem.getByText('Không đọc được ngày', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Lưu cuộc họp' }).click();
      assert.match(await hash(page), /^#\/meetings\/new$/, 'still on the form');
      assert.equal(await date.inputValue(), 'hôm qua', 'what was typed stays to be corrected');

      // As officers write it, in any of their ways: read, shown back dd/mm/yyyy, said in words.
      await typeIn(date, '7.12.26');
      assert.equal(await date.inputValue(), '07/12/2026');
      await page.locator('#mf-date-echo').getByText('→ Thứ Hai, ngày 7 tháng 12 năm 2026').waitFor();
      assert.equal(await date.getAttribute('aria-invalid'), 'false');
      await typeIn(date, '07/12/2026');
      await page.getByRole('button', { name: 'Lưu cuộc họp' }).click();
      await waitForHash(page, /^#\/meetings\/[0-9a-f-]{36}$/);

      const meetings = (await exportedAll(page)).meetings;
      assert.equal(meetings.length, before + 1);
      const saved = meetings.find((m) => m.place === 'Phòng họp số 3');
      assert.equal(saved.date, '2026-12-07', '7 December 2026, not 12 July');
    });
  });

  test('the calendar button: reached by Tab, named, and a day picked on it is shown dd/mm/yyyy', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { locale: 'en-US' }, async ({ page }) => {
      await loadSample(page);
      await page.getByRole('button', { name: 'English' }).click();
      await navLink(page, 'Meetings').click();
      await page.getByRole('link', { name: 'New meeting' }).click();
      const date = page.getByLabel('Date', { exact: true });
      assert.equal(await date.getAttribute('placeholder'), 'dd/mm/yyyy');
      await date.focus();
      await page.keyboard.press('Tab');
      const calendar = page.locator('#mf-date + button.calendar');
      assert.equal(await calendar.evaluate((b) => b === document.activeElement), true, 'Tab goes on to the calendar');
      assert.equal(await calendar.getAttribute('aria-label'), 'Pick on a calendar');
      assert.equal(await calendar.getAttribute('aria-describedby'), 'mf-date-label');
      assert.equal(await page.locator('#mf-date-label').innerText(), 'Date');
      await calendar.press('Enter');
      // The browser's calendar gives its day to the date input under the button.
      await page.locator('#mf-date ~ input[type=date]').evaluate((picker) => {
        picker.value = '2026-12-24';
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      });
      assert.equal(await date.inputValue(), '24/12/2026');
      await page.locator('#mf-date-echo').getByText('→ Thursday 24 December 2026').waitFor();
      await page.keyboard.press('Escape');
    });
  });

  test('the report\'s period and the day follow-up is counted on take dd/mm/yyyy', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { locale: 'en-US' }, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Báo cáo').click();
      const from = page.locator('#rp-from');
      await from.waitFor();
      await typeIn(from, '1/11/2026');
      assert.equal(await from.inputValue(), '01/11/2026');
      await typeIn(from, '31/11/2026');
      await page.locator('#rp-from-problem').getByText('Tháng 11/2026 không có ngày 31', { exact: false }).waitFor();
      // A period's button sets the boxes; what was mistyped gives way.
      await page.getByRole('button', { name: 'Tháng trước' }).click();
      const now = new Date();
      assert.equal(await from.inputValue(), dmy(new Date(now.getFullYear(), now.getMonth() - 1, 1)));
      assert.equal(await page.locator('#rp-from-problem').innerText(), '');

      await navLink(page, 'Đôn đốc').click();
      const reference = page.getByLabel('Tính đến ngày');
      assert.equal(await reference.inputValue(), dmy(now));
      await typeIn(reference, `1/1/${now.getFullYear() + 1}`);
      assert.equal(await reference.inputValue(), `01/01/${now.getFullYear() + 1}`);
      await page.locator('#fu-reference-problem').filter({ hasText: /^$/ }).waitFor({ state: 'attached' });
    });
  });
});

describe('screenshots of date boxes', () => {
  for (const lang of ['vi', 'en']) {
    for (const [width, viewport] of WIDTHS) {
      test(`a form with dates, ${lang}, ${width}`, async (t) => {
        await withApp(t, shared.browser, shared.server.url, { viewport, locale: 'en-US' }, async ({ page }) => {
          await loadSample(page);
          if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
          await navLink(page, lang === 'vi' ? 'Cuộc họp' : 'Meetings').click();
          await page.getByRole('link', { name: lang === 'vi' ? 'Thêm cuộc họp' : 'New meeting' }).click();
          await typeIn(page.locator('#mf-date'), '7/12/2026');
          await typeIn(page.locator('#mf-next-meeting'), '31/02/2027');
          await page.locator('#mf-next-meeting-problem').filter({ hasText: /\S/ }).waitFor();
          await screenshot(page, `http-${lang}-${width}-dates-meeting-form`);
          await navLink(page, lang === 'vi' ? 'Báo cáo' : 'Report').click();
          await page.locator('#rp-from').waitFor();
          await screenshot(page, `http-${lang}-${width}-dates-report-period`);
        });
      });
    }
  }
});
