// The Word and Excel files the app makes, opened as their readers meet them: LibreOffice
// headless prints each .docx to PDF (checked like a printed page: A4, margins, header words,
// signer) and turns each .xlsx into CSV sheets (numbers, dates and Vietnamese text checked)
// and PDF pages to look at; CSV files start with the byte-order mark. Also the letters to
// every overdue unit printed together, and the head's brief on A4 landscape.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DESKTOP, PHONE, fileUrl, listRow, loadSample, navLink, screenshot, sharedBrowser, withApp,
} from './helpers.mjs';
import { checkPage, downloaded, excelSheets, openpyxlSheets, parseCsv, printed, wordAsPdf } from './paper.mjs';

const shared = sharedBrowser();
const DAY = /\d{4}-\d\d-\d\d/.source;
const DATE = /^\d\d\/\d\d\/\d{4}$/;
const flat = (text) => text.replace(/\s+/g, ' ');

function stubPrint(page) {
  return page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
}

async function openReport(page) {
  await navLink(page, 'Báo cáo').click();
  await page.locator('#rp-overall').getByText(/^Tỷ lệ nhiệm vụ quá hạn: /).waitFor();
}

/** A CSV file the app made: the byte-order mark first, then rows. */
function csvFile(path) {
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

describe('Word and Excel files (http)', () => {
  test('the 16-KL/BCĐ notice as a Word file reads like the printed one', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      await listRow(page, '16-KL/BCĐ').getByRole('link', { name: '16-KL/BCĐ', exact: true }).click();
      const docx = await downloaded(page, page.getByRole('button', { name: 'Tải file Word' }),
        new RegExp(`^dondoc-ket-luan-16-kl-bcd-${DAY}\\.docx$`));
      const doc = wordAsPdf(docx);
      checkPage(doc);
      for (const words of ['TỈNH ỦY ĐIỆN BIÊN', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 16-KL/BCĐ', 'KẾT LUẬN', 'Nơi nhận:', 'CHÁNH VĂN PHÒNG', 'Nguyễn Văn C']) {
        assert.ok(doc.text.includes(words), `“${words}” in the Word notice`);
      }
      assert.match(doc.text, /Điện Biên, ngày \d\d tháng \d+ năm \d{4}/);
      assert.match(doc.text, /3\.1\. /, 'sub-items numbered as recorded');
      assert.ok(!doc.text.includes('Độc lập'), 'no state motto on a Party document');
      const at = (text) => doc.words.find((w) => w.page === 1 && w.text === text);
      assert.ok(at('TỈNH').xMax < at('ĐẢNG').xMin, 'issuing body left of the Party name');
      const signer = doc.words.filter((w) => w.text === 'CHÁNH').at(-1);
      const recipients = doc.words.find((w) => w.text === 'Nơi');
      assert.ok(signer.xMin > recipients.xMax && Math.abs(signer.yMin - recipients.yMin) < 30, 'signer beside the recipients, right');

      // The checklist as Excel: every directive, its state and lead unit.
      const xlsx = await downloaded(page, page.locator('#checklist-xlsx'), /^dondoc-danh-sach-nhiem-vu-16-kl-bcd-.*\.xlsx$/);
      const checklist = excelSheets(xlsx);
      const [sheet] = Object.values(checklist);
      assert.match(Object.values(checklist.titles)[0], /^Danh sách nhiệm vụ — Kết luận 16-KL\/BCĐ ngày \d\d\/\d\d\/\d{4} — số liệu đến ngày \d\d\/\d\d\/\d{4}$/, 'the title row');
      const [head, ...rows] = sheet;
      assert.deepEqual(head.slice(0, 6), ['STT', 'Kết luận', 'Ngày kết luận', 'Mục', 'Nội dung', 'Đơn vị chủ trì']);
      assert.ok(rows.length > 3 && rows.every((r) => r[1] === '16-KL/BCĐ'), JSON.stringify(rows[0]));
      assert.ok(rows.every((r) => DATE.test(r[2])), 'the conclusion date as a date, dd/mm/yyyy');
      assert.ok(rows.some((r) => r[9] === 'Quá hạn'), 'the computed state');

      await page.getByRole('button', { name: 'English' }).click();
      const english = wordAsPdf(await downloaded(page, page.getByRole('button', { name: 'Download Word' }),
        /^dondoc-conclusion-16-kl-bcd-.*\.docx$/));
      checkPage(english);
      for (const words of ['No. 16-KL/BCĐ', 'CONCLUSION', 'Recipients:']) {
        assert.ok(english.text.includes(words), `“${words}” in the English Word notice`);
      }
    });
  });

  test('the follow-up report as Word, Excel and CSV, with the figures of the screen', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await openReport(page);
      const screenRows = await page.locator('main table.list tbody tr').count();
      const overdueOnScreen = (await page.locator('#rp-overall').locator('xpath=..').locator('li', { hasText: 'Quá hạn' }).innerText()).match(/\d+/)[0];
      const chasing = Number((await page.getByRole('heading', { name: /^Quá hạn và sắp đến hạn/ }).innerText()).match(/\((\d+)\)/)[1]);
      await screenshot(page, 'http-vi-desktop-report-files');

      const doc = wordAsPdf(await downloaded(page, page.locator('#word-report'), new RegExp(`^dondoc-bao-cao-${DAY}\\.docx$`)));
      checkPage(doc);
      for (const words of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'VĂN PHÒNG BAN CHỈ ĐẠO', 'BÁO CÁO', '1. Kết quả chung', 'Tỷ lệ nhiệm vụ quá hạn:', '2. Theo đơn vị chủ trì', '3. Nhiệm vụ quá hạn và sắp đến hạn', 'UBND xã Mường Phăng', 'Nơi nhận:']) {
        assert.ok(flat(doc.text).includes(words), `“${words}” in the Word report`);
      }

      const reportXlsx = await downloaded(page, page.locator('#xlsx-report'), new RegExp(`^dondoc-bao-cao-${DAY}\\.xlsx$`));
      const sheets = excelSheets(reportXlsx);
      assert.deepEqual(Object.keys(sheets).sort(), ['Quá hạn, sắp đến hạn', 'Theo đơn vị', 'Tổng hợp'].sort());
      // Each sheet says what it is, for which period, as of when, above its header.
      for (const title of Object.values(sheets.titles)) {
        assert.match(title, /^Báo cáo tình hình thực hiện kết luận: .+ — từ ngày \d\d\/\d\d\/\d{4} đến ngày \d\d\/\d\d\/\d{4} — số liệu đến ngày \d\d\/\d\d\/\d{4}$/);
      }
      // A second reader (openpyxl): the same title, the header frozen and printed on every
      // page, landscape A4 fitted to the width, counts and dates as numbers and dates, long
      // text in taller rows.
      const second = openpyxlSheets(reportXlsx);
      if (second.skipped) t.diagnostic(`openpyxl check skipped: ${second.skipped}`);
      else {
        assert.deepEqual(Object.keys(second.sheets).sort(), Object.keys(sheets).sort());
        for (const [name, s] of Object.entries(second.sheets)) {
          assert.equal(s.title, sheets.titles[name], `${name}: the title row`);
          assert.deepEqual(s.header, sheets[name][0], `${name}: the header row`);
          assert.equal(s.freeze, 'A3', `${name}: header frozen`);
          assert.equal(s.print_titles, '$2:$2', `${name}: header on every page`);
          assert.deepEqual([s.orientation, s.paper, s.fit_width, s.fit_height, s.fit_to_page], ['landscape', '9', 1, 0, true], name);
        }
        const unitKinds = second.sheets['Theo đơn vị'].kinds;
        assert.ok(unitKinds.every((k) => k.slice(2, 7).every((x) => x === 'number') && ['number', 'none'].includes(k[7])), 'counts and rates as numbers');
        assert.ok(unitKinds.every((k, i) => k[0] === 'number' || sheets['Theo đơn vị'][i + 1][0] === 'Chưa đến hạn'), 'a rank is a number (a unit with nothing due is not ranked)');
        const chase = second.sheets['Quá hạn, sắp đến hạn'];
        assert.ok(chase.kinds.every((k) => k[0] === 'number' && ['date', 'none'].includes(k[4])), 'numbers and deadlines as dates');
        assert.ok(chase.tall.length > 0 && chase.tall.every(([, points]) => points >= 30), 'long text in taller rows');
      }
      const summary = Object.fromEntries(sheets['Tổng hợp'].slice(1).map(([k, v]) => [k, v]));
      assert.match(summary['Từ ngày'], DATE);
      assert.match(summary['Đến ngày'], DATE);
      assert.equal(summary['Chưa hoàn thành, quá hạn'], overdueOnScreen);
      assert.match(summary['Tỷ lệ quá hạn'], /^\d+(\.\d+)?%$/, 'a percentage cell');
      const [unitHead, ...units] = sheets['Theo đơn vị'];
      assert.equal(unitHead[1], 'Đơn vị chủ trì');
      assert.equal(units.length, screenRows, 'a line per unit, as on screen');
      assert.equal(units[0][0], '1', 'ranked from 1, a number');
      assert.ok(units.every((r) => r.slice(2, 7).every((n) => /^\d+$/.test(n))), 'counts as numbers');
      const [, ...items] = sheets['Quá hạn, sắp đến hạn'];
      assert.equal(items.length, chasing);
      assert.ok(items.every((r) => r[4] === '' || DATE.test(r[4])), 'deadlines as dates');

      const byUnit = csvFile(await downloaded(page, page.locator('#csv-by-unit'), /^dondoc-theo-don-vi-chu-tri-.*\.csv$/));
      assert.deepEqual(byUnit[0], unitHead);
      assert.equal(byUnit.length - 1, screenRows);
      assert.ok(byUnit.some((r) => r[1] === 'UBND xã Mường Phăng'), 'Vietnamese text intact');
      const chasingCsv = csvFile(await downloaded(page, page.locator('#csv-chasing'), /\.csv$/));
      assert.equal(chasingCsv.length - 1, chasing);

      // In English for partners: the words and the number formats of the language.
      await page.getByRole('button', { name: 'English' }).click();
      const en = wordAsPdf(await downloaded(page, page.locator('#word-report'), new RegExp(`^dondoc-report-${DAY}\\.docx$`)));
      for (const words of ['REPORT', '1. Overall results', 'Overdue rate:', 'Recipients:']) {
        assert.ok(flat(en.text).includes(words), `“${words}” in the English report`);
      }
    });
  });

  test('a report over several conclusions counts what each counts', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await openReport(page);
      const followed = async () => Number((await page.locator('#rp-overall').locator('xpath=..').locator('li', { hasText: 'Theo dõi' }).innerText()).match(/\d+/)[0]);
      const scope = page.getByLabel('Phạm vi');
      const one = async (symbol) => {
        await scope.selectOption(await scope.locator('option', { hasText: symbol }).first().getAttribute('value'));
        return followed();
      };
      const a = await one('16-KL/BCĐ');
      const b = await one('245/TB-VPUBND');
      await scope.selectOption('some');
      const picks = page.getByRole('group', { name: 'Các kết luận đưa vào báo cáo' });
      await picks.getByRole('checkbox', { name: /^16-KL\/BCĐ/ }).check();
      await picks.getByRole('checkbox', { name: /^245\/TB-VPUBND/ }).check();
      await page.waitForFunction((n) => document.querySelector('#rp-overall').parentElement.textContent.includes(`Theo dõi ${n}`), a + b);
      assert.equal(await followed(), a + b);
      await page.getByText('không tính 1 đã chuyển nơi khác').waitFor();
      await screenshot(page, 'http-vi-desktop-report-several');
    });
  });

  test('letters to every unit with overdue items, printed together and as one Word file', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      // Six weeks on, more units are late than on the sample's own day.
      await page.clock.setFixedTime(new Date(Date.now() + 42 * 86400000));
      await page.reload();
      await openReport(page);
      const n = Number((await page.locator('#rp-letters').innerText()).match(/\((\d+)\)/)[1]);
      assert.ok(n >= 2, `${n} units with overdue items in the sample`);
      await stubPrint(page);
      await page.getByRole('button', { name: 'In các công văn' }).click();
      await page.waitForFunction(() => window.__printed === 1);
      const doc = await printed(page, 'reminder-letters');
      checkPage(doc, { numbers: 'none' });
      const starts = doc.words.filter((w) => w.text === 'Kính');
      assert.equal(starts.length, n, 'a letter per unit');
      assert.equal(new Set(starts.map((w) => w.page)).size, n, 'each letter on a page of its own');
      assert.ok(flat(doc.text).includes('Kính gửi: UBND xã Mường Phăng.'));
      assert.ok(!doc.text.includes('BÁO CÁO'), 'the letters, not the report');

      const word = wordAsPdf(await downloaded(page, page.locator('#word-letters'), new RegExp(`^dondoc-cong-van-don-doc-cac-don-vi-${DAY}\\.docx$`)));
      checkPage(word, { numbers: 'sections' });
      assert.equal(word.words.filter((w) => w.text === 'Kính').length, n);
      assert.equal((flat(word.text).match(/V\/v đôn đốc thực hiện các kết luận/g) || []).length, n);
    });
  });

  test('a unit’s letter as Word and its list as Excel', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đơn vị').click();
      await listRow(page, 'UBND xã Mường Phăng').getByRole('link', { name: 'UBND xã Mường Phăng' }).click();
      const doc = wordAsPdf(await downloaded(page, page.locator('#word-reminder'), /^dondoc-cong-van-don-doc-ubnd-xa-muong-phang-.*\.docx$/));
      checkPage(doc);
      for (const words of ['V/v đôn đốc thực hiện các kết luận', 'Kính gửi: UBND xã Mường Phăng.', '16-KL/BCĐ', '- Như trên;']) {
        assert.ok(flat(doc.text).includes(words), `“${words}” in the Word letter`);
      }
      const [sheet] = Object.values(excelSheets(await downloaded(page, page.locator('#unit-list-xlsx'), /^dondoc-danh-sach-nhiem-vu-ubnd-xa-muong-phang-.*\.xlsx$/)));
      const [, ...rows] = sheet;
      assert.ok(rows.length > 0 && rows.every((r) => r[5] === 'UBND xã Mường Phăng'), 'what the unit leads');
      assert.equal(rows[0][9], 'Quá hạn', 'overdue first');
      await screenshot(page, 'http-vi-desktop-unit-files');
    });
  });

  test('the register and all directives as Excel and CSV', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      const projects = await page.locator('main table.list tbody tr').count();
      const register = excelSheets(await downloaded(page, page.locator('#register-xlsx'), new RegExp(`^dondoc-danh-muc-du-an-${DAY}\\.xlsx$`)));
      const [head, ...rows] = register['Danh mục dự án'];
      assert.equal(head[5], 'Tổng mức đầu tư (tỷ đồng)');
      assert.equal(rows.length, projects);
      assert.ok(rows.some((r) => /^\d{1,3}(,\d{3})*\.\d\d$/.test(r[5])), `money in billions as numbers: ${rows.map((r) => r[5])}`);
      assert.ok(rows.some((r) => r[4] === 'trên' && /^27,130\.\d\d$/.test(r[5])), 'the expressway: over 27,130 billion, its qualifier kept');
      assert.ok(rows.some((r) => DATE.test(r[17])), 'the latest report as a date');
      const csv = csvFile(await downloaded(page, page.locator('#register-csv'), /\.csv$/));
      assert.equal(csv.length - 1, projects);

      await navLink(page, 'Đôn đốc').click();
      const all = excelSheets(await downloaded(page, page.locator('#all-directives-xlsx'), /^dondoc-danh-sach-nhiem-vu-.*\.xlsx$/));
      const [dHead, ...directives] = all['Danh sách nhiệm vụ'];
      assert.deepEqual(dHead.slice(7, 12), ['Hạn', 'Thời hạn ghi', 'Tình trạng', 'Ngày cập nhật', 'Cập nhật gần nhất']);
      assert.equal(directives[0][9], 'Quá hạn', 'most urgent first');
      const dCsv = csvFile(await downloaded(page, page.locator('#all-directives-csv'), /\.csv$/));
      assert.equal(dCsv.length - 1, directives.length);
      for (const [name, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
        await page.setViewportSize(size);
        await screenshot(page, `http-vi-${name}-followup-files`);
      }
    });
  });

  test('the head’s brief prints on A4 landscape, one or two pages', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await stubPrint(page);
      await page.getByRole('button', { name: 'In bản tóm tắt cho lãnh đạo' }).click();
      await page.waitForFunction(() => window.__printed === 1);
      const brief = await printed(page, 'head-brief');
      assert.match(brief.info, /Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/, brief.info);
      const pages = Number(brief.info.match(/Pages:\s+(\d+)/)[1]);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
      for (const words of ['TÓM TẮT TÌNH HÌNH', '1. Dự án chậm tiến độ', 'Lý do chậm', 'khối lượng 10%', 'Vướng mắc chính', '2. Giải ngân vốn năm', 'tỷ đồng', '3. Nhiệm vụ chưa hoàn thành']) {
        assert.ok(flat(brief.text).includes(words), `“${words}” in the brief`);
      }
      assert.ok(!brief.text.includes('Đôn đốc'), 'nothing of the screen is printed');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Print the leadership brief' }).click();
      const en = await printed(page, 'head-brief-en');
      assert.ok(flat(en.text).includes('1. Projects behind schedule'), 'the brief in English');
      assert.ok(flat(en.text).includes('Reason for delay'), 'why each project is behind, in English');
    });
  });
});

describe('Word and Excel files (file://)', () => {
  test('the report’s Excel file from a page opened from disk', async (t) => {
    await withApp(t, shared.browser, fileUrl, {}, async ({ page }) => {
      await loadSample(page);
      await openReport(page);
      const sheets = excelSheets(await downloaded(page, page.locator('#xlsx-report'), /\.xlsx$/));
      assert.ok(sheets['Theo đơn vị'].length > 2);
    });
  });
});
