// What a new officer tripped over (issue 11), walked again the same way: a report dated in
// the future, a report with only its narrative, the share done of a conclusion with a
// transferred item, the clock times are shown in, lists on a phone, the focus after marking
// a directive done, and typing a conclusion's directives with headings and sub-items.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE, dmy, heading, listRow, loadSample, navLink, screenshot, waitForHash, sharedBrowser, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();


/** The project's page with its report form open. */
async function reportForm(page) {
  await navLink(page, 'Dự án').click();
  await page.locator('#pl-search').waitFor();
  await page.locator('main table.list').getByRole('link', { name: 'Nậm Rốm' }).click();
  await page.getByRole('heading', { name: /^Thay đổi so với báo cáo trước/ }).waitFor();
  await page.getByText('Thêm báo cáo tiến độ').click();
}

const changes = (page) => page.locator('ul.changes li');

describe('what an officer trips over (http)', () => {
  test('a report dated in the future is refused; one with only its narrative keeps the comparison', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await reportForm(page);
      const compared = await changes(page).allInnerTexts();
      assert.ok(compared.length > 0, 'the sample project has changes to compare');
      const count = await page.getByRole('heading', { name: /^Báo cáo tiến độ \(\d+\)$/ }).innerText();

      const future = new Date(Date.now() + 90 * 86400000);
      await page.getByLabel('Số liệu đến ngày').fill(dmy(future));
      await page.getByLabel('Tình hình', { exact: true }).fill('Đang chi trả bồi thường đợt 3.');
      await page.getByText('Là ngày chưa tới.').waitFor();
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByText('Là ngày chưa tới.').waitFor();
      assert.equal(await page.getByRole('heading', { name: /^Báo cáo tiến độ \(\d+\)$/ }).innerText(), count, 'nothing stored');
      assert.equal(await page.getByLabel('Tình hình', { exact: true }).inputValue(), 'Đang chi trả bồi thường đợt 3.', 'nothing typed lost');

      // Today, with only the narrative: stored, and the comparison is the same as before.
      await page.getByLabel('Số liệu đến ngày').fill(dmy(new Date()));
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByText('Đã thêm báo cáo.').waitFor();
      assert.notEqual(await page.getByRole('heading', { name: /^Báo cáo tiến độ \(\d+\)$/ }).innerText(), count);
      assert.deepEqual(await changes(page).allInnerTexts(), compared);
      await screenshot(page, 'http-vi-desktop-narrative-report');

      await navLink(page, 'Tổng quan').click();
      const recent = page.locator('section[aria-labelledby="dash-recent"]');
      await recent.getByRole('link', { name: 'Nậm Rốm' }).waitFor();
    });
  });

  test('the share done leaves out a transferred directive, everywhere it is shown', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      const row = listRow(page, '245/TB-VPUBND');
      await row.getByText('0/2 (0%)', { exact: false }).waitFor();
      await row.getByText('không tính 1 đã chuyển nơi khác', { exact: false }).waitFor();
      await row.getByRole('link', { name: '245/TB-VPUBND', exact: true }).click();
      const share = page.getByRole('heading', { level: 2 }).filter({ hasText: 'Hoàn thành' }).first();
      await share.filter({ hasText: 'Nhiệm vụ (2)' }).waitFor();
      await share.filter({ hasText: 'không tính 1 đã chuyển nơi khác' }).waitFor();
      await navLink(page, 'Đôn đốc').click();
      const byConclusion = page.locator('table', { has: page.getByText('Số, ký hiệu') }).locator('tbody tr', { hasText: '245/TB-VPUBND' });
      await byConclusion.getByText('không tính 1 đã chuyển nơi khác').waitFor();
    });
  });

  test('every time is on the computer\'s own clock', async (t) => {
    // A zone far from Vietnam's, so a fixed UTC+7 would show another hour and day.
    await withApp(t, shared.browser, shared.server.url, { timezoneId: 'America/New_York' }, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dữ liệu').click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
      await download;
      const line = page.getByText('Lần xuất toàn bộ gần nhất:', { exact: false });
      await line.waitFor();
      const shown = (await line.innerText()).match(/(\d\d):(\d\d) (\d\d)\/(\d\d)\/(\d{4})/);
      assert.ok(shown, await line.innerText());
      const local = await page.evaluate(() => {
        const d = new Date();
        return { h: d.getHours(), m: d.getMinutes(), day: d.getDate(), month: d.getMonth() + 1 };
      });
      const minutes = Number(shown[1]) * 60 + Number(shown[2]);
      assert.ok(Math.abs(local.h * 60 + local.m - minutes) <= 1, `${shown[0]} against ${local.h}:${local.m}`);
      assert.equal(Number(shown[3]), local.day);
      assert.equal(Number(shown[4]), local.month);
    });
  });

  test('on a phone every list reads as cards, nothing cut off', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { viewport: PHONE }, async ({ page }) => {
      await loadSample(page);
      const screens = [
        ['Tổng quan', 'dashboard'], ['Dự án', 'projects'], ['Cuộc họp', 'meetings'],
        ['Kết luận', 'conclusions'], ['Đôn đốc', 'follow-up'], ['Đơn vị', 'units'],
      ];
      for (const [link, name] of screens) {
        await navLink(page, link).click();
        await heading(page).first().waitFor();
        await page.locator('main table.list tbody tr').first().waitFor();
        const cut = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
          for (const el of document.querySelectorAll('main table.list th, main table.list td, main table.list a')) {
            const r = el.getBoundingClientRect();
            if (r.width && (r.right > width + 1 || el.scrollWidth > el.clientWidth + 1)) out.push(el.textContent.slice(0, 40));
          }
          return out;
        });
        assert.deepEqual(cut, [], `${name}: cut off on a phone`);
        await screenshot(page, `http-vi-phone-list-${name}`);
      }
      await page.getByRole('button', { name: 'English' }).click();
      await navLink(page, 'Conclusions').click();
      await page.locator('main table.list tbody tr').first().waitFor();
      await screenshot(page, 'http-en-phone-list-conclusions');
    });
  });

  test('after marking an overdue directive done by keyboard, the focus is on the next row', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đôn đốc').click();
      await waitForHash(page, /^#\/follow-up$/);
      const overdue = page.locator('h2', { hasText: 'Nhiệm vụ quá hạn' }).locator('xpath=following-sibling::ul[1]');
      const first = overdue.locator('li').first();
      const button = first.getByRole('button', { name: 'Ghi cập nhật' });
      const id = await button.getAttribute('id');
      // The row that takes its place: the next row button of another directive.
      const nextId = await page.evaluate((own) => [...document.querySelectorAll("button[id^='upd-']")]
        .map((b) => b.id).find((x, i, all) => x !== own && all.indexOf(own) < i), id);
      assert.ok(nextId, 'another directive follows');
      await button.focus();
      await page.keyboard.press('Enter');
      await page.locator('#uf-text:focus').waitFor();
      // The heading names the conclusion as well as the item.
      const formHeading = await page.locator('#uf-heading').innerText();
      assert.match(formHeading, /^Ghi cập nhật nhiệm vụ [\d.]+ · \S+\/\S+ · /, formHeading);
      await page.keyboard.type('Đã hoàn thành, có báo cáo kèm theo');
      await page.getByLabel('Tình trạng mới').selectOption({ label: 'Đã hoàn thành' });
      await page.getByLabel('Tình trạng mới').focus();
      await page.getByRole('button', { name: 'Lưu cập nhật' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Đã ghi cập nhật cho nhiệm vụ', { exact: false }).waitFor();
      await page.waitForFunction((gone) => !document.querySelector(`ul #${CSS.escape(gone)}`)
        || document.activeElement?.id === gone, id);
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert.ok(focused === nextId || focused === id, `focus on ${focused}, not on the body`);
      // The next Tab goes on from there, not from the skip link.
      await page.keyboard.press('Tab');
      assert.notEqual(await page.evaluate(() => document.activeElement?.className), 'skip');
    });
  });

  test('search results on Đôn đốc have a heading, a count, and the most urgent first', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đôn đốc').click();
      await page.getByLabel('Tìm trong cuộc họp, kết luận, nhiệm vụ', { exact: false }).fill('ubnd');
      const results = page.locator('section[aria-labelledby="fu-results"]');
      await results.getByRole('heading', { name: /^Kết quả tìm kiếm \(\d+\+?\)$/ }).waitFor();
      const order = ['Quá hạn', 'Sắp đến hạn', 'Trong hạn', 'Không thời hạn', 'Hoàn thành trễ hạn', 'Hoàn thành đúng hạn', 'Đã huỷ', 'Đã chuyển nơi khác'];
      const states = await results.locator('li .st').allInnerTexts();
      assert.ok(states.length > 2, `${states}`);
      const ranks = states.map((s) => order.indexOf(s.trim()));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${states}`);
      await screenshot(page, 'http-vi-desktop-follow-up-search');
    });
  });

  test('typing a conclusion: headings, sub-items that take its unit, numbers that follow, a unit added from the filter', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      await page.getByRole('link', { name: 'Thêm kết luận' }).click();
      await page.getByLabel('Số, ký hiệu', { exact: true }).fill('22-KL/BCĐ');
      await page.getByLabel('Trích yếu', { exact: true }).fill('Kết luận kiểm tra tiến độ khu tái định cư');
      await page.getByRole('button', { name: 'Lưu kết luận' }).click();
      await waitForHash(page, /^#\/conclusions\/[0-9a-f-]{36}$/);
      // The keyboard goes straight on to the first directive.
      await page.locator('#df-text:focus').waitFor();

      const form = page.locator('#directive-form');
      const field = (label) => form.getByLabel(label, { exact: true });
      const number = field('Số thứ tự');
      const save = async () => {
        await field('Nội dung').press('Control+Enter');
        await form.getByText('Đã lưu nhiệm vụ', { exact: false }).waitFor();
      };
      // Units read one way: the full name with the short one beside it.
      assert.ok((await field('Đơn vị chủ trì').locator('option').allInnerTexts()).includes('Sở Tài chính (STC)'));

      assert.equal(await number.inputValue(), '1');
      await field('Nội dung').fill('Các đơn vị khẩn trương thực hiện các nội dung sau.');
      await field('Thời hạn').fill('thường xuyên');
      await save();

      // 2. a heading: its unit, no deadline; then its sub-items.
      assert.equal(await number.inputValue(), '2');
      await form.getByLabel('Mục tiêu đề', { exact: false }).check();
      assert.equal(await field('Thời hạn').isVisible(), false, 'a heading has no deadline of its own');
      await field('Nội dung').fill('UBND xã Mường Phăng:');
      await field('Đơn vị chủ trì').selectOption({ label: 'UBND xã Mường Phăng (Xã Mường Phăng)' });
      // A coordinating unit not in the list: added from the filter itself.
      const filter = form.locator('#df-coordinating-units').getByRole('searchbox');
      await filter.fill('Hội đồng bồi thường');
      await form.getByText('Không có trong danh sách “Hội đồng bồi thường”', { exact: false }).waitFor();
      await form.locator('#df-filter-add-coordinating').click();
      await form.getByText('Đã thêm đơn vị: Hội đồng bồi thường (Phối hợp)').waitFor();
      assert.equal(await filter.inputValue(), '', 'the filter is cleared once the unit is added');
      await screenshot(page, 'http-vi-desktop-directive-heading');
      await save();

      // 2.1 takes the heading's units.
      assert.equal(await number.inputValue(), '2.1');
      assert.equal(await field('Đơn vị chủ trì').locator('option:checked').innerText(), 'UBND xã Mường Phăng (Xã Mường Phăng)');
      assert.equal(await form.getByLabel('Mục tiêu đề', { exact: false }).isChecked(), false);
      await field('Nội dung').fill('Hoàn thành kiểm đếm tài sản trên đất.');
      await field('Thời hạn').fill('cuối tháng 12');
      await save();
      assert.equal(await number.inputValue(), '2.2');
      await field('Nội dung').fill('Bàn giao mặt bằng sạch cho chủ đầu tư.');
      await field('Thời hạn').fill('Quý I/2027');
      await save();
      // Back up a level: 3, without the heading's unit.
      await form.getByRole('button', { name: 'Mục tiếp theo 3' }).click();
      assert.equal(await number.inputValue(), '3');
      assert.equal(await field('Đơn vị chủ trì').inputValue(), '');

      const checklist = page.locator('table.checklist');
      for (const path of ['1', '2', '2.1', '2.2']) {
        await checklist.locator('tbody th', { hasText: new RegExp(`^${path.replace('.', '\\.')}$`) }).waitFor();
      }
      const share = page.getByRole('heading', { level: 2 }).filter({ hasText: 'Hoàn thành' }).first();
      await share.filter({ hasText: 'Nhiệm vụ (3)' }).waitFor();

      // A percentage typed with its sign is read; the range is said plainly.
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.locator('main table.list').getByRole('link', { name: 'Nậm Rốm' }).click();
      await page.getByText('Thêm báo cáo tiến độ').click();
      await page.getByRole('textbox', { name: 'Khối lượng xây lắp (%)' }).fill('150%');
      await page.getByText('Là 150%, phải từ 0 đến 100.').waitFor();
      await page.getByRole('textbox', { name: 'Khối lượng xây lắp (%)' }).fill('46,5%');
      await page.getByText('Là 150%, phải từ 0 đến 100.').waitFor({ state: 'detached' });
    });
  });
});
