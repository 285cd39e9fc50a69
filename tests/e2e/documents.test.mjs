// The office's documents as their reader meets them: a conclusion notice printed through
// Chromium's PDF, read back with poppler (page size, where every word sits, the header's
// words) and turned into PNG pages to look at (test-output/documents/).
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromNow, dmy, listRow, loadSample, navLink, sharedBrowser, withApp } from './helpers.mjs';
import { checkPage, printed } from './paper.mjs';

const shared = sharedBrowser();
async function openConclusion(page, symbol) {
  await navLink(page, 'Kết luận').click();
  await listRow(page, symbol).getByRole('link', { name: symbol, exact: true }).click();
  await page.locator('#print-notice').waitFor();
}

describe('documents (http)', () => {
  test('the 16-KL/BCĐ notice prints as a Party document, the 245/TB-VPUBND one as a state document', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await openConclusion(page, '16-KL/BCĐ');
      // The button opens the browser's print dialogue, as Ctrl+P does.
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await page.getByRole('button', { name: 'In kết luận' }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1);

      const party = await printed(page, 'notice-16-KL-BCD');
      checkPage(party);
      for (const words of ['TỈNH ỦY ĐIỆN BIÊN', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 16-KL/BCĐ', 'KẾT LUẬN', 'Nơi nhận:', '- Lưu VP.', 'CHÁNH VĂN PHÒNG', 'Nguyễn Văn C']) {
        assert.ok(party.text.includes(words), `“${words}” in the printed notice`);
      }
      assert.match(party.text, /Điện Biên, ngày \d\d tháng \d+ năm \d{4}/);
      assert.ok(!party.text.includes('Số:'), 'a Party body writes "Số" without a colon');
      assert.ok(!party.text.includes('Độc lập'), 'no state motto on a Party document');
      assert.ok(!party.text.includes('Tổng quan'), 'nothing of the screen is printed');
      assert.match(party.text, /3\.1\. /, 'sub-items numbered as recorded');
      // The header's two blocks side by side: the issuing body left, the Party's name right.
      const at = (text) => party.words.find((w) => w.page === 1 && w.text === text);
      assert.ok(at('TỈNH').xMax < at('ĐẢNG').xMin, 'issuing body left of the Party name');
      // The signer bottom right of the recipients.
      const signer = party.words.filter((w) => w.text === 'CHÁNH').at(-1);
      const recipients = party.words.find((w) => w.text === 'Nơi');
      assert.ok(signer.xMin > recipients.xMax && Math.abs(signer.yMin - recipients.yMin) < 30, 'signer beside the recipients, right');

      await openConclusion(page, '245/TB-VPUBND');
      const state = await printed(page, 'notice-245-TB-VPUBND');
      checkPage(state);
      for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 245/TB-VPUBND', 'THÔNG BÁO', 'PHÓ CHÁNH VĂN PHÒNG', 'Trần Thị D']) {
        assert.ok(state.text.includes(words), `“${words}” in the printed notice`);
      }

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Print the conclusion' }).waitFor();
      const english = await printed(page, 'notice-245-TB-VPUBND-en');
      checkPage(english);
      for (const words of ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness', 'No. 245/TB-VPUBND', 'NOTICE', 'Recipients:']) {
        assert.ok(english.text.includes(words), `“${words}” in the English notice`);
      }
    });
  });

  test('the follow-up report before a meeting: counts, units ranked, printed as a report', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Báo cáo').click();
      await page.locator('#rp-scope').waitFor();
      const headline = page.locator('#rp-overall');
      await headline.getByText(/^Tỷ lệ nhiệm vụ quá hạn: \d+(,\d+)?%$/).waitFor();
      const ranks = await page.locator('main table.list tbody td:first-child').allInnerTexts();
      assert.ok(ranks.length > 2, `${ranks}`);
      assert.equal(ranks[0].trim().split(' ')[0], '1');
      assert.match(await page.locator('#rp-ranking-rule').textContent(), /^Xếp hạng theo tỷ lệ hoàn thành đúng hạn trong số nhiệm vụ đã đến hạn, rồi theo số nhiệm vụ quá hạn/);
      // Periods in one click: last month runs from its first day to its last.
      await page.getByRole('button', { name: 'Tháng trước' }).click();
      const now = new Date();
      assert.equal(await page.locator('#rp-from').inputValue(), dmy(new Date(now.getFullYear(), now.getMonth() - 1, 1)));
      assert.equal(await page.locator('#rp-as-of').inputValue(), dmy(new Date(now.getFullYear(), now.getMonth(), 0)));
      assert.equal(await page.getByRole('button', { name: 'Tháng trước' }).getAttribute('aria-pressed'), 'true');
      await page.getByRole('button', { name: 'Từ cuộc họp gần nhất' }).click();
      assert.equal(await page.locator('#rp-as-of').inputValue(), dmy(now));
      const lettersFor = async () => Number((await page.locator('#rp-letters .count').textContent()).replace(/\D/g, ''));
      const allLetters = await lettersFor();
      // One conclusion only: the counts and the letters cover it alone.
      const scope = page.getByLabel('Phạm vi');
      const value = await scope.locator('option', { hasText: '245/TB-VPUBND' }).getAttribute('value');
      await scope.selectOption(value);
      await page.getByText('không tính 1 đã chuyển nơi khác').waitFor();
      assert.ok(await lettersFor() < allLetters, 'letters to the units late on this conclusion only');
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await page.getByRole('button', { name: 'In báo cáo' }).click();
      await page.waitForFunction(() => window.__printed === 1);
      await scope.selectOption('');
      const doc = await printed(page, 'follow-up-report');
      checkPage(doc);
      for (const words of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'VĂN PHÒNG BAN CHỈ ĐẠO', 'BÁO CÁO', '1. Kết quả chung', 'Tỷ lệ nhiệm vụ quá hạn:', '2. Theo đơn vị chủ trì', 'Hạng', '3. Nhiệm vụ quá hạn và sắp đến hạn', 'KL/BCĐ,', 'Nơi nhận:']) {
        assert.ok(doc.text.includes(words), `“${words}” in the printed report`);
      }
      assert.match(doc.text, /Số {4,}-BC/, 'the number is left blank for the office to fill in');
    });
  });

  test('a reminder letter to the most overdue unit, with the report date the officer sets', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đơn vị').click();
      await listRow(page, 'UBND xã Mường Phăng').getByRole('link', { name: 'UBND xã Mường Phăng' }).click();
      await page.locator('#print-reminder').waitFor();
      const by = daysFromNow(10);
      await page.getByLabel('Đề nghị báo cáo trước ngày').fill(dmy(by));
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await page.getByRole('button', { name: /^In công văn đôn đốc/ }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1);
      const doc = await printed(page, 'reminder-letter');
      checkPage(doc);
      for (const words of ['V/v đôn đốc thực hiện các kết luận', 'Kính gửi: UBND xã Mường Phăng.', '16-KL/BCĐ', `trước ngày ${dmy(by)}`, '- Như trên;']) {
        assert.ok(doc.text.replace(/\s+/g, ' ').includes(words), `“${words}” in the printed letter`);
      }
      assert.ok(!doc.text.includes('KẾT LUẬN'), 'a letter names no type of document');
    });
  });
});
