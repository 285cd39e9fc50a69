// Where features meet, one answer (issue 33): an inherited item's lead on the dashboard, a
// meeting's committee on its page, a pasted state notice and a unit that had ended, a
// cumulative figure that goes down. Screenshots in Vietnamese and English, desktop and phone.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE, listRow, loadSample, navLink, screenshot, sharedBrowser, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();

const STATE_NOTICE = `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐIỆN BIÊN
Độc lập - Tự do - Hạnh phúc
Số: 512/TB-UBND
Điện Biên, ngày 02 tháng 12 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về giải phóng mặt bằng
Ngày 28/11/2026, đồng chí Chủ tịch UBND tỉnh làm việc về tiến độ giải phóng mặt bằng, kết luận như sau:
1. UBND huyện Điện Biên hoàn thành chi trả tiền bồi thường cho các hộ còn lại trước ngày 31/12/2026.
2. Sở Xây dựng phối hợp với UBND huyện Điện Biên kiểm tra hiện trường trong tháng 12 năm 2026.
Nơi nhận:
- Như trên;
- Lưu: VT.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Nguyễn Văn A
`;

describe('one answer where features meet (http)', () => {
  test('the dashboard names an inherited item’s successor; a meeting shows its committee', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      const item = page.locator('main li', { hasText: '05-KL/BCĐ · 2' }).first();
      await item.waitFor();
      const text = await item.innerText();
      assert.match(text, /· Xã Mường Phăng ·/, text);
      assert.doesNotMatch(text, /· Huyện Điện Biên ·/, text);
      assert.match(text, /Kế thừa từ UBND huyện Điện Biên/);
      await screenshot(page, 'http-vi-desktop-dashboard-inherited');

      await navLink(page, 'Cuộc họp').click();
      await page.locator('main table.list tbody tr').first().getByRole('link').first().click();
      const committee = page.locator('dl.fields dt', { hasText: /^Ban Chỉ đạo$/ });
      await committee.waitFor();
      assert.ok((await committee.locator('xpath=following-sibling::dd[1]').innerText()).length > 0);
      await screenshot(page, 'http-vi-desktop-meeting-committee');
    });
  });

  test('a pasted state notice keeps its type; an item for an ended unit goes to its successor', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Kết luận').click();
      await page.locator('#read-conclusion').click();
      await page.getByRole('textbox', { name: 'Văn bản kết luận' }).fill(STATE_NOTICE);
      await page.locator('#read-go').click();
      await page.getByRole('heading', { name: 'Kiểm tra kết luận đã đọc' }).waitFor();
      assert.equal(await page.locator('#rc-body-kind').inputValue(), 'state');
      assert.equal(await page.getByLabel('Loại văn bản').inputValue(), 'state', 'the choice has its label');
      const note = page.locator('#rd-0 .ended-note');
      assert.match(await note.innerText(), /UBND huyện Điện Biên \(01\/07\/2025\)/);
      assert.match(await page.locator('#rd-0 .marks').textContent(), /Đơn vị chủ trì: đoán, cần kiểm tra/);
      await page.locator('#rd-0-path').focus();
      assert.equal((await page.locator('#rd-0-lead-unit label.pick:has(input:checked)').textContent()).trim(), 'UBND xã Mường Phăng (Xã Mường Phăng)');
      await screenshot(page, 'http-vi-desktop-read-ended-unit');
      await page.setViewportSize(PHONE);
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('#rd-0 .ended-note', { hasText: 'Units that had ended' }).waitFor();
      await screenshot(page, 'http-en-phone-read-ended-unit');
    });
  });

  test('a cumulative figure lower than the last report is saved only once confirmed, and marked', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('main table.list').getByRole('link', { name: 'Nậm Rốm' }).click();
      await page.getByText('Thêm báo cáo tiến độ').click();
      await page.locator('#rf-capital-disbursed').fill('1');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.locator('#rf-capital-disbursed[aria-invalid="true"]').waitFor();
      assert.match(await page.locator('#rf-capital-disbursed-problem').innerText(), /Thấp hơn báo cáo trước/);
      const confirm = page.getByLabel('Số liệu thấp hơn báo cáo trước là đính chính, vẫn lưu');
      await confirm.check();
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.locator('span.drop', { hasText: 'Vốn đã giải ngân' }).waitFor();
      await screenshot(page, 'http-vi-desktop-report-drop');
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('span.drop', { hasText: 'Capital disbursed' }).waitFor();
      await page.setViewportSize(PHONE);
      await screenshot(page, 'http-en-phone-report-drop');
    });
  });
});
