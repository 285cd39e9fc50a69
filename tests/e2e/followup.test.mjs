// The follow-up officer's flows: a meeting and its conclusion typed in with their
// directives (deadlines in the document's words), progress phoned in, and the checklist,
// the unit's list and the overview that follow. See helpers.mjs for the harness.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE, daysFromNow, dmy, heading, listRow, loadSample, navLink, screenshot, shotsDir, waitForHash, sharedBrowser, withApp,
} from './helpers.mjs';
import { join } from 'node:path';

const shared = sharedBrowser();


describe('follow-up (http)', () => {
  test('a phoned-in report recorded from the checklist by keyboard, under a minute of typing', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      await listRow(page, '16-KL/BCĐ').getByRole('link', { name: '16-KL/BCĐ', exact: true }).click();
      const row = page.locator('table.checklist tbody tr', { has: page.locator('th', { hasText: /^3\.1$/ }) });
      await row.getByText('Quá hạn').waitFor();
      const heading2 = page.getByRole('heading', { level: 2 }).filter({ hasText: 'Hoàn thành' }).first();
      const before = await heading2.innerText();
      // Keyboard only: focus the row's button, Enter, type, Tab to the status, Enter to save.
      await row.getByRole('button', { name: 'Ghi cập nhật' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#uf-text:focus').waitFor();
      await page.keyboard.type('Đã kiểm đếm xong 155 hộ, gửi hồ sơ cho Hội đồng bồi thường');
      await page.getByLabel('Tình trạng mới').selectOption({ label: 'Đã hoàn thành' });
      await page.getByLabel('Người, đơn vị báo cáo').fill('Anh Lò Văn B, UBND xã Mường Phăng');
      await page.getByLabel('Số, ký hiệu văn bản báo cáo').fill('Báo cáo số 45/BC-UBND');
      await page.getByLabel('Số, ký hiệu văn bản báo cáo').press('Enter');
      await page.getByText('Đã ghi cập nhật cho nhiệm vụ 3.1.').waitFor();
      await row.getByText('Hoàn thành trễ hạn').waitFor();
      await row.getByText('Đã kiểm đếm xong 155 hộ', { exact: false }).waitFor();
      assert.notEqual(await heading2.innerText(), before, 'the share done changed');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Ghi cập nhật', 'focus back on the row');
      await screenshot(page, 'http-vi-desktop-checklist-updated');
      await page.reload();
      await row.getByText('Hoàn thành trễ hạn').waitFor();
    });
  });

  test('an overdue directive given more time: the original deadline kept, judged by the new one, shown on the checklist, the unit and the report', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      await listRow(page, '16-KL/BCĐ').getByRole('link', { name: '16-KL/BCĐ', exact: true }).click();
      const row = page.locator('table.checklist tbody tr', { has: page.locator('th', { hasText: /^3\.1$/ }) });
      await row.getByText('Quá hạn').waitFor();
      const original = (await row.locator('td').nth(2).innerText()).trim();
      await row.getByRole('button', { name: 'Gia hạn nhiệm vụ 3.1' }).click();
      await page.locator('#xf-deadline:focus').waitFor();
      const later = new Date(Date.now() + 40 * 86400000);
      await page.keyboard.type(`chậm nhất ngày ${dmy(later)}`);
      await page.locator('#xf-deadline-echo', { hasText: dmy(later) }).waitFor();
      // No granting document: refused, nothing stored.
      await page.getByRole('button', { name: 'Lưu gia hạn' }).click();
      await page.locator('#xf-document-ref[aria-invalid="true"]').waitFor();
      await row.getByText('Quá hạn').waitFor();
      assert.equal(await row.getByText('Đã gia hạn').count(), 0);
      await page.getByLabel('Số, ký hiệu văn bản cho gia hạn').fill('Công văn số 2001/UBND-KT');
      await page.getByLabel('Lý do gia hạn').fill('Chờ ý kiến của Sở Tài nguyên và Môi trường về giá đất cụ thể');
      await page.getByRole('button', { name: 'Lưu gia hạn' }).click();
      await page.getByText('Đã ghi gia hạn cho nhiệm vụ 3.1.').waitFor();
      await row.getByText('Đã gia hạn').waitFor();
      await row.getByText('Trong hạn', { exact: true }).waitFor();
      const cell = await row.locator('td').nth(2).innerText();
      assert.ok(cell.startsWith(`chậm nhất ngày ${dmy(later)}`), `the deadline in force first: ${cell}`);
      assert.ok(!cell.split('\n')[0].includes(original.split('\n')[0]) || original.includes(dmy(later)), `the original only in the mark: ${cell}`);
      assert.match(cell, new RegExp(`→ ${dmy(later)} \\(Công văn số 2001/UBND-KT\\)`));
      assert.match(cell, /xin gia hạn khi đã quá hạn/, 'asked for after the deadline had passed');
      assert.equal(await page.evaluate(() => document.activeElement?.id), await row.getByRole('button', { name: 'Gia hạn nhiệm vụ 3.1' }).getAttribute('id'), 'focus back on the row');
      await screenshot(page, 'http-vi-desktop-checklist-extended');
      // The form lists the history; a second extension must come later than the first.
      await row.getByRole('button', { name: 'Gia hạn nhiệm vụ 3.1' }).click();
      await page.locator('#extension-form li', { hasText: 'Công văn số 2001/UBND-KT' }).waitFor();
      await page.locator('#xf-deadline').fill(`trước ngày ${dmy(new Date(Date.now() + 10 * 86400000))}`);
      await page.getByLabel('Số, ký hiệu văn bản cho gia hạn').fill('CV 1');
      await page.getByRole('button', { name: 'Lưu gia hạn' }).click();
      await page.locator('#xf-deadline[aria-invalid="true"]').waitFor();
      await screenshot(page, 'http-vi-desktop-extension-form');
      await page.keyboard.press('Escape');
      // The unit's list.
      await row.locator('td').nth(1).getByRole('link').first().click();
      const item = page.locator('main li', { hasText: 'Đã gia hạn' }).first();
      await item.waitFor();
      assert.match(await item.innerText(), new RegExp(dmy(later)));
      await item.screenshot({ path: join(shotsDir, 'http-vi-desktop-unit-extended-item.png') });
      await page.reload();
      await page.locator('main li', { hasText: 'Đã gia hạn' }).first().waitFor();
      // The report counts it.
      await navLink(page, 'Báo cáo').click();
      const extended = page.locator('ul.states li', { hasText: 'Đã gia hạn' });
      assert.ok(Number(await extended.locator('strong').first().innerText()) >= 2, 'the sample\'s and this one');
      await page.goBack();
      await page.goBack();
      await row.getByText('Đã gia hạn').waitFor();
      await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await row.getByText('Extended').waitFor();
      await screenshot(page, 'http-en-desktop-checklist-extended');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'http-en-phone-checklist-extended');
      await row.screenshot({ path: join(shotsDir, 'http-en-phone-checklist-extended-row.png') });
      await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();
      await row.getByText('Đã gia hạn').waitFor();
      await screenshot(page, 'http-vi-phone-checklist-extended');
      await row.screenshot({ path: join(shotsDir, 'http-vi-phone-checklist-extended-row.png') });
    });
  });

  test('the unit register: a unit added, the same one refused, a department renamed from a date keeps its old name', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đơn vị').click();
      await page.locator('#unit-form summary').click();
      await page.getByLabel('Tên', { exact: true }).fill('Sở Khoa học và Công nghệ');
      await page.getByLabel('Loại đơn vị').selectOption({ label: 'Sở, ngành' });
      await page.getByRole('button', { name: 'Lưu đơn vị' }).click();
      await page.getByText('Đã lưu đơn vị.').waitFor();
      await listRow(page, 'Sở Khoa học và Công nghệ').waitFor();
      // The same unit again, typed differently: refused, nothing added.
      const rows = await page.locator('table.list tbody tr').count();
      await page.getByLabel('Tên', { exact: true }).fill('sở khoa học và công nghệ');
      await page.getByRole('button', { name: 'Lưu đơn vị' }).click();
      await page.getByText('đã có một đơn vị mang tên này', { exact: false }).waitFor();
      assert.equal(await page.locator('table.list tbody tr').count(), rows);
      await screenshot(page, 'http-vi-desktop-units-register');
      // Renamed from 01/01/2026: the old name stays for what came before.
      await listRow(page, 'Sở Tài chính').getByRole('link', { name: 'Sở Tài chính', exact: true }).click();
      await page.locator('#unit-form summary').click();
      await page.getByLabel('Tên', { exact: true }).fill('Sở Tài chính và Kế hoạch');
      await page.getByLabel('Dùng tên mới từ ngày', { exact: false }).fill('01/01/2026');
      await page.getByRole('button', { name: 'Lưu đơn vị' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sở Tài chính và Kế hoạch' }).waitFor();
      await page.locator('dl.fields', { hasText: 'Sở Tài chính (đến 31/12/2025)' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sở Tài chính và Kế hoạch' }).waitFor();
      await screenshot(page, 'http-vi-desktop-unit-renamed');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await page.setViewportSize(PHONE);
      await page.locator('#unit-form summary').click();
      await page.getByText('Former names').waitFor();
      await screenshot(page, 'http-en-phone-unit-renamed');
    });
  });

  test('the follow-up overview: search without diacritics, counts as of another date', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đôn đốc').click();
      await waitForHash(page, /^#\/follow-up$/);
      const overdueCount = async () => Number(await page.locator('ul.states li', { hasText: 'Quá hạn' }).locator('strong').innerText());
      const today = await overdueCount();
      await page.getByLabel('Tìm trong cuộc họp, kết luận, nhiệm vụ', { exact: false }).fill('kiem dem tai san');
      await page.locator('main li', { hasText: 'Hoàn thành kiểm đếm tài sản' }).first().waitFor();
      await page.getByLabel('Tìm trong cuộc họp, kết luận, nhiệm vụ', { exact: false }).fill('');
      // A year later, everything still open with a date is overdue.
      await page.getByLabel('Tính đến ngày').fill(dmy(daysFromNow(365)));
      await page.getByLabel('Tính đến ngày').press('Enter');
      await page.waitForFunction((n) => {
        const li = [...document.querySelectorAll('ul.states li')].find((l) => l.textContent.includes('Quá hạn'));
        return li && Number(li.querySelector('strong').textContent) > n;
      }, today);
      await page.getByRole('heading', { name: 'Theo đơn vị chủ trì' }).waitFor();
      await screenshot(page, 'http-vi-desktop-follow-up-next-year');
    });
  });

  test('a meeting and its conclusion typed in with 5 directives, progress on three; checklist, unit, overview, reload', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      const today = new Date();
      const Y = today.getFullYear();
      const place = 'Phòng họp số 2, Văn phòng UBND tỉnh';
      await loadSample(page);

      // The meeting.
      await navLink(page, 'Cuộc họp').click();
      await page.getByRole('link', { name: 'Thêm cuộc họp' }).click();
      await page.getByLabel('Giờ (như 08:30)', { exact: true }).fill('14h');
      await page.getByLabel('Địa điểm', { exact: true }).fill(place);
      await page.getByLabel('Chủ trì', { exact: true }).fill('Phó Chủ tịch UBND tỉnh Lò Văn A');
      await page.getByLabel('Nội dung chính', { exact: true }).fill('Kiểm điểm tiến độ giải phóng mặt bằng các dự án giao thông.');
      await page.getByRole('button', { name: 'Lưu cuộc họp' }).click();
      await waitForHash(page, /^#\/meetings\/[0-9a-f-]{36}$/);
      await page.getByRole('main').getByText(place).first().waitFor();

      // Its conclusion.
      await navLink(page, 'Kết luận').click();
      await page.getByRole('link', { name: 'Thêm kết luận' }).click();
      await page.getByLabel('Số, ký hiệu', { exact: true }).fill('21-KL/BCĐ');
      await page.getByLabel('Trích yếu', { exact: true }).fill('Kết luận tại cuộc họp kiểm điểm tiến độ giải phóng mặt bằng');
      const meeting = page.getByLabel('Cuộc họp', { exact: true });
      const value = await meeting.locator('option', { hasText: place }).getAttribute('value');
      await meeting.selectOption(value);
      await page.getByRole('button', { name: 'Lưu kết luận' }).click();
      await waitForHash(page, /^#\/conclusions\/[0-9a-f-]{36}$/);

      // Its directives: the form is open on a conclusion without any, numbered 1 already.
      const form = page.locator('#directive-form');
      const field = (label) => form.getByLabel(label, { exact: true });
      const echo = form.locator('#df-deadline-echo');
      const problem = form.locator('#df-deadline-problem');
      assert.equal(await field('Số thứ tự').inputValue(), '1');
      const save = async (path) => {
        await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
        await page.locator('table.checklist tbody th', { hasText: new RegExp(`^${path.replace('.', '\\.')}$`) }).waitFor();
      };

      // 1: a date, first mistyped as a day that does not exist.
      await field('Nội dung').fill('Sở Xây dựng hoàn thành thẩm định thiết kế cơ sở đoạn tuyến qua xã Tân Lập.');
      await field('Thời hạn').fill(`trước ngày 31/4/${Y + 1}`);
      await problem.getByText(`Không có ngày 31/4/${Y + 1}.`, { exact: false }).waitFor();
      await field('Thời hạn').fill(`trước ngày 15/5/${Y + 1}`);
      await echo.getByText(`→ Hạn cuối: 14/05/${Y + 1} (ngày trước 15/05/${Y + 1})`).waitFor();
      await field('Đơn vị chủ trì').selectOption({ label: 'Sở Xây dựng (SXD)' });
      await form.locator('#df-coordinating-units').getByLabel('Sở Tài chính (STC)').check();
      await field('Người chịu trách nhiệm').fill('Phó Giám đốc Sở Nguyễn Văn D');
      await form.locator('#df-projects').getByLabel('Nậm Rốm').check();
      await save('1');

      // 2: a month without a year, to a unit added on the spot.
      assert.equal(await field('Số thứ tự').inputValue(), '2', 'the next number is offered');
      await field('Nội dung').fill('Di dời đường điện trung thế khỏi mặt bằng thi công.');
      await field('Thời hạn').fill(`cuối tháng ${today.getMonth() + 1}`);
      const monthEnd = new Date(Y, today.getMonth() + 1, 0);
      await echo.getByText(`→ Hạn cuối: ${dmy(monthEnd)}`).waitFor();
      await field('Đơn vị chưa có trong danh sách').fill('Điện lực Điện Biên');
      await field('Đơn vị chưa có trong danh sách').press('Enter');
      await form.getByText('Đã thêm đơn vị: Điện lực Điện Biên').waitFor();
      assert.equal(await field('Đơn vị chủ trì').locator('option:checked').innerText(), 'Điện lực Điện Biên');
      await save('2');

      // 2.1: a sub-item with the spacing of a pasted document.
      await field('Số thứ tự').fill('2.1');
      await field('Nội dung').fill('Báo cáo phương án di dời cho Sở Công Thương.');
      const year = String(Y + 1);
      await field('Thời hạn').fill(`25 / 8 /${year.slice(0, 3)} ${year.slice(3)}`);
      await echo.getByText(`→ Hạn cuối: 25/08/${Y + 1}`).waitFor();
      await field('Đơn vị chủ trì').selectOption({ label: 'Điện lực Điện Biên' });
      await save('2.1');

      // 3: continuous; after 2.1 the form offers 2.2, and going back up is one button.
      assert.equal(await field('Số thứ tự').inputValue(), '2.2', 'the structure goes on');
      await form.getByRole('button', { name: 'Mục tiếp theo 3' }).click();
      assert.equal(await field('Số thứ tự').inputValue(), '3');
      await field('Nội dung').fill('Thường xuyên báo cáo tiến độ giải phóng mặt bằng về Văn phòng UBND tỉnh.');
      await field('Thời hạn').fill('thường xuyên');
      await echo.getByText('→ Thường xuyên: không tính quá hạn').waitFor();
      await field('Đơn vị chủ trì').selectOption({ label: 'UBND xã Mường Phăng (Xã Mường Phăng)' });
      await save('3');

      // 4: words the app cannot read, so the date is set by hand; the words are kept.
      await field('Nội dung').fill('Hoàn thành chi trả bồi thường cho các hộ còn lại.');
      await field('Thời hạn').fill('trước Tết Nguyên đán');
      await problem.getByText('Không đọc được thời hạn', { exact: false }).waitFor();
      await field('Sửa hạn (nếu cần)').fill(`20/01/${Y + 1}`);
      await field('Đơn vị chủ trì').selectOption({ label: 'UBND xã Mường Phăng (Xã Mường Phăng)' });
      await save('4');
      const checklist = page.locator('table.checklist');
      const row = (path) => checklist.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${path.replace('.', '\\.')}$`) }) });
      await row('4').getByText('trước Tết Nguyên đán').waitFor();
      await row('4').getByText(`20/01/${Y + 1}`).waitFor();
      const share = page.getByRole('heading', { level: 2 }).filter({ hasText: 'Hoàn thành' }).first();
      assert.match(await share.innerText(), /Nhiệm vụ \(5\)/);
      await screenshot(page, 'http-vi-desktop-conclusion-typed');

      // Progress on three, as phoned in.
      const report = async (path, text, status) => {
        await row(path).getByRole('button', { name: 'Ghi cập nhật' }).click();
        await page.locator('#uf-text:focus').waitFor();
        await page.keyboard.type(text);
        if (status) await page.getByLabel('Tình trạng mới').selectOption({ label: status });
        await page.getByLabel('Người, đơn vị báo cáo').fill('Văn phòng Sở, qua điện thoại');
        await page.getByLabel('Người, đơn vị báo cáo').press('Enter');
        await page.getByText(`Đã ghi cập nhật cho nhiệm vụ ${path}.`).waitFor();
      };
      await report('1', 'Đã có văn bản thẩm định số 112/SXD-QLXD', 'Đã hoàn thành');
      await report('2', 'Đã khảo sát, đang lập phương án di dời', 'Đang thực hiện');
      await report('4', 'Đã chi trả xong cho 12 hộ', 'Đã hoàn thành');
      await share.filter({ hasText: '2/5 (40%): 2 đúng hạn, 0 trễ hạn' }).waitFor();
      await row('2').getByText('Đã khảo sát, đang lập phương án di dời', { exact: false }).waitFor();

      // Correcting a directive: its words come back, the number is kept.
      await row('3').getByRole('button', { name: 'Sửa nhiệm vụ 3' }).click();
      await page.locator('#df-text:focus').waitFor();
      assert.equal(await field('Thời hạn').inputValue(), 'thường xuyên');
      await field('Người chịu trách nhiệm').fill('Chủ tịch UBND xã');
      await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
      await row('3').getByText('thường xuyên', { exact: true }).waitFor();
      assert.match(await share.innerText(), /Nhiệm vụ \(5\)/, 'editing adds nothing');

      // The unit added on the spot has its list.
      await navLink(page, 'Đơn vị').click();
      await heading(page).filter({ hasText: /^Đơn vị/ }).waitFor();
      await listRow(page, 'Điện lực Điện Biên').getByRole('link', { name: 'Điện lực Điện Biên' }).click();
      await page.getByText('Di dời đường điện trung thế', { exact: false }).waitFor();
      await page.getByText('Đã khảo sát, đang lập phương án di dời', { exact: false }).waitFor();
      await screenshot(page, 'http-vi-desktop-unit-added');

      // The overview counts the conclusion.
      await navLink(page, 'Đôn đốc').click();
      const byConclusion = page.locator('table', { has: page.getByText('Số, ký hiệu') }).locator('tbody tr', { hasText: '21-KL/BCĐ' });
      await byConclusion.getByText('40%').waitFor();
      const cells = await byConclusion.locator('td').allInnerTexts();
      assert.equal(cells[0].trim(), '5', `${cells}`);

      // Reload: everything is there.
      await page.reload();
      await navLink(page, 'Kết luận').click();
      await listRow(page, '21-KL/BCĐ').getByRole('link', { name: '21-KL/BCĐ', exact: true }).click();
      await share.filter({ hasText: '2/5 (40%)' }).waitFor();
      await row('2.1').getByText(`25/08/${Y + 1}`).waitFor();

      // In English, at phone width, the form reads the same words.
      await page.setViewportSize(PHONE);
      await page.getByRole('button', { name: 'English' }).click();
      await row('1').getByRole('button', { name: 'Edit directive 1' }).click();
      await form.locator('#df-deadline-echo').getByText(`→ Due: 14/05/${Y + 1} (the day before 15/05/${Y + 1})`).waitFor();
      await screenshot(page, 'http-en-phone-directive-form');
    });
  });
});
