// Never losing data on one computer: two tabs of the app kept in step (a change in one
// appears in the other, the same directive saved from both is a conflict shown), and the
// browser's own backups restored after a preview and undone. See helpers.mjs.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appReady, failuresDir, fileUrl, listRow, mkdir, loadSample, navLink, screenshot, sharedBrowser, withApp,
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

/** The sample loaded in `page`, and a second page of the same profile; both on 16-KL/BCĐ. */
async function sampleInTwoPages(page, context, url) {
  await loadSample(page);
  await openConclusion(page);
  const other = await context.newPage();
  await other.goto(url);
  await appReady(other);
  await openConclusion(other);
  return other;
}

/** Records an update on item 1 of the open checklist, typed and saved as an officer does
 *  it, from inside the page so two pages can do it in the same instant. */
function recordUpdate(page, text) {
  return page.evaluate(async (text) => {
    const frame = () => new Promise((r) => setTimeout(r, 0));
    const row = [...document.querySelectorAll('table.checklist tbody tr')]
      .find((r) => r.querySelector('th')?.textContent.trim() === '1');
    row.querySelector("button[id^='upd-']").click();
    let area = null;
    for (let i = 0; i < 100 && !area; i++) {
      await frame();
      area = document.querySelector('#uf-text');
    }
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await frame();
    document.querySelector('#update-form button[type=submit]').click();
  }, text);
}

/** The updates of the conclusion 16-KL/BCĐ as a fresh page reads them from storage: its
 *  exported file, as a colleague would get it. */
async function storedUpdateTexts(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await appReady(page);
  try {
    await openConclusion(page);
  } catch (e) {
    await page.screenshot({ path: join(mkdir(failuresDir), 'fresh-page-reading-storage.png'), fullPage: true });
    throw e;
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp để gửi' }).click();
  const path = join(mkdtempSync(join(tmpdir(), 'dondoc-locks-')), 'export.json');
  await (await download).saveAs(path);
  await page.close();
  return JSON.parse(readFileSync(path, 'utf8')).directive_updates.map((u) => u.text);
}

/** Two pages of one profile recording updates, in turn and in the same instant, `rounds`
 *  times each way; every update of both ends in storage, none lost to the other's save. */
async function twoPagesSaving(t, url, { alternate, together }) {
  await withApp(t, shared.browser, url, {}, async ({ page, context }) => {
    const other = await sampleInTwoPages(page, context, url);
    const expected = [];
    const t0 = Date.now();
    for (let i = 0; i < alternate; i++) {
      await recordUpdate(page, `Thẻ A lượt ${i}`);
      await recordUpdate(other, `Thẻ B lượt ${i}`);
      expected.push(`Thẻ A lượt ${i}`, `Thẻ B lượt ${i}`);
      // Now and then a pause past the save delay, so saves also come one after the other.
      if (i % 4 === 3) await page.waitForTimeout(450);
    }
    const t1 = Date.now();
    for (let i = 0; i < together; i++) {
      await Promise.all([recordUpdate(page, `Thẻ A cùng lúc ${i}`), recordUpdate(other, `Thẻ B cùng lúc ${i}`)]);
      expected.push(`Thẻ A cùng lúc ${i}`, `Thẻ B cùng lúc ${i}`);
      // Both saves fall due in the same instant.
      await page.waitForTimeout(i % 2 ? 420 : 60);
    }
    console.log(`in turn ${t1 - t0} ms, at once ${Date.now() - t1} ms`);
    // Both pages settle (nothing unsaved), then a fresh page reads what is stored.
    for (const p of [page, other]) {
      await p.waitForFunction(() => !document.body.textContent.includes('Có thay đổi chưa lưu'), null, { timeout: 30_000 });
    }
    await page.waitForTimeout(1000);
    const stored = new Set(await storedUpdateTexts(context, url));
    const lost = expected.filter((x) => !stored.has(x));
    assert.deepEqual(lost, [], `${lost.length} of ${expected.length} updates lost`);
    // Both pages open again on what is stored.
    for (const p of [page, other]) {
      await p.reload();
      await appReady(p);
    }
    await other.close();
  });
}

describe('one computer (http)', () => {
  test('two pages saving in turn and at once, 200 rounds: every change of both is stored', async (t) => {
    await twoPagesSaving(t, shared.server.url, { alternate: 80, together: 120 });
  });

  test('two tabs stay in step; the same directive saved from both is a conflict shown', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page, context, url }) => {
      const other = await sampleInTwoPages(page, context, url);

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

describe('one computer (file://)', () => {
  test('two pages opened from disk saving in turn and at once: every change of both is stored', async (t) => {
    await twoPagesSaving(t, fileUrl, { alternate: 30, together: 50 });
  });
});
