// Issue 37, the units' side by file, over file:// with three browser profiles: the office
// sends packages to two communes (one holding inherited directives), each records progress
// and sends its reply, and the office takes both replies in at once.
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromNow, dmy, fileUrl, listRow, loadSample, navLink, openApp, screenshot, sharedBrowser, PHONE } from './helpers.mjs';
import { downloaded, outDir, wordAsPdf } from './paper.mjs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const shared = sharedBrowser();
const COMMUNES = ['UBND xã Mường Phăng', 'UBND xã Thanh Nưa'];

async function unitPage(page, name) {
  await navLink(page, 'Đơn vị').click();
  await listRow(page, name).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** The zip of every unit's package, unpacked: per folder, its package and its letter. */
function unpacked(zip) {
  const dir = join(outDir, 'unit-packages');
  rmSync(dir, { recursive: true, force: true });
  execFileSync('/usr/bin/python3', ['-m', 'zipfile', '-e', zip, dir]);
  return readdirSync(dir).map((folder) => {
    const files = readdirSync(join(dir, folder));
    const json = files.find((f) => f.endsWith('.json'));
    const docx = files.find((f) => f.endsWith('.docx'));
    return { folder, json: join(dir, folder, json), docx: docx && join(dir, folder, docx) };
  });
}

/** "Quá hạn: 2 · Sắp đến hạn: 1 · Tỷ lệ hoàn thành: …" of a unit's page. */
async function summary(page) {
  return (await page.locator('p.summary').first().textContent()).trim();
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
      // Every unit with open items in one go from Đôn đốc: a folder each, package and letter.
      await navLink(office.page, 'Đôn đốc').click();
      const packCard = office.page.locator('#unit-packages');
      await packCard.locator('#pk-number').fill('40');
      await screenshot(office.page, 'units-side-packages-card-vi');
      const zip = await downloaded(office.page, packCard.locator('#unit-packages-make'), /^dondoc-tep-gui-cac-don-vi-.*\.zip$/);
      const folders = unpacked(zip);
      const count = Number((await packCard.locator('.count').textContent()).replace(/\D/g, ''));
      assert.equal(folders.length, count);
      const packages = COMMUNES.map((name) => {
        const found = folders.find((f) => {
          const file = JSON.parse(readFileSync(f.json, 'utf8'));
          return file.export.scope.kind === 'unit'
            && file.units.some((u) => u.id === file.export.scope.id && u.name === name);
        });
        assert.ok(found && found.docx, `a folder for ${name}: ${folders.map((f) => f.folder)}`);
        return found;
      });
      // The cover letter, as the commune meets it in Word: what the file is, how to reply.
      const letterCopy = join(outDir, 'unit-package-cover-letter.docx');
      copyFileSync(packages[1].docx, letterCopy);
      const letter = wordAsPdf(letterCopy);
      const flat = letter.text.replace(/\s+/g, ' ');
      assert.match(flat, /Kèm theo Công văn này là tệp dữ liệu/);
      assert.match(flat, /Gửi báo cáo cho Văn phòng/);
      const replies = [];
      const seen = [];
      for (const [i, name] of COMMUNES.entries()) {
        const unit = await openApp(shared.browser, fileUrl, i === 1 ? { viewport: PHONE } : {});
        apps.push(unit);
        const preview = await importFiles(unit.page, packages[i].json);
        await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
        // Opened again, the unit's browser starts on its own list, the most urgent first.
        await unit.page.goto(fileUrl);
        await unit.page.getByRole('heading', { name, level: 1 }).waitFor();
        assert.match(unit.page.url(), /#\/units\//);
        // Its dashboard says what it holds, never province figures.
        await navLink(unit.page, 'Tổng quan').click();
        const held = unit.page.locator('#unit-holding');
        await held.getByText(/^Dữ liệu của một đơn vị: \d+ nhiệm vụ từ \d+ kết luận$/).waitFor();
        assert.equal(await unit.page.locator('#dash-capital, #dash-projects').count(), 0);
        await screenshot(unit.page, `units-side-holding-${i === 1 ? 'phone' : 'desktop'}-vi`);
        await unit.page.locator('header button.lang').click();
        await held.getByText(/^One unit's data: \d+ directives? from \d+ conclusions?$/).waitFor();
        await screenshot(unit.page, `units-side-holding-${i === 1 ? 'phone' : 'desktop'}-en`);
        await unit.page.locator('header button.lang').click();
        await held.getByText(/^Dữ liệu của một đơn vị/).waitFor();
        await held.getByRole('link', { name: 'Mở danh sách nhiệm vụ của đơn vị' }).click();
        await unit.page.getByRole('heading', { name, level: 1 }).waitFor();
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
        seen.push(await summary(unit.page));
        await screenshot(unit.page, `units-side-reply-${i === 1 ? 'phone' : 'desktop'}-vi`);
        const reply = await downloaded(unit.page, unit.page.locator('#send-reply'), /^dondoc-bao-cao-.*\.json$/);
        replies.push(reply);
      }
      // The office takes both replies in at once: one preview naming each unit.
      const preview = await importFiles(office.page, replies);
      for (const name of COMMUNES) await preview.getByText(name, { exact: false }).first().waitFor();
      const newCount = async () => Number(await preview.locator('li', { hasText: 'bản ghi mới' }).locator('strong').textContent());
      assert.equal(await newCount(), 4, 'two updates and two requests');
      assert.equal(await preview.locator('li', { hasText: 'sửa ở cả hai bên' }).locator('strong').textContent(), '0');
      // Unit by unit: one left out, then taken again.
      await preview.locator('#reply-take-1').uncheck();
      await office.page.waitForFunction(() => document.querySelector('#reply-take-1') && !document.querySelector('#reply-take-1').checked);
      assert.equal(await newCount(), 2);
      await screenshot(office.page, 'units-side-replies-preview-vi');
      await preview.locator('#reply-take-1').check();
      assert.equal(await newCount(), 4);
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      for (const [i, name] of COMMUNES.entries()) {
        await unitPage(office.page, name);
        await office.page.getByText(`Báo cáo của ${name}`).first().waitFor({ state: 'attached' });
        // What the office counts for the unit is what the commune saw.
        assert.equal(await summary(office.page), seen[i], name);
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
