// Two officers, two browser profiles, one conclusion sent back and forth as a file: the
// export's name and envelope, the preview at the receiving end, progress recorded on one
// side reaching the other, the same directive edited on both sides (the conflict shown
// field by field, settled, and undone), and a file full of script payloads that must show
// as plain text. Each officer is a separate browser context (its own localStorage); both
// are kept open at once. See helpers.mjs for the harness.
//
// Run: DONDOC_DIST=... node --test --test-concurrency=1 tests/e2e/sharing.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  PHONE, DESKTOP, assertClean, failuresDir, listRow, loadSample, navLink, openApp, screenshot,
  sharedBrowser, waitForHash, welcome,
} from './helpers.mjs';

const shared = sharedBrowser();

const OFFICER_A = { name: 'Nguyễn Thị Hoa', office: 'Văn phòng Ban Chỉ đạo tỉnh Điện Biên' };
const OFFICER_B = { name: 'Lò Văn Bình', office: 'UBND xã Mường Phăng' };
const KL = '16-KL/BCĐ';
const FILE_NAME = /^dondoc-ket-luan-.*-\d{4}-\d{2}-\d{2}\.json$/;
const NOTHING_TO_IMPORT = /^(Nhập tệp này không thay đổi gì trong dữ liệu của bạn\.|Tệp không có bản ghi mới nào\.)$/;

/** A temporary file, removed after the test. */
function tempFile(t, name) {
  const path = join(tmpdir(), `dondoc-sharing-${process.pid}-${name}.json`);
  t.after(() => rmSync(path, { force: true }));
  return path;
}

const slug = (s) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

/**
 * Opens one context per officer (each its own profile), runs `body({ a, b })`, and always
 * closes both; on failure keeps a screenshot of each page; fails the test if either logged
 * an error or made a request leaving the app.
 */
async function withOfficers(t, body) {
  const url = shared.server.url;
  const a = await openApp(shared.browser, url);
  let b;
  try {
    b = await openApp(shared.browser, url);
    await body({ a, b });
  } catch (err) {
    mkdirSync(failuresDir, { recursive: true });
    for (const [who, app] of [['a', a], ['b', b]]) {
      if (!app) continue;
      await app.page
        .screenshot({ path: join(failuresDir, `${slug(t.name)}-${who}.png`), fullPage: true })
        .catch(() => {});
      if (app.problems.length) err.message += `\nAlso seen at officer ${who.toUpperCase()}:\n${app.problems.join('\n')}`;
    }
    throw err;
  } finally {
    await a.context.close();
    await b?.context.close();
  }
  assertClean(a);
  assertClean(b);
}

/** Data page → settings: the officer's name and office, named in exported files. */
async function setOfficer(page, officer) {
  await navLink(page, 'Dữ liệu').click();
  await waitForHash(page, /^#\/data$/);
  await page.getByLabel('Họ tên cán bộ', { exact: true }).fill(officer.name);
  await page.getByLabel('Cơ quan', { exact: true }).fill(officer.office);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await page.getByText('Đã lưu cài đặt.').waitFor();
}

/** Conclusions → the row of `number` → its checklist page. */
async function openConclusion(page, number = KL) {
  await navLink(page, 'Kết luận').click();
  await waitForHash(page, /^#\/conclusions$/);
  await listRow(page, number).getByRole('link', { name: number, exact: true }).click();
  await waitForHash(page, /^#\/conclusions\/[0-9a-f-]{36}$/);
  await page.locator('table.checklist tbody tr').first().waitFor();
}

/** A row of the checklist by its number ("3.1"). */
function directiveRow(page, path) {
  const re = new RegExp(`^${path.replace(/\./g, '\\.')}$`);
  return page.locator('table.checklist tbody tr', { has: page.locator('th', { hasText: re }) });
}

/** On a conclusion's page: "Xuất tệp để gửi", saved to `path`; returns the file's name and JSON. */
async function exportConclusion(page, path) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp để gửi' }).click();
  const file = await download;
  await file.saveAs(path);
  return { name: file.suggestedFilename(), json: JSON.parse(readFileSync(path, 'utf8')) };
}

/** The import preview (role=status, "Xem trước khi nhập"). */
function previewOf(page) {
  return page.getByRole('status').filter({ hasText: 'Xem trước khi nhập' });
}

/** Data page → the import's file input → the preview. */
async function pickFile(page, file) {
  await navLink(page, 'Dữ liệu').click();
  await waitForHash(page, /^#\/data$/);
  await page.getByLabel('Nhập tệp dữ liệu (JSON)').setInputFiles(file);
  const preview = previewOf(page);
  await preview.waitFor();
  return preview;
}

/** The number on the preview's line containing `words`. */
async function previewCount(preview, words) {
  const li = preview.locator('ul').first().locator('li', { hasText: words });
  return Number(await li.locator('strong').innerText());
}

const LINES = {
  new: 'bản ghi mới sẽ được thêm',
  theirs: 'bản ghi chỉ được sửa ở bên gửi',
  conflicts: 'bản ghi được sửa ở cả hai bên',
  mine: 'bản ghi chỉ được sửa ở máy này',
  same: 'bản ghi giống hệt dữ liệu hiện có',
};

async function previewCounts(preview) {
  const out = {};
  for (const [k, words] of Object.entries(LINES)) out[k] = await previewCount(preview, words);
  return out;
}

/** How many records a file holds, over all its collections. */
function recordCount(json) {
  return ['committees', 'units', 'projects', 'progress_reports', 'obstacles', 'meetings',
    'conclusions', 'directives', 'directive_updates']
    .reduce((n, k) => n + (json[k]?.length ?? 0), 0);
}

/** The checklist row's "Sửa" → the directive form, its text replaced, saved. */
async function editDirectiveText(page, path, text) {
  await directiveRow(page, path).getByRole('button', { name: `Sửa nhiệm vụ ${path}`, exact: true }).click();
  const form = page.locator('#directive-form');
  await form.locator('h2').filter({ hasText: /^Sửa nhiệm vụ$/ }).waitFor();
  assert.equal(await form.getByLabel('Số thứ tự', { exact: true }).inputValue(), path);
  await form.getByLabel('Nội dung', { exact: true }).fill(text);
  await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
  await form.getByText('Đã lưu nhiệm vụ. Có thể nhập mục tiếp theo.').waitFor();
  await directiveRow(page, path).getByText(text, { exact: true }).waitFor();
}

/**
 * Officer A: the sample, A's name in the settings, 16-KL/BCĐ exported to `path`.
 * Officer B: a fresh profile, the welcome's import link, the file previewed and imported.
 */
async function shareFromAToB(a, b, path, { checkPreview } = {}) {
  await loadSample(a.page);
  await setOfficer(a.page, OFFICER_A);
  await openConclusion(a.page);
  const exported = await exportConclusion(a.page, path);

  await welcome(b.page);
  await b.page.getByRole('link', { name: 'Hoặc nhập tệp dữ liệu đã có' }).click();
  await waitForHash(b.page, /^#\/data$/);
  await b.page.getByLabel('Nhập tệp dữ liệu (JSON)').setInputFiles(path);
  const preview = previewOf(b.page);
  await preview.waitFor();
  if (checkPreview) await checkPreview(preview, exported);
  await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
  await b.page.getByText('Đã nhập từ tệp').waitFor();
  return exported;
}

describe('sharing between officers (http)', () => {
  test('two officers pass a conclusion back and forth', async (t) => {
    const fromA = tempFile(t, 'from-a');
    const fromB = tempFile(t, 'from-b');
    await withOfficers(t, async ({ a, b }) => {
      // A → B: the file's name and envelope, B's preview.
      const exported = await shareFromAToB(a, b, fromA, {
        checkPreview: async (preview, { name, json }) => {
          assert.match(name, FILE_NAME);
          assert.match(name, /^dondoc-ket-luan-16-kl-bcd-/);
          assert.equal(json.format, 'dondoc');
          assert.ok(json.export, 'the file has an export envelope');
          assert.equal(json.export.exported_by.name, OFFICER_A.name);
          assert.equal(json.export.exported_by.office, OFFICER_A.office);
          assert.equal(json.export.scope.kind, 'conclusion');
          assert.equal(json.export.scope_label, KL);
          assert.equal(json.conclusions.length, 1);
          assert.ok(json.directives.length >= 5, `${json.directives.length} directives`);
          assert.ok(json.directive_updates.length >= 1);

          await preview.getByText(`Tệp do ${OFFICER_A.name}, ${OFFICER_A.office} xuất lúc`, { exact: false }).waitFor();
          await preview.getByText(`phạm vi: kết luận ${KL}`, { exact: false }).waitFor();
          const counts = await previewCounts(preview);
          assert.deepEqual(counts, { new: recordCount(json), theirs: 0, conflicts: 0, mine: 0, same: 0 });
          assert.equal(await previewCount(preview, 'của bạn không có trong tệp'), 0);
          // The list of changes names the conclusion and its directives.
          await preview.getByText('Xem các thay đổi sẽ nhập').click();
          await preview.getByText(`Kết luận: ${KL}`, { exact: true }).waitFor();
          assert.equal(await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).isDisabled(), false);
          await screenshot(b.page, 'sharing-preview');
        },
      });

      // B has the conclusion and its directives.
      await openConclusion(b.page);
      for (const x of exported.json.directives) {
        await directiveRow(b.page, x.path).getByText(x.text, { exact: true }).waitFor();
      }
      await b.page.getByRole('heading', { level: 2 }).filter({ hasText: `Nhiệm vụ (${exported.json.directives.length - 1})` }).waitFor();

      // B records the commune's report on 3.1, then sends the conclusion back.
      await setOfficer(b.page, OFFICER_B);
      await openConclusion(b.page);
      const report = 'Đã kiểm đếm xong 155/155 hộ, hồ sơ gửi Hội đồng bồi thường (xã báo qua điện thoại)';
      await directiveRow(b.page, '3.1').getByRole('button', { name: 'Ghi cập nhật' }).click();
      await b.page.locator('#uf-text:focus').waitFor();
      await b.page.getByLabel('Nội dung đơn vị báo cáo').fill(report);
      await b.page.getByLabel('Tình trạng mới').selectOption({ label: 'Đã hoàn thành' });
      await b.page.getByLabel('Người, đơn vị báo cáo').fill('Chủ tịch UBND xã Mường Phăng');
      await b.page.getByRole('button', { name: 'Lưu cập nhật' }).click();
      await b.page.getByText('Đã ghi cập nhật cho nhiệm vụ 3.1.').waitFor();
      await directiveRow(b.page, '3.1').getByText(report, { exact: false }).waitFor();
      const back = await exportConclusion(b.page, fromB);
      assert.match(back.name, FILE_NAME);
      assert.equal(back.json.export.exported_by.name, OFFICER_B.name);
      assert.equal(back.json.directive_updates.length, exported.json.directive_updates.length + 1);

      // A imports B's file: one new update, the directive changed on B's side only.
      const preview = await pickFile(a.page, fromB);
      await preview.getByText(`Tệp do ${OFFICER_B.name}, ${OFFICER_B.office}`, { exact: false }).waitFor();
      const counts = await previewCounts(preview);
      assert.deepEqual(
        counts,
        { new: 1, theirs: 1, conflicts: 0, mine: 0, same: recordCount(back.json) - 2 },
        'one update added, directive 3.1 changed by B, the rest as A sent it',
      );
      await preview.getByText('Xem các thay đổi sẽ nhập').click();
      await preview.locator('li', { hasText: /^Nhiệm vụ: 16-KL\/BCĐ · 3\.1 \(/ }).waitFor();
      assert.equal(await preview.locator('fieldset.conflict').count(), 0, 'no conflicts');
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await a.page.getByText('Đã nhập từ tệp: 1 bản ghi mới, 1 bản ghi cập nhật, 0 bản ghi giữ bản của bạn.').waitFor();

      // A sees B's report on the conclusion's checklist, and 3.1 done.
      await openConclusion(a.page);
      await directiveRow(a.page, '3.1').getByText(report, { exact: false }).waitFor();
      await directiveRow(a.page, '3.1').locator('span.st').filter({ hasText: /^Hoàn thành/ }).waitFor();
      await a.page.reload();
      await directiveRow(a.page, '3.1').getByText(report, { exact: false }).waitFor();

      // The same file again changes nothing.
      const again = await pickFile(a.page, fromB);
      assert.equal(await previewCount(again, LINES.new), 0);
      assert.equal(await previewCount(again, LINES.theirs), 0);
      assert.equal(await previewCount(again, LINES.conflicts), 0);
      // The wording at HEAD; the build under test may still carry the earlier one.
      await again.getByText(NOTHING_TO_IMPORT).waitFor();
      assert.equal(await again.getByRole('button', { name: 'Nhập vào dữ liệu' }).isDisabled(), true);
      // And A's own file back at B changes nothing either (B has A's versions or newer).
      const atB = await pickFile(b.page, fromA);
      assert.equal(await previewCount(atB, LINES.new), 0);
      assert.equal(await previewCount(atB, LINES.conflicts), 0);
      assert.equal(await atB.getByRole('button', { name: 'Nhập vào dữ liệu' }).isDisabled(), true);
    });
  });

  test('both edit the same directive: the conflict is shown and undo restores', async (t) => {
    const fromA = tempFile(t, 'conflict-from-a');
    const fromB = tempFile(t, 'conflict-from-b');
    await withOfficers(t, async ({ a, b }) => {
      await shareFromAToB(a, b, fromA);
      await setOfficer(b.page, OFFICER_B);

      const mine = 'Ban QLDA dân dụng hoàn thiện hồ sơ quyết toán, đưa Khu tái định cư vào sử dụng (A sửa theo ý kiến Thường trực).';
      const theirs = 'Ban QLDA dân dụng khẩn trương hoàn thiện hồ sơ, bàn giao Khu tái định cư cho UBND phường quản lý (B sửa theo báo cáo của phường).';
      await openConclusion(a.page);
      const original = await directiveRow(a.page, '4').locator('td').first().innerText();
      await editDirectiveText(a.page, '4', mine);
      await openConclusion(b.page);
      await editDirectiveText(b.page, '4', theirs);
      await exportConclusion(b.page, fromB);

      // A imports B's file: one conflict, the field side by side.
      const preview = await pickFile(a.page, fromB);
      const counts = await previewCounts(preview);
      assert.equal(counts.conflicts, 1, JSON.stringify(counts));
      assert.equal(counts.new, 0, JSON.stringify(counts));
      assert.equal(counts.theirs, 0, JSON.stringify(counts));
      await preview.getByRole('heading', { name: 'Sửa ở cả hai bên' }).waitFor();
      const conflict = preview.locator('fieldset.conflict');
      assert.equal(await conflict.count(), 1);
      await conflict.locator('legend').filter({ hasText: /^Nhiệm vụ: / }).waitFor();
      const header = await conflict.locator('thead th').allInnerTexts();
      assert.equal(header[0].trim(), 'Trường');
      assert.match(header[1], /^Của tôi \(\d\d:\d\d \d\d\/\d\d\/\d{4}\)$/);
      assert.match(header[2], /^Trong tệp \(\d\d:\d\d \d\d\/\d\d\/\d{4}\)$/);
      const field = conflict.locator('tbody tr', { has: a.page.locator('th', { hasText: /^nội dung$/ }) });
      const cells = await field.locator('td').allInnerTexts();
      assert.deepEqual(cells.map((c) => c.trim()), [mine, theirs]);
      assert.equal(await conflict.locator('tbody tr').count(), 1, 'only the text differs');

      // Nothing can be applied until a choice is made.
      const apply = preview.getByRole('button', { name: 'Nhập vào dữ liệu' });
      assert.equal(await apply.isDisabled(), true);
      await preview.getByText('Hãy chọn cho mọi bản ghi sửa ở cả hai bên.').waitFor();
      await screenshot(a.page, 'sharing-conflict-desktop');
      await a.page.setViewportSize(PHONE);
      await conflict.scrollIntoViewIfNeeded();
      await screenshot(a.page, 'sharing-conflict-phone');
      await a.page.setViewportSize(DESKTOP);
      assert.equal(await apply.isDisabled(), true);

      // Take the file's version.
      await conflict.getByRole('radio', { name: 'Lấy bản trong tệp' }).check();
      await a.page.waitForFunction(() => !document.querySelector('#import-preview button.primary').disabled);
      assert.equal(await preview.getByText('Hãy chọn cho mọi bản ghi sửa ở cả hai bên.').count(), 0);
      await apply.click();
      await a.page.getByText('Đã nhập từ tệp: 0 bản ghi mới, 1 bản ghi cập nhật, 0 bản ghi giữ bản của bạn.').waitFor();
      await openConclusion(a.page);
      await directiveRow(a.page, '4').getByText(theirs, { exact: true }).waitFor();

      // Undo: A's own text again, also after a reload.
      await navLink(a.page, 'Dữ liệu').click();
      const undo = a.page.locator('#undo-import');
      assert.match(await undo.innerText(), new RegExp(`^Hoàn tác lần nhập ${basename(fromB).replace(/\./g, '\\.')} \\(\\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}\\)$`));
      await undo.click();
      await a.page.getByText('Đã hoàn tác: dữ liệu trở lại như trước.').waitFor();
      assert.equal(await undo.count(), 0, 'the undo button is gone once used');
      await openConclusion(a.page);
      await directiveRow(a.page, '4').getByText(mine, { exact: true }).waitFor();
      assert.equal(await directiveRow(a.page, '4').getByText(theirs).count(), 0);
      await a.page.reload();
      await directiveRow(a.page, '4').getByText(mine, { exact: true }).waitFor();
      assert.notEqual(mine, original);

      // After the undo the conflict is back, as before the import.
      const again = await pickFile(a.page, fromB);
      assert.equal(await previewCount(again, LINES.conflicts), 1);
    });
  });

  test('a file full of script payloads imports as plain text and nothing runs', async (t) => {
    const exportPath = tempFile(t, 'clean');
    const payloadPath = tempFile(t, 'payloads');
    const IMG = '<img src=x onerror="window.__canary=1">';
    const SCRIPT = '<script>window.__canary=1</script>';
    const SVG = '"><svg onload=window.__canary=1>';
    const JS = 'javascript:window.__canary=1';
    const LONG = `ĐẦU-${'Dài quá. '.repeat(2300)}`.slice(0, 19_996) + '-HẾT';
    assert.equal(LONG.length, 20_000);
    const CONTROL = 'Chuông\u0007 thoát\u001b[31m đỏ\u001b[0m xong';
    const RTL = 'Bình thường \u202eđảo chiều\u202c và \u200fdấu phải-trái';
    const texts = {
      number: `16-KL/BCĐ${SVG}`,
      title: `Kết luận ${IMG} thử`,
      assessment: `${SCRIPT} ${LONG}`,
      d1: `${IMG} Sở Xây dựng`,
      d2: `${SVG} Ban QLDA giao thông`,
      d3: JS,
      d31: CONTROL,
      d32: RTL,
      unit: `${SCRIPT}Sở ${IMG}`,
      place: `Hội trường ${SVG}`,
      summary: `${IMG}${SCRIPT}`,
      update: `${IMG} đã báo cáo`,
    };

    await withOfficers(t, async ({ a }) => {
      const { page } = a;
      await loadSample(page);
      await openConclusion(page);
      const { json } = await exportConclusion(page, exportPath);

      // Payloads in every kind of text the pages show.
      const c = json.conclusions[0];
      c.number_symbol = texts.number;
      c.title = texts.title;
      c.assessment = texts.assessment;
      c.signer = JS;
      c.recipients = [IMG, SVG, CONTROL];
      const byPath = Object.fromEntries(json.directives.map((x) => [x.path, x]));
      byPath['1'].text = texts.d1;
      byPath['2'].text = texts.d2;
      byPath['3'].text = texts.d3;
      byPath['3.1'].text = texts.d31;
      byPath['3.2'].text = texts.d32;
      byPath['5'].text = LONG;
      byPath['1'].responsible_person = SCRIPT;
      const lead = json.units.find((u) => u.id === byPath['1'].lead_unit);
      lead.name = texts.unit;
      delete lead.short_name;
      lead.contact = JS;
      const meeting = json.meetings.find((m) => m.id === c.meeting);
      meeting.place = texts.place;
      meeting.summary = texts.summary;
      meeting.chair = RTL;
      meeting.attendees = [SCRIPT, JS];
      // An update that is its directive's only one, so the checklist shows it as the last.
      const only = json.directive_updates.find((u) => json.directive_updates.filter((v) => v.directive === u.directive).length === 1);
      only.text = texts.update;
      only.reported_by = JS;
      only.document_ref = SVG;
      json.export.exported_by = { name: IMG, office: SCRIPT };
      json.export.scope_label = SVG;
      // A exported these records, so the file's versions count as changed on the sender's
      // side only; A also edits directive 1 first, so that it comes as a conflict and the
      // side-by-side table shows a payload too.
      writeFileSync(payloadPath, JSON.stringify(json));

      await editDirectiveText(page, '1', 'Sở Xây dựng thẩm định lại (bản của A)');
      await page.evaluate(() => { window.__canary = 0; });

      await navLink(page, 'Dữ liệu').click();
      await page.getByLabel('Nhập tệp dữ liệu (JSON)').setInputFiles({
        name: `${IMG}.json`, mimeType: 'application/json', buffer: readFileSync(payloadPath),
      });
      const preview = previewOf(page);
      await preview.waitFor();
      // The preview names the sender and the file literally.
      await preview.getByText(`Tệp do ${IMG}, ${SCRIPT} xuất lúc`, { exact: false }).waitFor();
      await preview.getByRole('heading', { name: `Xem trước khi nhập: ${IMG}.json` }).waitFor();
      assert.equal(await previewCount(preview, LINES.conflicts), 1);
      const conflict = preview.locator('fieldset.conflict', { hasText: 'bản của A' });
      await conflict.locator('td').getByText(texts.d1, { exact: true }).waitFor();
      await preview.getByText('Xem các thay đổi sẽ nhập').click();
      await preview.getByText(`Kết luận: ${texts.number}`, { exact: false }).waitFor();
      await preview.getByRole('button', { name: 'Lấy bản trong tệp' }).click(); // for all
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await page.getByText('Đã nhập từ tệp').waitFor();
      await page.locator('#undo-import').getByText(`${IMG}.json`, { exact: false }).waitFor();
      assert.equal(await page.evaluate(() => window.__canary), 0);

      const visitAll = async (first) => {
        // The conclusions list and the conclusion's page.
        await navLink(page, 'Kết luận').click();
        await listRow(page, texts.number).getByText(texts.title, { exact: true }).waitFor();
        await openConclusion(page, texts.number);
        const main = page.getByRole('main');
        await main.getByRole('heading', { level: 1 }).getByText(`${texts.number} · ${texts.title}`).waitFor();
        await main.getByText(texts.assessment, { exact: true }).filter({ visible: true }).waitFor();
        // The notice laid out for printing carries the same words, as text.
        assert.equal(await page.locator('.doc-wrap').getByText(texts.assessment, { exact: true }).count(), 1);
        await main.getByText(`${IMG}; ${SVG}; `, { exact: false }).first().waitFor();
        await directiveRow(page, '1').getByText(texts.d1, { exact: true }).waitFor();
        await directiveRow(page, '1').getByRole('link', { name: texts.unit, exact: true }).waitFor();
        await directiveRow(page, '2').getByText(texts.d2, { exact: true }).waitFor();
        await directiveRow(page, '3').getByText(JS, { exact: true }).waitFor();
        await directiveRow(page, '5').getByText(LONG, { exact: true }).waitFor();
        await main.getByText(texts.update, { exact: false }).first().waitFor();
        await main.getByText('<img src=x onerror=', { exact: false }).first().waitFor();
        // Control and direction characters kept as they were, not interpreted.
        const cellText = async (path) => directiveRow(page, path).locator('td').first().evaluate((e) => e.textContent);
        assert.equal(await cellText('3.1'), CONTROL);
        assert.equal(await cellText('3.2'), RTL);
        // The update form's heading (the directive's text cut to 140 characters at a word,
        // with "…": domain::text::clip).
        await directiveRow(page, '5').getByRole('button', { name: 'Ghi cập nhật' }).click();
        const chars = [...LONG];
        let head = chars.slice(0, 139).join('');
        if (!/^\s/.test(chars[139] ?? ' ')) head = head.slice(0, Math.max(head.search(/\s\S*$/), 0) || head.length);
        head = head.replace(/[\s,;:-]+$/, '');
        await page.locator('#uf-heading').getByText(`Ghi cập nhật nhiệm vụ 5 · ${texts.number} · ${head}…`, { exact: true }).waitFor();
        await page.keyboard.press('Escape');
        // The directive form, filled from directive 1.
        await directiveRow(page, '1').getByRole('button', { name: 'Sửa nhiệm vụ 1' }).click();
        assert.equal(await page.locator('#df-text').inputValue(), texts.d1);
        await page.locator('#directive-form').getByRole('button', { name: 'Huỷ' }).click();

        // The meeting: list and page.
        await page.getByRole('main').getByRole('link', { name: texts.place, exact: false }).click();
        await waitForHash(page, /^#\/meetings\/[0-9a-f-]{36}$/);
        await main.getByText(texts.summary, { exact: true }).waitFor();
        await main.getByText(RTL, { exact: true }).waitFor();
        await main.getByText(`${SCRIPT}, ${JS}`, { exact: true }).waitFor();
        await main.getByText(texts.unit, { exact: false }).first().waitFor();
        if (first) await screenshot(page, 'sharing-payloads-meeting');
        await navLink(page, 'Cuộc họp').click();
        await page.locator('table.list tbody td').getByText(texts.place, { exact: true }).waitFor();

        // The units: list and the unit's page.
        await navLink(page, 'Đơn vị').click();
        await listRow(page, texts.unit).getByRole('link', { name: texts.unit, exact: true }).click();
        await waitForHash(page, /^#\/units\/[0-9a-f-]{36}$/);
        await main.getByRole('heading', { level: 1 }).getByText(texts.unit, { exact: true }).waitFor();
        await main.getByText(JS, { exact: true }).first().waitFor();
        await main.locator('li', { hasText: texts.d1 }).first().waitFor();
        assert.equal(await main.locator('a[href^="javascript"], [onerror], [onload], img, script').count(), 0);

        // The follow-up overview and the dashboard list directives and conclusions too.
        await navLink(page, 'Đôn đốc').click();
        await waitForHash(page, /^#\/follow-up$/);
        await page.getByLabel('Tìm trong cuộc họp, kết luận, nhiệm vụ', { exact: false }).fill('onerror');
        await main.getByText('<img src=x onerror=', { exact: false }).first().waitFor();
        await navLink(page, 'Tổng quan').click();
        await page.getByText('1.461 tỷ đồng').first().waitFor();

        // Nothing ran, nothing was turned into markup (an <img src=x> would fail to load and
        // fire its onerror a moment later: give it that moment).
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => window.__canary), 0, 'no payload ran');
        assert.equal(await page.evaluate(() => document.querySelectorAll('main img, main script, main svg[onload], [onerror], [onload]').length), 0);
      };
      await visitAll(true);

      // After a reload, read back from storage: still text, still nothing runs.
      await page.reload();
      await page.evaluate(() => { window.__canary = 0; });
      await visitAll(false);
    });
  });
});

describe('two officers who typed the same records (http)', () => {
  test('a colleague’s separately taken sample: offered as probable duplicates, joined, and joined again changes nothing', async (t) => {
    const fromA = tempFile(t, 'dup-from-a');
    await withOfficers(t, async ({ a, b }) => {
      await loadSample(a.page);
      await openConclusion(a.page);
      await exportConclusion(a.page, fromA);
      // B took the sample on its own: the same conclusion, project and units, other ids.
      await loadSample(b.page);
      const preview = await pickFile(b.page, fromA);
      const offered = preview.locator('#import-duplicates');
      await offered.getByRole('heading', { name: 'Có thể trùng với bản ghi đã có' }).waitFor();
      assert.ok(await offered.locator('fieldset.duplicate', { hasText: KL }).count() >= 1, 'the conclusion is offered');
      assert.ok(await offered.getByRole('radio', { name: 'Giữ cả hai' }).first().isChecked(), 'nothing joined without a choice');
      await screenshot(b.page, 'http-vi-desktop-import-duplicates');
      await offered.getByRole('button', { name: 'Gộp tất cả' }).click();
      await offered.getByRole('radio', { name: 'Gộp vào bản ghi đã có' }).first().waitFor();
      assert.ok(await offered.getByRole('radio', { name: 'Gộp vào bản ghi đã có' }).first().isChecked());
      await preview.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await b.page.getByText('Đã nhập từ tệp').waitFor();
      await navLink(b.page, 'Kết luận').click();
      await b.page.locator('table.list tbody tr').first().waitFor();
      assert.equal(await b.page.locator('table.list tbody tr', { hasText: KL }).count(), 1, 'one 16-KL/BCĐ');
      // The same file again: nothing to join, nothing to take.
      const again = await pickFile(b.page, fromA);
      assert.equal(await again.locator('#import-duplicates').count(), 0);
      assert.equal(await again.getByRole('button', { name: 'Nhập vào dữ liệu' }).isDisabled(), true);
    });
  });
});
