// The unit register after the 2025 reorganisation: a district abolished with its open
// directives handed to two communes, seen on a commune's list with their history, in the
// conclusion's checklist, and after a reload; the sample's district already abolished read
// from the screens. See helpers.mjs for the harness.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE, DESKTOP, fileUrl, heading, listRow, loadSample, navLink, screenshot, sharedBrowser, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();

async function openUnit(page, name) {
  await navLink(page, 'Đơn vị').click();
  await listRow(page, name).getByRole('link', { name, exact: true }).click();
  await heading(page).filter({ hasText: name }).waitFor();
}

/** Abolishes UBND huyện Tuần Giáo on 01/07/2025 into its two communes, from its page. */
async function abolishTuanGiao(page, shots) {
  await openUnit(page, 'UBND huyện Tuần Giáo');
  const form = page.locator('#unit-end-form');
  await form.locator('summary').click();
  await form.getByText('Nhập ngày kết thúc để xem các nhiệm vụ cần chuyển giao.').waitFor();
  await form.getByLabel('Kết thúc', { exact: true }).selectOption({ label: 'Giải thể, giao việc cho các đơn vị kế thừa' });
  await form.getByLabel('Ngày kết thúc', { exact: false }).fill('01/07/2025');
  const successors = form.locator('#ue-successors');
  for (const commune of ['UBND xã Tuần Giáo', 'UBND xã Quài Tở']) {
    const filter = successors.locator('input.pick-filter');
    if (await filter.count()) await filter.fill(commune);
    await successors.getByLabel(commune, { exact: false }).check();
    if (await filter.count()) await filter.fill('');
  }
  await form.getByRole('heading', { name: 'Nhiệm vụ còn mở cần chuyển giao (2)' }).waitFor();
  // Saved before every directive has its taker: refused, each row says why, nothing stored.
  await form.getByRole('button', { name: 'Ghi nhận và chuyển giao' }).click();
  await form.locator('table.handover .problem', { hasText: 'Chọn đơn vị kế thừa nhận nhiệm vụ này.' }).first().waitFor();
  assert.equal(await page.locator('span.tag', { hasText: 'Đã kết thúc' }).count(), 0);
  // All to Xã Tuần Giáo in one step, then item 2 to Quài Tở with Tuần Giáo coordinating.
  await form.getByLabel('Giao tất cả cho').selectOption({ label: 'UBND xã Tuần Giáo (Xã Tuần Giáo)' });
  await form.getByRole('button', { name: 'Giao tất cả', exact: true }).click();
  const row2 = form.locator('table.handover tbody tr', { hasText: '07-KL/BCĐ · 2' });
  await row2.getByRole('combobox').selectOption({ label: 'UBND xã Quài Tở (Xã Quài Tở)' });
  await row2.getByLabel('UBND xã Tuần Giáo', { exact: false }).check();
  if (shots) await screenshot(page, 'http-vi-desktop-unit-abolish-form');
  await form.getByRole('button', { name: 'Ghi nhận và chuyển giao' }).click();
  await page.locator('span.tag', { hasText: 'Đã kết thúc' }).waitFor();
  await page.getByRole('heading', { name: 'Kết quả thực hiện đến ngày 30/06/2025' }).waitFor();
  await page.getByRole('heading', { name: 'Nhiệm vụ đã chuyển giao (2)' }).waitFor();
  await page.getByText('UBND xã Quài Tở (chủ trì), UBND xã Tuần Giáo (phối hợp)').waitFor();
}

/** The commune's list holds what it inherited, marked, and the checklist tells the story. */
async function communeOwesIt(page) {
  await openUnit(page, 'UBND xã Tuần Giáo');
  const item = page.locator('main li', { hasText: 'hoàn thành bàn giao mặt bằng đoạn tuyến' });
  await item.getByText('Kế thừa từ UBND huyện Tuần Giáo (từ 01/07/2025)').waitFor();
  const coordinating = page.locator('main li', { hasText: 'thường xuyên báo cáo tiến độ bồi thường' });
  await coordinating.waitFor();
  await navLink(page, 'Kết luận').click();
  await listRow(page, '07-KL/BCĐ').getByRole('link', { name: '07-KL/BCĐ', exact: true }).click();
  const row = page.locator('table.checklist tbody tr', { has: page.locator('th', { hasText: /^1$/ }) });
  await row.getByText('giao cho UBND huyện Tuần Giáo, từ 01/07/2025 chuyển cho UBND xã Tuần Giáo').waitFor();
}

describe('units after the 2025 reorganisation (http)', () => {
  test('a district abolished into two communes: its open directives handed over, on the commune\'s list with their history, after a reload', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await abolishTuanGiao(page, true);
      await screenshot(page, 'http-vi-desktop-unit-abolished');
      await page.reload();
      await page.getByRole('heading', { name: 'Nhiệm vụ đã chuyển giao (2)' }).waitFor();
      await page.setViewportSize(PHONE);
      await screenshot(page, 'http-vi-phone-unit-abolished');
      await page.setViewportSize(DESKTOP);
      await communeOwesIt(page);
      await screenshot(page, 'http-vi-desktop-checklist-handed-over');
      await page.reload();
      await page.getByText('từ 01/07/2025 chuyển cho UBND xã Tuần Giáo', { exact: false }).first().waitFor();
      // In English, at both widths: the commune's list.
      await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await navLink(page, 'Units').click();
      await listRow(page, 'UBND xã Tuần Giáo').getByRole('link', { name: 'UBND xã Tuần Giáo', exact: true }).click();
      await page.getByText('Inherited from UBND huyện Tuần Giáo (since 01/07/2025)').first().waitFor();
      await screenshot(page, 'http-en-desktop-unit-inherited');
      await page.setViewportSize(PHONE);
      await screenshot(page, 'http-en-phone-unit-inherited');
    });
  });

  test('the sample\'s abolished district answers who owes its work now and how it did before it ended', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đơn vị').click();
      const district = listRow(page, 'UBND huyện Điện Biên');
      await district.getByText('Đã kết thúc').waitFor();
      await district.getByRole('link', { name: 'UBND huyện Điện Biên', exact: true }).click();
      await page.getByText('Đã giải thể từ 01/07/2025; đơn vị kế thừa: UBND xã Mường Phăng, UBND xã Thanh Nưa').waitFor();
      const record = page.locator('#unit-ended');
      await record.getByRole('heading', { name: 'Kết quả thực hiện đến ngày 30/06/2025' }).waitFor();
      const figure = async (label) => Number(await record.locator('ul.states li', { hasText: label }).locator('strong').innerText());
      assert.deepEqual([await figure('Hoàn thành đúng hạn'), await figure('Quá hạn'), await figure('Trong hạn')], [1, 1, 2]);
      await record.getByText('UBND xã Thanh Nưa (chủ trì), UBND xã Mường Phăng (phối hợp)').waitFor();
      // The end form is gone once the end is recorded; the register form stays.
      assert.equal(await page.locator('#unit-end-form').count(), 0);
      await screenshot(page, 'http-vi-desktop-sample-district');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await page.getByText('Dissolved on 01/07/2025; successors: UBND xã Mường Phăng, UBND xã Thanh Nưa').waitFor();
      await screenshot(page, 'http-en-desktop-sample-district');
    });
  });

  test('a duplicate unit joined into the one kept: its work moves, its name stays findable', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Đơn vị').click();
      await page.locator('#unit-form summary').click();
      await page.getByLabel('Tên', { exact: true }).fill('Sở Tài chánh tỉnh Điện Biên');
      await page.getByRole('button', { name: 'Lưu đơn vị' }).click();
      await page.getByText('Đã lưu đơn vị.').waitFor();
      const before = await page.locator('table.list tbody tr').count();
      await openUnit(page, 'Sở Tài chính');
      const join = page.locator('#unit-join');
      await join.locator('summary').click();
      await join.getByLabel('Bản ghi trùng').selectOption({ label: 'Sở Tài chánh tỉnh Điện Biên' });
      await join.getByText('Sẽ chuyển sang đơn vị này', { exact: false }).waitFor();
      await join.getByRole('button', { name: 'Gộp vào đơn vị này' }).click();
      await join.getByText('Đã gộp.').waitFor();
      await page.locator('dl.fields', { hasText: 'Sở Tài chánh tỉnh Điện Biên' }).waitFor();
      await navLink(page, 'Đơn vị').click();
      await listRow(page, 'Sở Tài chính').waitFor();
      assert.equal(await page.locator('table.list tbody tr').count(), before - 1);
    });
  });
});

describe('units after the 2025 reorganisation (file://)', () => {
  test('a district abolished from a page opened from disk, kept after a reload', async (t) => {
    await withApp(t, shared.browser, fileUrl, {}, async ({ page }) => {
      await loadSample(page);
      await abolishTuanGiao(page, false);
      await page.reload();
      await page.getByRole('heading', { name: 'Nhiệm vụ đã chuyển giao (2)' }).waitFor();
      await communeOwesIt(page);
    });
  });
});
