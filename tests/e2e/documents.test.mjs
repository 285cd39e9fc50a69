// The office's documents as their reader meets them: a conclusion notice printed through
// Chromium's PDF, read back with poppler (page size, where every word sits, the header's
// words) and turned into PNG pages to look at (test-output/documents/).
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromNow, dmy, listRow, loadSample, navLink, screenshot, sharedBrowser, withApp } from './helpers.mjs';
import { checkPage, downloaded, printed, wordAsPdf } from './paper.mjs';

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

      // In the English interface the notice still prints as issued, in Vietnamese...
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Print the conclusion' }).waitFor();
      const kept = await printed(page, 'notice-245-TB-VPUBND-en-interface');
      assert.ok(kept.text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') && !kept.text.includes('Recipients:'), 'Vietnamese whatever the interface');
      // ...unless an English translation is asked for, which is English throughout.
      await page.getByLabel('English translation').check();
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
      assert.match(doc.text, /Số {4,}-BC/, 'no number given yet: its space is left');
      // Neither a number nor the registry's say-so: the officer is told.
      assert.match(await page.locator('#rp-sending-problem').textContent(), /Ghi số văn bản/);
    });
  });

  test('the letterhead set once under Cài đặt heads the report and the letters, with the signer and number chosen', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dữ liệu').click();
      const card = page.locator('section', { has: page.locator('#letterhead-title') });
      await card.getByLabel(/Cơ quan chủ quản/).fill('UBND tỉnh Điện Biên');
      await card.getByLabel(/Cơ quan ban hành/).fill('Văn phòng Ban Chỉ đạo');
      await card.getByLabel(/Địa danh/).fill('Điện Biên');
      await card.getByLabel(/Số, ký hiệu báo cáo/).fill('.../BC-VPBCĐ');
      // A pattern without the number's place is refused, nothing saved.
      await card.getByLabel(/Số, ký hiệu công văn/).fill('VPBCĐ-TH');
      await card.getByRole('button', { name: 'Lưu thể thức' }).click();
      await card.getByText('phải có một dấu … ở chỗ ghi số').waitFor();
      await card.getByLabel(/Số, ký hiệu công văn/).fill('…/VPBCĐ-TH');
      await card.getByLabel(/Người ký/).fill('CHÁNH VĂN PHÒNG / Nguyễn Văn An\nKT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến');
      await card.getByRole('button', { name: 'Lưu thể thức' }).click();
      await card.getByText('Đã lưu thể thức văn bản.').waitFor();
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'letterhead-settings-vi');

      // The interface in English: the report still goes in Vietnamese.
      await page.getByRole('button', { name: 'English' }).click();
      await navLink(page, 'Report').click();
      await page.locator('#rp-signer').selectOption({ label: 'Lò Văn Tiến (KT. CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG)' });
      await page.locator('#rp-number').fill('125');
      await page.locator('#rp-number').press('Tab');
      await page.locator('#rl-number').fill('40');
      await page.locator('#rl-number').press('Tab');
      assert.equal((await page.locator('#rp-sending-problem').textContent()).trim(), '');
      await screenshot(page, 'report-sending-en');
      const doc = await printed(page, 'follow-up-report-letterhead');
      checkPage(doc);
      const flat = doc.text.replace(/\s+/g, ' ');
      for (const words of ['UBND TỈNH ĐIỆN BIÊN', 'VĂN PHÒNG BAN CHỈ ĐẠO', 'Số 125/BC-VPBCĐ', 'BÁO CÁO', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Lò Văn Tiến']) {
        assert.ok(flat.includes(words), `“${words}” in the printed report`);
      }
      assert.match(flat, /Điện Biên, ngày \d\d tháng \d+ năm \d{4}/);
      assert.ok(!flat.includes('REPORT'), 'Vietnamese whatever the interface');
      // The letters take consecutive numbers from the first, each with the same letterhead.
      const word = await downloaded(page, page.locator('#word-letters'), /\.docx$/);
      const letters = wordAsPdf(word);
      const text = letters.text.replace(/\s+/g, ' ');
      assert.ok(text.includes('Số 40/VPBCĐ-TH') && text.includes('Số 41/VPBCĐ-TH'), 'numbers 40, 41, …');
      assert.ok(text.includes('V/v đôn đốc') && text.includes('UBND TỈNH ĐIỆN BIÊN'));
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
