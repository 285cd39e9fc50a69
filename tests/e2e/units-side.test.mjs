// Issue 37, the units' side by file, over file:// with three browser profiles: the office
// sends packages to two communes (one holding inherited directives), each records progress
// and sends its reply, and the office takes both replies in at once.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromNow, dmy, fileUrl, listRow, loadSample, navLink, openApp, screenshot, sharedBrowser, PHONE } from './helpers.mjs';
import { downloaded } from './paper.mjs';

const shared = sharedBrowser();
const COMMUNES = ['UBND xã Mường Phăng', 'UBND xã Thanh Nưa'];

async function unitPage(page, name) {
  await navLink(page, 'Đơn vị').click();
  await listRow(page, name).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function importFiles(page, files) {
  await navLink(page, 'Dữ liệu').click();
  await page.getByLabel('Nhập tệp dữ liệu (JSON)').setInputFiles(files);
  const preview = page.getByRole('status').filter({ hasText: 'Xem trước khi nhập' });
  await preview.waitFor();
  return preview;
}

describe('the units\' side (file://)', () => {
  test('packages out, replies back, both taken in at once', async () => {
    const office = await openApp(shared.browser, fileUrl);
    const apps = [office];
    try {
      await loadSample(office.page);
      const packages = [];
      for (const name of COMMUNES) {
        await unitPage(office.page, name);
        packages.push(await downloaded(office.page, office.page.locator('#export-unit'), /^dondoc-don-vi-.*\.json$/));
      }
      const replies = [];
      for (const [i, name] of COMMUNES.entries()) {
        const unit = await openApp(shared.browser, fileUrl, i === 1 ? { viewport: PHONE } : {});
        apps.push(unit);
        const preview = await importFiles(unit.page, packages[i]);
        await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
        await unitPage(unit.page, name);
        // The unit reports on its first item.
        await unit.page.getByRole('button', { name: /^Ghi cập nhật/ }).first().click();
        // Her name and unit are "who reported"; the office's tools stay out of the way.
        assert.equal(await unit.page.locator('#uf-reported-by').inputValue(), name);
        assert.equal(await unit.page.getByText('Sửa thông tin đơn vị, đổi tên').count(), 0);
        assert.equal(await unit.page.locator('#print-reminder').count(), 0);
        await unit.page.locator('#uf-text').fill(`Báo cáo của ${name}`);
        await unit.page.getByRole('button', { name: 'Lưu cập nhật' }).click();
        // And asks for more time on its first item; granting is the office's, not here.
        const row = unit.page.locator('li', { has: unit.page.getByRole('button', { name: 'Đề nghị gia hạn' }) }).first();
        assert.equal(await row.getByRole('button', { name: 'Gia hạn', exact: true }).count(), 0);
        await row.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
        const form = unit.page.locator('#request-form');
        await form.locator('#rq-until').fill(dmy(daysFromNow(60)));
        await form.locator('#rq-reason').fill(`Lý do của ${name}`);
        await form.getByRole('button', { name: 'Lưu đề nghị' }).click();
        await unit.page.getByText('Đã ghi đề nghị gia hạn', { exact: false }).waitFor();
        await unit.page.locator('#send-reply').waitFor();
        await screenshot(unit.page, `units-side-reply-${i === 1 ? 'phone' : 'desktop'}-vi`);
        const reply = await downloaded(unit.page, unit.page.locator('#send-reply'), /^dondoc-bao-cao-.*\.json$/);
        replies.push(reply);
      }
      // The office takes both replies in at once: one preview naming each unit.
      const preview = await importFiles(office.page, replies);
      for (const name of COMMUNES) await preview.getByText(name, { exact: false }).first().waitFor();
      await screenshot(office.page, 'units-side-replies-preview-vi');
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      for (const name of COMMUNES) {
        await unitPage(office.page, name);
        await office.page.getByText(`Báo cáo của ${name}`).first().waitFor({ state: 'attached' });
      }
      // Both requests wait for the office's decision; one is granted.
      await navLink(office.page, 'Đôn đốc').click();
      const card = office.page.locator('#waiting-requests');
      await card.getByText('(2)').waitFor();
      const item = card.locator('li', { hasText: `Lý do của ${COMMUNES[0]}` });
      await item.getByRole('button', { name: 'Đồng ý gia hạn' }).click();
      await item.locator('#wr-text').fill('Công văn số 7/VP-TH');
      await item.getByRole('button', { name: 'Xác nhận gia hạn' }).click();
      await card.getByText('(1)').waitFor();
    } finally {
      for (const a of apps) await a.context.close();
    }
  });
});
