// Never losing data on one computer: two tabs of the app kept in step (a change in one
// appears in the other, the same directive saved from both is a conflict shown), and the
// browser's own backups restored after a preview and undone. See helpers.mjs.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  appReady, listRow, loadSample, navLink, screenshot, sharedBrowser, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();

async function openConclusion(page) {
  await navLink(page, 'Kết luận').click();
  await listRow(page, '16-KL/BCĐ').getByRole('link', { name: '16-KL/BCĐ', exact: true }).click();
}

const row = (page, path) => page.locator('table.checklist tbody tr', {
  has: page.locator('th', { hasText: new RegExp(`^${path.replace('.', '\\.')}$`) }),
});

/** Opens the directive form on item `path` and types a new text, without saving. */
async function startEditing(page, path, text) {
  await row(page, path).getByRole('button', { name: `Sửa nhiệm vụ ${path}` }).click();
  await page.locator('#df-text:focus').waitFor();
  await page.locator('#df-text').fill(text);
}

async function save(page) {
  await page.locator('#directive-form').getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
}

describe('one computer (http)', () => {
  test('two tabs stay in step; the same directive saved from both is a conflict shown', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page, context, url }) => {
      await loadSample(page);
      await openConclusion(page);
      const other = await context.newPage();
      await other.goto(url);
      await appReady(other);
      await openConclusion(other);

      // A change in one tab appears in the other without a reload, both ways.
      await startEditing(page, '1', 'Thẻ 1: nội dung mới của mục 1');
      await save(page);
      await row(other, '1').getByText('Thẻ 1: nội dung mới của mục 1').waitFor();
      await startEditing(other, '2', 'Thẻ 2: nội dung mới của mục 2');
      await save(other);
      await row(page, '2').getByText('Thẻ 2: nội dung mới của mục 2').waitFor();
      await row(page, '1').getByText('Thẻ 1: nội dung mới của mục 1').waitFor();

      // The same directive: the first tab opened the form before the second saved.
      await startEditing(page, '3', 'Thẻ 1: sửa cùng lúc');
      await startEditing(other, '3', 'Thẻ 2: lưu trước');
      await save(other);
      await row(page, '3').getByText('Thẻ 2: lưu trước').waitFor();
      await save(page);
      const banner = page.getByRole('alert').filter({ hasText: 'vừa được thay đổi ở nơi khác' });
      await banner.waitFor();
      await banner.getByRole('cell', { name: 'Thẻ 1: sửa cùng lúc' }).waitFor();
      await banner.getByRole('cell', { name: 'Thẻ 2: lưu trước' }).waitFor();
      await row(page, '3').getByText('Thẻ 2: lưu trước').waitFor(); // the first save is kept
      await screenshot(page, 'http-vi-desktop-tab-conflict');
      await banner.getByRole('button', { name: 'Dùng bản của tôi thay bản đang giữ' }).click();
      await row(page, '3').getByText('Thẻ 1: sửa cùng lúc').waitFor();
      await row(other, '3').getByText('Thẻ 1: sửa cùng lúc').waitFor();
      assert.equal(await banner.count(), 0);

      // Both tabs and a reload agree.
      await other.reload();
      await appReady(other);
      for (const [path, text] of [['1', 'Thẻ 1: nội dung mới của mục 1'], ['2', 'Thẻ 2: nội dung mới của mục 2'], ['3', 'Thẻ 1: sửa cùng lúc']]) {
        await row(other, path).getByText(text).waitFor();
      }
      await other.close();
    });
  });

  test('a backup restores after a preview, and the restore can be undone', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      // The first save takes the first snapshot.
      await navLink(page, 'Dữ liệu').click();
      const card = page.locator('section', { has: page.getByRole('heading', { name: 'Bản sao lưu trong trình duyệt' }) });
      await card.locator('tbody tr').first().waitFor();
      await openConclusion(page);
      const original = await row(page, '1').locator('td').first().innerText();
      await startEditing(page, '1', 'Sửa sau bản sao lưu');
      await save(page);
      await row(page, '1').getByText('Sửa sau bản sao lưu').waitFor();

      await navLink(page, 'Dữ liệu').click();
      await card.locator('#persistence').filter({ hasText: /lưu bền vững/ }).waitFor();
      assert.equal(await card.locator('tbody tr').count(), 1, 'one snapshot: the first save');
      await card.getByRole('button', { name: /^Xem trước khi khôi phục bản sao lưu lúc/ }).click();
      const preview = page.locator('#restore-preview');
      await preview.getByText('1 bản ghi sẽ trở lại như lúc đó').waitFor();
      await screenshot(page, 'http-vi-desktop-restore-preview');
      await preview.getByRole('button', { name: 'Khôi phục', exact: true }).click();
      await page.getByText('Đã khôi phục bản sao lưu.').waitFor();
      await openConclusion(page);
      assert.equal(await row(page, '1').getByText('Sửa sau bản sao lưu').count(), 0);
      assert.ok((await row(page, '1').locator('td').first().innerText()).includes(original.split('\n')[0]));

      await navLink(page, 'Dữ liệu').click();
      await page.getByRole('button', { name: /^Hoàn tác khôi phục bản sao lưu lúc/ }).click();
      await page.getByText('Đã hoàn tác: dữ liệu trở lại như trước.').waitFor();
      await page.reload();
      await appReady(page);
      await openConclusion(page);
      await row(page, '1').getByText('Sửa sau bản sao lưu').waitFor();
    });
  });
});
