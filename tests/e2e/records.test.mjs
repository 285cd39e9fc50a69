// The everyday work on records in the built app over http://, and what can go wrong with
// storage: a full browser storage, unreadable stored data, the projects list and its
// filters, partial reports, the status override, the register, export and import between
// two officers. Every test runs in a fresh browser context and fails on any console error,
// uncaught page error or request leaving the app (helpers.mjs: withApp).
//
// Run: node --test tests/e2e/
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DESKTOP, PHONE, daysFromNow, dmy, hash, heading, loadSample, navLink, screenshot, waitForHash, welcome, sharedBrowser, withApp,
} from './helpers.mjs';

const shared = sharedBrowser();

const idPattern = (list) => new RegExp(`^#/${list}/[0-9a-f-]{36}$`);

// Beyond the first steps: what can go wrong with storage, and the everyday work on records.
describe('storage problems and editing (http)', () => {
  test('a failed save is shown at once, keeps the data and offers an export', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await welcome(page);
      // Fill this origin's storage to the browser's quota, as years of other data would.
      await page.evaluate(() => {
        let n = 0;
        for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10]) {
          const filler = 'x'.repeat(size);
          try { for (;;) localStorage.setItem(`filler.${n++}`, filler); } catch { /* full */ }
        }
      });
      await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Bộ nhớ trình duyệt đã đầy' });
      await alert.waitFor();
      await page.getByText('1.461 tỷ đồng').first().waitFor(); // still on screen, from memory
      const download = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^dondoc-tat-ca-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(await readDownload(file));
      assert.equal(exported.format, 'dondoc');
      assert.equal(exported.projects.length, 6);
      // Room is made; trying again saves, and the data survives a reload.
      await page.evaluate(() => Object.keys(localStorage)
        .filter((k) => k.startsWith('filler.'))
        .forEach((k) => localStorage.removeItem(k)));
      await alert.getByRole('button', { name: 'Thử lưu lại' }).click();
      await alert.waitFor({ state: 'detached' });
      await page.reload();
      await page.getByText('1.461 tỷ đồng').first().waitFor();
    });
  });

  test('stored data that cannot be read is set aside, explained and downloadable', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await page.waitForFunction(() => localStorage.getItem('dondoc.d.manifest') !== null);
      await page.evaluate(() => {
        const key = Object.keys(localStorage).find((k) => k.startsWith('dondoc.d.projects.'));
        localStorage.setItem(key, 'damaged by a disk error');
      });
      await page.reload();
      const alert = page.getByRole('alert').filter({ hasText: 'Có dữ liệu đã lưu không đọc được' });
      await alert.waitFor();
      await welcome(page);
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dondoc.aside.')).length);
      assert.ok(kept > 5, `the unreadable data is kept aside (${kept} keys)`);
      const download = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Tải dữ liệu đã cất riêng' }).click();
      const text = await readDownload(await download);
      assert.match(text, /damaged by a disk error/);
      assert.match(text, /Nậm Rốm|16-KL\/BCĐ/);
      await screenshot(page, 'http-vi-desktop-set-aside');
    });
  });

  test('the projects list counts statuses and filters without diacritics', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.getByText('4/6 chậm tiến độ').waitFor();
      const rows = page.locator('table.list tbody tr');
      const rowCount = (n) => page.waitForFunction((n) => document.querySelectorAll('table.list tbody tr').length === n, n);
      await page.getByLabel('Tìm (không cần dấu)').fill('nam rom');
      await rowCount(1);
      assert.match(await rows.first().innerText(), /Nậm Rốm/);
      await page.getByLabel('Tìm (không cần dấu)').fill('duong dong luc');
      await rowCount(1);
      assert.match(await rows.first().innerText(), /Đường động lực/);
      await page.getByLabel('Tìm (không cần dấu)').fill('');
      await page.getByLabel('Tình trạng tiến độ').selectOption({ label: 'Chậm tiến độ' });
      await rowCount(4);
      await screenshot(page, 'http-vi-desktop-projects-filtered');
    });
  });

  test('adding partial progress reports: live problems, nothing invalid stored, figures carried forward', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.locator('main table.list').getByRole('link', { name: 'Nậm Rốm' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (3)' }).waitFor();
      await page.getByText('Thêm báo cáo tiến độ').click();
      await page.getByLabel('tổng số hộ bị ảnh hưởng').fill('514');
      await page.getByLabel('số hộ đã bàn giao').fill('600');
      await page.getByText('Lớn hơn tổng số hộ bị ảnh hưởng.').waitFor();
      await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('abc');
      await page.getByText('Không phải số.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      // Rejected: nothing stored, nothing typed lost.
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (3)' }).waitFor();
      assert.equal(await page.getByLabel('số hộ đã bàn giao').inputValue(), '600');
      await page.getByLabel('số hộ đã bàn giao').fill('400');
      await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByText('Đã thêm báo cáo.').waitFor();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (4)' }).waitFor();
      await page.getByText('400/514 hộ (77,82%)').first().waitFor();
      // A second report with only disbursement keeps site clearance carried forward.
      await page.getByLabel('kế hoạch vốn giao (tỷ đồng)').fill('180');
      await page.getByLabel('vốn đã giải ngân (tỷ đồng)').fill('140,5');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (5)' }).waitFor();
      await page.getByText('140,5 tỷ đồng / 180 tỷ đồng (78,06%)').first().waitFor();
      await screenshot(page, 'http-vi-desktop-report-added');
      await page.reload();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (5)' }).waitFor();
      await page.getByText('400/514 hộ (77,82%)').first().waitFor();
    });
  });

  test('overriding the computed status needs a reason and shows both', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.locator('main table.list').getByRole('link', { name: 'Him Lam giai đoạn II' }).click();
      await page.getByText('Ghi đánh giá của cán bộ').click();
      await page.getByLabel('Tình trạng tiến độ').selectOption({ label: 'Chậm tiến độ' });
      await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
      await page.getByText('Cần ghi lý do').waitFor();
      await page.locator('#jf-status-reason').fill('Nhà thầu thiếu nhân lực, chậm 2 tháng');
      await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
      await page.getByText('Đã lưu đánh giá.').waitFor();
      await page.getByText('Chậm tiến độ (ngày', { exact: false }).waitFor();
      await page.getByText('Nhà thầu thiếu nhân lực, chậm 2 tháng', { exact: false }).first().waitFor();
      await navLink(page, 'Dự án').click();
      const row = page.locator('table.list tbody tr', { hasText: 'Him Lam' });
      await row.getByText('tính từ số liệu: Đúng tiến độ').waitFor();
      await page.reload();
      await row.getByText('Chậm tiến độ').first().waitFor();
      await page.getByText('5/6 chậm tiến độ').waitFor();
    });
  });

  test('why a project is behind is said beside "Chậm tiến độ", in both languages, and the list sorts by how far behind', async (t) => {
    for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      await withApp(t, shared.browser, shared.server.url, { viewport }, async ({ page }) => {
        await loadSample(page);
        // The dashboard: the rule that fired, with its figures.
        const volume = /khối lượng 44,55% so với \d+(,\d+)?% theo tiến độ đường thẳng/;
        await page.locator('main li', { hasText: 'Nậm Rốm' }).locator('.why-behind').filter({ hasText: volume }).waitFor();
        // A planned finish passed ten days ago: the project's page says so, with the days late.
        await navLink(page, 'Dự án').click();
        await page.locator('main table.list').getByRole('link', { name: 'Nậm Rốm', exact: true }).click();
        await waitForHash(page, idPattern('projects'));
        await page.getByRole('link', { name: 'Sửa thông tin dự án' }).click();
        await page.locator('#pf-planned-finish').fill(dmy(daysFromNow(-10)));
        await page.getByRole('button', { name: 'Lưu dự án' }).click();
        await waitForHash(page, idPattern('projects'));
        const computed = page.locator('dl.fields dt', { hasText: 'Tình trạng tính từ số liệu' }).locator('xpath=following-sibling::dd[1]');
        await computed.filter({ hasText: `Chậm tiến độ — quá thời hạn hoàn thành ${dmy(daysFromNow(-10))} (chậm 10 ngày)` }).waitFor();
        await screenshot(page, `http-vi-${width}-project-why-behind`);
        // The list, by how far behind: the finish passed first, then the largest shortfall.
        await navLink(page, 'Dự án').click();
        await page.locator('main .more-filters summary').click();
        await page.locator('#pl-sort').selectOption({ label: 'Mức độ chậm tiến độ' });
        const rows = page.locator('main table.list tbody tr');
        await rows.first().filter({ hasText: 'Nậm Rốm' }).waitFor();
        await rows.first().locator('.why-behind').filter({ hasText: `quá thời hạn hoàn thành ${dmy(daysFromNow(-10))}` }).waitFor();
        await rows.nth(1).filter({ hasText: 'Trung tâm TDTT' }).locator('.why-behind').filter({ hasText: /khối lượng 10% so với/ }).waitFor();
        await screenshot(page, `http-vi-${width}-projects-why-behind`);
        // In English, the same reasons in English words.
        await page.getByRole('button', { name: 'English' }).click();
        await rows.first().locator('.why-behind').filter({ hasText: `past its planned finish date of ${dmy(daysFromNow(-10))} (10 days late)` }).waitFor();
        await rows.nth(1).locator('.why-behind').filter({ hasText: /construction volume 10% against \d+(\.\d+)?% expected on the straight-line schedule/ }).waitFor();
        await screenshot(page, `http-en-${width}-projects-why-behind`);
        await navLink(page, 'Dashboard').click();
        await page.locator('main li', { hasText: 'Trung tâm TDTT' }).locator('.why-behind').filter({ hasText: /construction volume 10% against/ }).waitFor();
        await screenshot(page, `http-en-${width}-dashboard-why-behind`);
      });
    }
  });

  test('the register: create a project, two partial reports, obstacles, tolerance, archive; reload finds it all', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dự án').click();
      await page.locator('#pl-search').waitFor();
      await page.getByRole('link', { name: 'Thêm dự án' }).click();
      await waitForHash(page, /^#\/projects\/new$/);
      // Rejected: the problems are named and nothing is stored.
      await page.getByRole('button', { name: 'Lưu dự án' }).click();
      await page.getByText('Chưa lưu: hãy sửa các ô được đánh dấu ở trên.').waitFor();
      await page.locator('#pf-name-problem').getByText('Chưa được nhập.').waitFor();
      await page.getByLabel('Tên dự án').fill('Đường nối Quốc lộ 279 với Cảng hàng không Điện Biên');
      await page.getByLabel('Tên gọi tắt').fill('Đường QL279');
      await page.getByLabel('Địa điểm').fill('Huyện Điện Biên');
      await page.getByLabel('Nhóm dự án').selectOption({ label: 'Nhóm B' });
      await page.getByLabel('Nguồn vốn').selectOption({ label: 'Ngân sách nhà nước' });
      await page.getByLabel('Chủ đầu tư').selectOption({ index: 1 });
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('1,300');
      await page.getByText('= 1,3 tỷ đồng').waitFor(); // the Vietnamese reading, shown at once
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('1.300,5');
      await page.getByText('= 1.300,5 tỷ đồng').waitFor();
      await page.getByLabel('Ngày khởi công theo kế hoạch').fill(dmy(daysFromNow(365)));
      await page.getByLabel('Ngày hoàn thành theo kế hoạch').fill(dmy(daysFromNow(-365)));
      await page.locator('#pf-planned-start-problem').getByText('Sau ngày hoàn thành theo kế hoạch.').waitFor();
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('-5');
      await page.locator('#pf-total-investment-problem').getByText('Không được âm.').waitFor();
      await page.getByRole('button', { name: 'Lưu dự án' }).click();
      assert.match(await hash(page), /^#\/projects\/new$/, 'still on the form');
      assert.equal(await page.getByLabel('Tên gọi tắt').inputValue(), 'Đường QL279', 'nothing typed is lost');
      await page.getByLabel('Tổng mức đầu tư (tỷ đồng)').fill('1.300,5');
      await page.getByLabel('Ngày khởi công theo kế hoạch').fill(dmy(daysFromNow(-365)));
      await page.getByLabel('Ngày hoàn thành theo kế hoạch').fill(dmy(daysFromNow(365)));
      await page.getByRole('button', { name: 'Lưu dự án' }).click();
      await waitForHash(page, idPattern('projects'));
      await heading(page).filter({ hasText: 'Đường nối Quốc lộ 279 với Cảng hàng không Điện Biên' }).waitFor();
      await page.getByText('1.300,5 tỷ đồng').waitFor();
      const computed = page.locator('dl.fields dt', { hasText: 'Tình trạng tính từ số liệu' }).locator('xpath=following-sibling::dd[1]');
      assert.equal(await computed.innerText(), 'Đúng tiến độ', 'no volume yet: no evidence of delay');

      // Two partial reports: the second gives only capital and keeps site clearance.
      await page.getByText('Thêm báo cáo tiến độ').click();
      await page.getByLabel('Số liệu đến ngày').fill(dmy(daysFromNow(-30)));
      await page.getByLabel('Tổng số hộ bị ảnh hưởng').fill('120');
      await page.getByLabel('Số hộ đã bàn giao').fill('80');
      await page.getByLabel('Khối lượng xây lắp (%)').fill('30');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (1)' }).waitFor();
      assert.equal(await computed.innerText(), 'Chậm tiến độ — khối lượng 30% so với 50% theo tiến độ đường thẳng', '30% done, 50% of the time gone');
      await page.getByLabel('Kế hoạch vốn giao (tỷ đồng)').fill('200');
      await page.getByLabel('Vốn đã giải ngân (tỷ đồng)').fill('50');
      await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (2)' }).waitFor();
      await page.getByText('80/120 hộ (66,67%)').first().waitFor();
      await page.getByText('50 tỷ đồng / 200 tỷ đồng (25%)').first().waitFor();
      await page.getByText('Vốn đã giải ngân: 50 tỷ đồng (lần đầu báo cáo)').waitFor();
      assert.equal(await page.locator('main .charts svg').count(), 3, 'a chart per figure');

      // An obstacle, resolved later.
      await page.getByText('Thêm vướng mắc').click();
      await page.getByLabel('Loại vướng mắc').selectOption({ label: 'Pháp lý' });
      await page.getByLabel('Nội dung').fill('Chưa có quyết định giao đất cho đoạn qua xã Thanh Xương');
      await page.getByRole('button', { name: 'Lưu vướng mắc' }).click();
      const obstacle = page.locator('ul.obstacles li', { hasText: 'Thanh Xương' });
      await obstacle.getByText('chưa tháo gỡ', { exact: false }).waitFor();
      await screenshot(page, 'http-vi-desktop-project-created');
      await obstacle.getByRole('button', { name: 'Đánh dấu đã tháo gỡ' }).click();
      await obstacle.getByText('đã tháo gỡ ngày', { exact: false }).waitFor();

      // The office's tolerance: at 25 points, 30% against 50% is on schedule.
      await navLink(page, 'Dữ liệu').click();
      await page.getByLabel('Mức chậm cho phép', { exact: false }).fill('25');
      await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
      await page.getByText('Đã lưu cài đặt.').waitFor();

      // The list: diacritic-free search, bars, status; then archive.
      await navLink(page, 'Dự án').click();
      await page.getByLabel('Tìm (không cần dấu)').fill('duong ql279 cang');
      const row = page.locator('table.list tbody tr', { hasText: 'Đường QL279' });
      await row.waitFor();
      assert.equal(await page.locator('table.list tbody tr').count(), 1);
      await row.getByRole('img', { name: 'Giải phóng mặt bằng: 66,67%' }).waitFor();
      await row.getByRole('img', { name: 'Khối lượng xây lắp: 30%' }).waitFor();
      await row.getByRole('img', { name: 'Giải ngân: 25%' }).waitFor();
      await row.getByText('Đúng tiến độ').waitFor();
      await page.reload();
      await page.getByLabel('Tìm (không cần dấu)').fill('duong ql279 cang');
      await row.getByText('Đúng tiến độ').waitFor();
      await row.getByRole('link').click();
      await page.getByRole('heading', { name: 'Báo cáo tiến độ (2)' }).waitFor();
      await page.locator('ul.obstacles li', { hasText: 'Thanh Xương' }).getByText('đã tháo gỡ ngày', { exact: false }).waitFor();
      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Lưu trữ dự án' }).click();
      await page.getByText('Dự án đã được lưu trữ', { exact: false }).waitFor();
      await navLink(page, 'Dự án').click();
      await page.getByLabel('Tìm (không cần dấu)').fill('duong ql279 cang');
      await page.getByText('Chưa có bản ghi nào', { exact: false }).waitFor();
      await page.getByText('Lọc theo chủ đầu tư, địa điểm', { exact: false }).click();
      await page.getByLabel('Hiện cả dự án đã lưu trữ').check();
      await row.getByText('Đã lưu trữ').waitFor();
    });
  });

  test('export from one officer, preview and import at another; bad files change nothing', async (t) => {
    const path = join(tmpdir(), `dondoc-e2e-${process.pid}.json`);
    t.after(() => rmSync(path, { force: true }));
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      await navLink(page, 'Dữ liệu').click();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu (JSON)' }).click();
      await (await download).saveAs(path);
    });

    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await welcome(page);
      await page.getByRole('link', { name: 'Hoặc nhập tệp dữ liệu đã có' }).click();
      await waitForHash(page, /^#\/data$/);
      const input = page.getByLabel('Nhập tệp dữ liệu (JSON)');

      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "dondoc",\n  oops') });
      await page.getByText('dòng 3, cột 3').waitFor();
      await input.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"dondoc","schema_version":99}') });
      await page.getByText('định dạng 99').waitFor();

      await input.setInputFiles(path);
      const preview = page.getByRole('status').filter({ hasText: 'Xem trước khi nhập' });
      await preview.getByText('bản ghi mới sẽ được thêm').waitFor();
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await page.getByText('Đã nhập từ tệp').waitFor();
      await navLink(page, 'Dự án').click();
      await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();

      // The same file again adds nothing.
      await navLink(page, 'Dữ liệu').click();
      await input.setInputFiles(path);
      await preview.waitFor();
      assert.equal(await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).isDisabled(), true);
      await page.reload();
      await navLink(page, 'Dự án').click();
      await heading(page).filter({ hasText: /^Dự án \(6\)$/ }).waitFor();
    });
  });
});

async function readDownload(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString('utf8');
}
