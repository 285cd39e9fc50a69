// The office's documents as their reader meets them: a conclusion notice printed through
// Chromium's PDF, read back with poppler (page size, where every word sits, the header's
// words) and turned into PNG pages to look at (test-output/documents/).
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listRow, loadSample, navLink, root, sharedBrowser, withApp } from './helpers.mjs';

const shared = sharedBrowser();
const outDir = join(root, 'test-output', 'documents');

/** 1 mm in PDF points. */
const MM = 72 / 25.4;

/** Every word of the PDF with its page and box, from pdftotext's bounding boxes. */
function words(pdf) {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const out = [];
  let page = 0;
  for (const line of xhtml.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/);
    if (m) out.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] });
  }
  return out;
}

/** Prints the open conclusion to `name`.pdf, as the print dialogue would, and renders its pages. */
async function printed(page, name) {
  mkdirSync(outDir, { recursive: true });
  const pdf = join(outDir, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(outDir, name)]);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { pdf, info, text, words: words(pdf) };
}

async function openConclusion(page, symbol) {
  await navLink(page, 'Kết luận').click();
  await listRow(page, symbol).getByRole('link', { name: symbol, exact: true }).click();
  await page.locator('#print-notice').waitFor();
}

/** A4 portrait, and every word inside the margins (top and bottom 20 mm, left 30, right 15),
 *  but the page number, which sits centred in the top margin from page 2 on. */
function checkPage(doc) {
  assert.match(doc.info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, doc.info);
  const outside = doc.words.filter((w) => w.xMin < 30 * MM - 1 || w.xMax > 595.28 - 15 * MM + 1
    || w.yMax > 841.89 - 20 * MM + 1 || (w.yMin < 20 * MM - 1 && !/^\d+$/.test(w.text)));
  assert.deepEqual(outside, [], 'words outside the margins');
  const numbers = doc.words.filter((w) => w.yMin < 20 * MM - 1);
  assert.ok(numbers.every((w) => Number(w.text) === w.page && w.page > 1), `page numbers: ${JSON.stringify(numbers)}`);
  const pages = Math.max(...doc.words.map((w) => w.page));
  assert.equal(numbers.length, pages - 1, 'a number on every page but the first');
  const centre = (595.28 - 15 * MM + 30 * MM) / 2;
  for (const w of numbers) assert.ok(Math.abs((w.xMin + w.xMax) / 2 - centre) < 12, `centred: ${JSON.stringify(w)}`);
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
      // One conclusion only.
      const scope = page.getByLabel('Phạm vi');
      const value = await scope.locator('option', { hasText: '245/TB-VPUBND' }).getAttribute('value');
      await scope.selectOption(value);
      await page.getByText('không tính 1 đã chuyển nơi khác').waitFor();
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await page.getByRole('button', { name: 'In báo cáo' }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1);
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
      const by = new Date(Date.now() + 10 * 86400000);
      const pad = (n) => String(n).padStart(2, '0');
      await page.getByLabel('Đề nghị báo cáo trước ngày').fill(`${by.getFullYear()}-${pad(by.getMonth() + 1)}-${pad(by.getDate())}`);
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await page.getByRole('button', { name: /^In công văn đôn đốc/ }).click();
      assert.equal(await page.evaluate(() => window.__printed), 1);
      const doc = await printed(page, 'reminder-letter');
      checkPage(doc);
      for (const words of ['V/v đôn đốc thực hiện các kết luận', 'Kính gửi: UBND xã Mường Phăng.', '16-KL/BCĐ', `trước ngày ${pad(by.getDate())}/${pad(by.getMonth() + 1)}/${by.getFullYear()}`, '- Như trên;']) {
        assert.ok(doc.text.replace(/\s+/g, ' ').includes(words), `“${words}” in the printed letter`);
      }
      assert.ok(!doc.text.includes('KẾT LUẬN'), 'a letter names no type of document');
    });
  });
});
