// Reading a conclusion notice: pasted as text or dropped as its Word file, reviewed beside
// the text it came from, corrected, saved in one step and undone in one; a text that holds no
// conclusion changes nothing. Screenshots of the review at desktop and phone widths.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PHONE, fileUrl, listRow, loadSample, navLink, root, screenshot, shotsDir, sharedBrowser, waitForHash, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();

/** What the officer sees without scrolling (the full page is saved too). */
async function shots(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shotsDir, `${name}-top.png`) });
  await screenshot(page, name);
}

const NOTICE = `UBND TỈNH ĐIỆN BIÊN
VĂN PHÒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 312/TB-VPUBND
Điện Biên, ngày 20 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra dự án Trung tâm Thể dục thể thao tỉnh

Ngày 18 tháng 11 năm 2026, Chủ tịch UBND tỉnh kiểm tra hiện trường dự án.
Công tác giải phóng mặt bằng còn chậm.

1. Giao **Sở Xây dựng** chủ trì, phối hợp với Sở Tài chính hoàn thành thẩm định dự án Trung tâm TDTT trước ngày 15/12/2026.
2. Ủy ban nhân dân xã Mường Phăng:
- Hoàn thành kiểm đếm tài sản trên đất trong tháng 12.
- Thường xuyên báo cáo tiến độ về Văn phòng UBND tỉnh.
3. Công an tỉnh bảo đảm an ninh trật tự khu vực thi công trong Quý I/2027.
4. Các sở, ngành liên quan rà soát hồ sơ thủ tục đầu tư trước ngày 30/12/2026.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Thị D
`;

async function openReader(page) {
  await navLink(page, 'Kết luận').click();
  await page.locator('#read-conclusion').click();
  await page.getByRole('heading', { name: 'Dán văn bản kết luận' }).waitFor();
}

async function conclusionCount(page) {
  // The list is drawn a moment after the click on its link (the sample always has rows).
  await page.locator('table.list tbody tr').first().waitFor();
  return page.evaluate(() => document.querySelectorAll('table.list tbody tr').length);
}

/** Drops `bytes` as a file named `name` on the reader's card, as a file dragged from disk. */
async function dropFile(page, name, bytes, type) {
  await page.evaluate(([name, data, type]) => {
    const file = new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const target = document.querySelector('section.drop');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [name, Buffer.from(bytes).toString('base64'), type]);
}

async function pasteAndReview(page) {
  await openReader(page);
  await page.getByRole('textbox', { name: 'Văn bản kết luận' }).fill(NOTICE);
  await page.locator('#read-go').click();
  await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
}

describe('reading a notice (http)', () => {
  test('paste, correct a lead unit and a deadline, accept a new unit, save, find the checklist, undo', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      const before = await conclusionCount(page);
      await pasteAndReview(page);

      // The draft: header fields, six directives with their marks, the new unit.
      assert.equal(await page.locator('#rc-number-symbol').inputValue(), '312/TB-VPUBND');
      assert.equal(await page.locator('#rc-date').inputValue(), '20/11/2026');
      assert.equal(await page.locator('#rc-issuing-body').inputValue(), 'VĂN PHÒNG');
      assert.equal(await page.locator('#rc-signer').inputValue(), 'Trần Thị D');
      assert.match(await page.locator('#read-summary').textContent(), /^Đọc được 6 mục\./);
      const legends = await page.locator('fieldset.read-item legend').allTextContents();
      assert.deepEqual(legends, ['Mục 1', 'Mục 2', 'Mục 2.1', 'Mục 2.2', 'Mục 3', 'Mục 4']);
      const item = (i) => page.locator(`#rd-${i}`);
      assert.match(await item(0).locator('.marks').textContent(), /Đơn vị chủ trì: đọc được.*Thời hạn: đọc được/);
      assert.match(await item(2).locator('.marks').textContent(), /Đơn vị chủ trì: đoán, cần kiểm tra.*Thời hạn: đoán, cần kiểm tra/, 'the sub-item takes its item’s unit, the notice’s year');
      assert.match(await item(5).locator('.marks').textContent(), /Đơn vị chủ trì: không thấy/);
      assert.equal(await page.locator('#rd-0-due').textContent(), 'Hạn: 14/12/2026', 'before the 15th');
      assert.equal(await page.locator('#rd-2-due').textContent(), 'Hạn: 31/12/2026');
      // What a search box has ticked.
      const selected = async (id) => (await page.locator(`${id} label.pick:has(input:checked)`).allTextContents())
        .map((s) => s.trim()).join('; ');
      await page.locator('#rd-0-path').focus();
      assert.equal(await selected('#rd-0-lead-unit'), 'Sở Xây dựng (SXD)');
      assert.equal(await selected('#rd-0-coordinating-units'), 'Sở Tài chính (STC)');
      assert.match(await selected('#rd-0-projects'), /Trung tâm TDTT/);
      assert.equal(await page.locator('#rd-4-lead-name').textContent(), 'Đơn vị mới: Công an tỉnh', 'shown as text until the directive is edited');
      // Where each was read, marked in the text.
      const source = page.locator('ol.source-lines');
      assert.equal(await source.locator('mark.src-lead').first().textContent(), 'Sở Xây dựng');
      assert.equal(await source.locator('mark.src-deadline').first().textContent(), 'trước ngày 15/12/2026');
      await item(4).locator('input').first().focus();
      assert.match(await source.locator('li.src-focused').textContent(), /^3\. Công an tỉnh/);
      await page.locator('#rd-0-text').focus();
      await shots(page, 'http-vi-desktop-read-review');

      // Corrections: item 4's lead unit, item 1's deadline; the new unit renamed.
      await page.locator('#rd-5-path').focus();
      await page.locator('#rd-5-lead-unit-filter').fill('tai chinh');
      await page.locator('#rd-5-lead-unit label.pick', { hasText: 'Sở Tài chính (STC)' }).locator('input').check();
      assert.equal(await selected('#rd-5-lead-unit'), 'Sở Tài chính (STC)');
      assert.match(await item(5).locator('.marks').textContent(), /Đơn vị chủ trì: đọc được/, 'chosen by the officer');
      await page.locator('#rd-0-deadline').fill('trước ngày 20/12/2026');
      assert.match(await page.locator('#rd-5-lead-name').textContent(), /^Sở Tài chính/, 'the choice kept when another directive is edited');
      assert.equal(await page.locator('#rd-0-due').textContent(), 'Hạn: 19/12/2026');
      assert.equal(await page.locator('#nu-0-choice').inputValue(), 'add');
      await page.locator('#nu-0-name').fill('Công an tỉnh Điện Biên');
      assert.equal(await page.locator('#rd-4-lead-name').textContent(), 'Đơn vị mới: Công an tỉnh');

      // A unit the register lacks, added from the search box, with its kind.
      await page.locator('#rd-5-path').focus();
      await page.locator('#rd-5-coordinating-units-filter').fill('Ban Dân tộc tỉnh');
      await page.getByRole('button', { name: 'Thêm đơn vị mới «Ban Dân tộc tỉnh»' }).click();
      assert.equal(await selected('#rd-5-coordinating-units'), 'Đơn vị mới: Ban Dân tộc tỉnh');
      assert.equal(await page.locator('#nu-1-name').inputValue(), 'Ban Dân tộc tỉnh');
      await page.locator('#nu-1-kind').selectOption('department');
      await page.locator('#rd-5').screenshot({ path: join(shotsDir, 'http-vi-desktop-read-item-picks.png') });
      await page.locator('section[aria-labelledby="read-new-units-title"]').screenshot({ path: join(shotsDir, 'http-vi-desktop-read-new-units.png') });

      // The meeting the opening describes, recorded with the notice.
      await page.locator('#rc-meeting').selectOption('new');
      assert.equal(await page.locator('#rm-date').inputValue(), '18/11/2026');
      assert.equal(await page.locator('#rm-chair').inputValue(), 'Chủ tịch UBND tỉnh');
      assert.equal(await page.locator('#rm-kind').inputValue(), 'inspection_visit');
      await page.locator('#rm-place').fill('Công trường Trung tâm TDTT');
      await page.locator('#read-new-meeting').screenshot({ path: join(shotsDir, 'http-vi-desktop-read-new-meeting.png') });

      // Saved in one step: the checklist opens with every directive.
      await page.locator('#read-save').click();
      await waitForHash(page, /^#\/conclusions\/[^/]+$/);
      await page.locator('#read-saved').waitFor();
      const checklist = page.locator('table.checklist');
      await checklist.waitFor();
      const text = await checklist.textContent();
      await screenshot(page, 'http-vi-desktop-read-saved');
      for (const words of ['Công an tỉnh Điện Biên', '19/12/2026', 'Mường Phăng', 'Ban Dân tộc tỉnh']) {
        assert.ok(text.includes(words), `“${words}” on the checklist`);
      }
      assert.match(await page.locator('main').textContent(), /18\/11\/2026 · Công trường Trung tâm TDTT/, 'the meeting recorded and linked');
      await navLink(page, 'Kết luận').click();
      await listRow(page, '312/TB-VPUBND').waitFor();
      assert.equal(await conclusionCount(page), before + 1);

      // One undo takes it all back, the new unit with it.
      await page.locator('#undo-read').click();
      await page.locator('#read-undone').waitFor();
      assert.equal(await conclusionCount(page), before);
      await navLink(page, 'Đơn vị').click();
      assert.ok(!(await page.locator('main').textContent()).includes('Công an tỉnh Điện Biên'), 'the unit added is gone');
    });
  });

  test('an item for a class of units split into one directive per unit, on request', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await pasteAndReview(page);
      const note = page.locator('#rd-5 .class-note');
      assert.match(await note.textContent(), /Mục này giao cho các sở, ngành: \d+ đơn vị trong danh sách/);
      const before = await page.locator('fieldset.read-item').count();
      await page.locator('#rd-5-split').click();
      await page.locator('#rd-6').waitFor();
      const after = await page.locator('fieldset.read-item').count();
      assert.ok(after > before + 1, `${before} → ${after}`);
      assert.equal(await page.locator('#rd-5 .class-note').count(), 0, 'split once');
      assert.match(await page.locator('#rd-5 .marks').textContent(), /Mục tiêu đề/);
      assert.match(await page.locator('#rd-6-lead-name').textContent(), /^Sở /);
      await page.locator('#rd-5').screenshot({ path: join(shotsDir, 'http-vi-desktop-read-split.png') });
      await page.locator('#read-save').click();
      await page.locator('#read-saved').waitFor();
      const rows = await page.locator('table.checklist tbody tr').count();
      assert.ok(rows >= after, `every piece on the checklist (${rows})`);
    });
  });

  test('a long notice: every directive laid out, the last one edited after scrolling, all saved', async (t) => {
    // 30 directives: beyond the first dozen, a directive off screen is laid out when
    // scrolled to (content-visibility), and the review is drawn a task after the reading.
    const items = Array.from({ length: 30 }, (_, i) => `${i + 1}. Giao Sở Xây dựng chủ trì thực hiện phần việc thứ ${i + 1} của dự án Trung tâm TDTT trước ngày 15/12/2026.`);
    const long = NOTICE.replace(/\n1\. Giao[\s\S]*?\n\nVăn phòng UBND/, `\n${items.join('\n')}\n\nVăn phòng UBND`);
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await openReader(page);
      await page.getByRole('textbox', { name: 'Văn bản kết luận' }).fill(long);
      await page.locator('#read-go').click();
      await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
      assert.match(await page.locator('#read-summary').textContent(), /^Đọc được 30 mục\./);
      await page.locator('#rd-29').waitFor();
      assert.equal(await page.locator('fieldset.read-item').count(), 30);
      const visibility = (id) => page.locator(id).evaluate((el) => getComputedStyle(el).contentVisibility);
      assert.equal(await visibility('#rd-0'), 'visible', 'the first dozen laid out at once');
      assert.equal(await visibility('#rd-12'), 'auto', 'the others when scrolled to');
      const last = page.locator('#rd-29-text');
      await last.scrollIntoViewIfNeeded();
      assert.equal(await last.isVisible(), true);
      assert.match(await last.inputValue(), /phần việc thứ 30 /);
      await last.fill('Sở Xây dựng hoàn thành phần việc cuối cùng của dự án Trung tâm TDTT.');
      assert.match(await page.locator('#rd-29 .marks').textContent(), /Đơn vị chủ trì: đọc được/);
      await page.screenshot({ path: join(shotsDir, 'http-vi-desktop-read-review-long.png') });
      // The text beside it: its last lines, laid out when scrolled to, read as written.
      const lastLine = page.locator('ol.source-lines li').last();
      assert.ok(await page.locator('ol.source-lines li').count() > 40, 'lines beyond those laid out at once');
      assert.equal(await lastLine.evaluate((el) => getComputedStyle(el).contentVisibility), 'auto');
      await lastLine.scrollIntoViewIfNeeded();
      assert.equal(await lastLine.isVisible(), true);
      assert.equal(await lastLine.innerText(), 'Trần Thị D');
      await page.locator('#read-save').click();
      await page.locator('#read-saved').waitFor();
      const checklist = await page.locator('table.checklist').textContent();
      assert.ok(checklist.includes('phần việc cuối cùng'), 'the corrected text saved');
      assert.ok(checklist.includes('phần việc thứ 29 '), 'the others saved as read');
    });
  });

  test('a dropped Word, PDF or UTF-16 text file is read; a notice already registered is not saved twice', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await openReader(page);
      const docx = readFileSync(join(root, 'tests', 'fixtures', 'notices', '245-TB-VPUBND.docx'));
      await dropFile(page, '245-TB-VPUBND.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
      assert.equal(await page.locator('#rc-number-symbol').inputValue(), '245/TB-VPUBND');
      assert.equal(await page.locator('#rc-signer').inputValue(), 'Trần Thị D');
      assert.equal(await page.locator('fieldset.read-item').count(), 2);
      // Said as soon as it is read, with the way to the one saved.
      assert.match(await page.locator('#read-same-number').textContent(), /«245\/TB-VPUBND» đã có trong danh sách kết luận/);
      await page.locator('#read-same-number a').waitFor();
      await page.locator('#read-save').click();
      assert.match(await page.locator('#read-problems').textContent(), /đã có một kết luận mang số này/);
      assert.equal(await page.locator('#read-saved').count(), 0, 'nothing saved');

      // The file picker reads the same file.
      await page.locator('#read-discard').click();
      await page.locator('#read-file').setInputFiles(join(root, 'tests', 'fixtures', 'notices', '245-TB-VPUBND.docx'));
      await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
      await page.locator('#read-discard').click();

      // The same notice as a PDF, and as a text file Notepad saved as "Unicode" (UTF-16).
      const pdf = readFileSync(join(root, 'tests', 'fixtures', 'notices', '245-TB-VPUBND.pdf'));
      await dropFile(page, '245-TB-VPUBND.pdf', pdf, 'application/pdf');
      await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
      assert.equal(await page.locator('#rc-number-symbol').inputValue(), '245/TB-VPUBND');
      assert.equal(await page.locator('fieldset.read-item').count(), 2);
      await page.locator('#read-discard').click();
      const text = readFileSync(join(root, 'tests', 'fixtures', 'notices', '245-TB-VPUBND.txt'), 'utf8');
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      await dropFile(page, '245-TB-VPUBND.txt', utf16, 'text/plain');
      await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
      assert.equal(await page.locator('#rc-number-symbol').inputValue(), '245/TB-VPUBND');
      await page.locator('#read-discard').click();

      // A file that is no Word file, a damaged PDF, and an old .doc, get a plain message.
      await dropFile(page, 'thong-bao.docx', Buffer.from('not a zip at all'), 'application/octet-stream');
      assert.match(await page.locator('#read-message').textContent(), /Không đọc được nội dung tệp Word này/);
      await dropFile(page, 'thong-bao.pdf', pdf.subarray(0, pdf.length / 2), 'application/pdf');
      assert.match(await page.locator('#read-message').textContent(), /Không đọc được tệp PDF này/);
      await dropFile(page, 'thong-bao.doc', Buffer.from('old word'), 'application/msword');
      assert.match(await page.locator('#read-message').textContent(), /Với tệp \.doc/);
    });
  });

  test('a text that holds no conclusion changes nothing', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      const before = await conclusionCount(page);
      await openReader(page);
      await page.getByRole('textbox', { name: 'Văn bản kết luận' }).fill('Kính gửi các anh chị,\n\nHẹn gặp lại tại cuộc họp tuần sau.');
      await page.locator('#read-go').click();
      assert.match(await page.locator('#read-message').textContent(), /không phải một kết luận.*Không có gì thay đổi/);
      await navLink(page, 'Kết luận').click();
      assert.equal(await conclusionCount(page), before);
    });
  });

  test('the review in English and at phone width', async (t) => {
    await withApp(t, shared.browser, shared.server.url, { viewport: PHONE }, async ({ page }) => {
      await loadSample(page);
      await pasteAndReview(page);
      const box = await page.locator('#rd-0').boundingBox();
      assert.ok(box.width <= PHONE.width, 'a directive fits the phone’s width');
      await shots(page, 'http-vi-phone-read-review');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Check the conclusion that was read' }).waitFor();
      assert.match(await page.locator('#read-summary').textContent(), /^Directives read: 6\./);
      await shots(page, 'http-en-phone-read-review');
    });
  });
});

describe('reading a notice (file://)', () => {
  test('pasted from a page opened on disk, saved and undone', async (t) => {
    await withApp(t, shared.browser, fileUrl, {}, async ({ page }) => {
      await loadSample(page);
      await pasteAndReview(page);
      await page.locator('#read-save').click();
      await waitForHash(page, /^#\/conclusions\/[^/]+$/);
      await page.locator('table.checklist').getByText('Công an tỉnh').first().waitFor();
      await page.locator('#undo-read').click();
      await page.locator('#read-undone').waitFor();
      await listRow(page, '16-KL/BCĐ').waitFor();
      assert.equal(await page.locator('table.list tbody tr').filter({ hasText: '312/TB-VPUBND' }).count(), 0);
    });
  });
});
