// The office's shared folder on a real WebDAV server (Apache with mod_dav, tests/e2e/dav.mjs):
// two officers (two browser profiles) publishing the same day's work in turn and at the same
// moment, a conflict settled in the preview, a server that forbids writing, a missing file,
// a damaged file; and the Content-Security-Policy in force from http:// and file://.
//
// Run: node --test tests/e2e/
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE, DESKTOP, fileUrl, launch, listRow, loadSample, navLink, openApp, assertClean, screenshot, welcome,
} from './helpers.mjs';
import { startDav } from './dav.mjs';

let browser;
let dav;
before(async () => {
  browser = await launch();
  dav = await startDav();
});
after(async () => {
  await browser?.close();
  await dav?.stop();
});

// Refusals the tests provoke on purpose: Chromium logs each failed request.
const provoked = { allowConsole: [/status of (403|404|412)/, /Content Security Policy/], allowHttp: [/dondoc-data\.json$/] };

async function officer(folder, name) {
  const app = await openApp(browser, dav.url(folder), provoked);
  app.name = name;
  return app;
}

async function dataScreen(page) {
  await navLink(page, 'Dữ liệu').click();
  await page.locator('#shared-folder').waitFor();
}

async function setName(page, name) {
  await dataScreen(page);
  await page.getByLabel('Họ tên cán bộ', { exact: false }).fill(name);
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
}

/** How many reads and publications of the card have ended so far. */
async function outcomes(page) {
  return Number(await page.locator('#shared-folder').getAttribute('data-outcomes'));
}

/** Waits until the card's outcome after `before` is shown (not the last one's text). */
async function nextOutcome(page, before) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('#shared-folder')?.dataset.outcomes) > n,
    before,
  );
}

/** Presses a button of the card; resolves once its outcome, or a preview, is shown. */
async function press(page, name) {
  const card = page.locator('#shared-folder');
  const before = await outcomes(page);
  await card.getByRole('button', { name }).click();
  await Promise.race([nextOutcome(page, before), card.locator('#import-preview').waitFor()]);
  return card;
}

/** Publishes; resolves once it went through, failed, or shows a conflict to settle. */
async function publish(page) {
  await dataScreen(page);
  return press(page, 'Gửi lên thư mục chung');
}

/** Waits until the publication went through (several officers at once take longer); a
 * refusal fails the test with its words. */
async function published(page) {
  const done = page.locator('#shared-done', { hasText: 'Đã gửi lên thư mục chung' });
  const failed = page.locator('#shared-failed');
  await Promise.race([
    done.waitFor({ timeout: 60_000 }),
    failed.waitFor({ timeout: 60_000 }).then(async () => {
      throw new Error(`publication refused: ${await failed.innerText()}`);
    }),
  ]);
}

/** A phoned-in update on 16-KL/BCĐ item 3.1, through the checklist. */
async function recordUpdate(page, text) {
  await navLink(page, 'Kết luận').click();
  await listRow(page, '16-KL/BCĐ').getByRole('link', { name: '16-KL/BCĐ', exact: true }).click();
  const row = page.locator('table.checklist tbody tr', { has: page.locator('th', { hasText: /^3\.1$/ }) });
  await row.getByRole('button', { name: 'Ghi cập nhật' }).click();
  await page.locator('#uf-text').fill(text);
  await page.getByLabel('Người, đơn vị báo cáo').fill('UBND xã Mường Phăng');
  await page.getByLabel('Số, ký hiệu văn bản báo cáo').press('Enter');
  await page.getByText('Đã ghi cập nhật cho nhiệm vụ 3.1.').waitFor();
}

function fileHolds(texts) {
  const text = dav.read('rw');
  const file = JSON.parse(text);
  assert.equal(file.format, 'dondoc');
  const updates = (file.directive_updates ?? []).map((u) => u.text);
  for (const t of texts) assert.ok(updates.includes(t), `the shared file holds "${t}"`);
  return file;
}

describe('the shared folder on a WebDAV server', () => {
  test('two officers publish the same day\'s work in turn and at once: every change kept, the conflict shown, the file always valid', async () => {
    dav.remove('rw');
    const a = await officer('rw', 'Lò Văn A');
    const b = await officer('rw', 'Quàng Thị B');
    try {
      // A starts the office's file with the sample.
      await loadSample(a.page);
      await setName(a.page, 'Lò Văn A');
      await publish(a.page);
      await published(a.page);
      fileHolds([]);
      // B opens the app: the one line says the file is there, and B takes it in.
      await welcome(b.page);
      await b.page.reload();
      await b.page.locator('#shared-notice', { hasText: 'chưa lấy về lần nào' }).waitFor();
      await screenshot(b.page, 'http-vi-desktop-shared-notice');
      await setName(b.page, 'Quàng Thị B');
      const card = b.page.locator('#shared-folder');
      await card.getByRole('button', { name: 'Xem và lấy về' }).click();
      await card.locator('#shared-from', { hasText: 'Gửi lên lần cuối bởi Lò Văn A' }).waitFor();
      await screenshot(b.page, 'http-vi-desktop-shared-preview');
      await card.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await card.getByText('Đã lấy về dữ liệu từ tệp chung.').waitFor();
      await b.page.locator('#shared-status', { hasText: 'không thay đổi' }).waitFor();

      const made = [];
      for (let round = 1; round <= 6; round++) {
        const ta = `A báo cáo lần ${round}`;
        const tb = `B báo cáo lần ${round}`;
        await recordUpdate(a.page, ta);
        await recordUpdate(b.page, tb);
        made.push(ta, tb);
        if (round % 2) {
          await publish(a.page); await published(a.page);
          await publish(b.page); await published(b.page);
        } else {
          // At the same moment: one of them finds the file changed, reads it again, and
          // publishes on top.
          await Promise.all([dataScreen(a.page), dataScreen(b.page)]);
          await Promise.all([a.page, b.page].map((p) => press(p, 'Gửi lên thư mục chung')));
          await Promise.all([published(a.page), published(b.page)]);
        }
        fileHolds(made);
      }
      // Both change the same unit's contact: B's publication shows the conflict, B keeps
      // its own, and A takes it in.
      for (const [app, contact] of [[a, 'A: 0215 3825 111'], [b, 'B: 0215 3825 999']]) {
        await navLink(app.page, 'Đơn vị').click();
        await listRow(app.page, 'Sở Tài chính').getByRole('link', { name: 'Sở Tài chính', exact: true }).click();
        await app.page.locator('#unit-form summary').click();
        await app.page.getByLabel('Người liên hệ, điện thoại').fill(contact);
        await app.page.getByRole('button', { name: 'Lưu đơn vị' }).click();
        await app.page.getByText('Đã lưu đơn vị.').waitFor();
      }
      await publish(a.page); await published(a.page);
      const bCard = await publish(b.page);
      await bCard.getByText('Tệp chung và dữ liệu của bạn cùng sửa một số bản ghi', { exact: false }).waitFor();
      await screenshot(b.page, 'http-vi-desktop-shared-conflict');
      await bCard.getByRole('button', { name: 'Giữ bản của tôi' }).first().click();
      await bCard.getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await published(b.page);
      assert.ok(dav.read('rw').includes('B: 0215 3825 999'));
      assert.ok(!dav.read('rw').includes('A: 0215 3825 111'));
      await dataScreen(a.page);
      await a.page.getByRole('button', { name: 'Xem và lấy về' }).click();
      await a.page.locator('#shared-folder').getByRole('button', { name: 'Nhập vào dữ liệu' }).click();
      await a.page.getByText('Đã lấy về dữ liệu từ tệp chung.').waitFor();
      fileHolds(made);
      // In English, at both widths.
      await a.page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await a.page.locator('#shared-folder').getByRole('heading', { name: 'Shared folder' }).waitFor();
      await a.page.locator('#shared-folder').screenshot({ path: 'test-output/screenshots/http-en-desktop-shared-card.png' });
      await a.page.setViewportSize(PHONE);
      await screenshot(a.page, 'http-en-phone-shared-folder');
      await a.page.setViewportSize(DESKTOP);
    } finally {
      await a.context.close();
      await b.context.close();
    }
    assertClean(a);
    assertClean(b);
  });

  test('three officers working from one shared file for a simulated month: every change of all three in the file and in each browser', async () => {
    dav.remove('rw');
    const names = ['Lò Văn A', 'Quàng Thị B', 'Lường Văn C'];
    const apps = [];
    for (const n of names) apps.push(await officer('rw', n));
    try {
      await loadSample(apps[0].page);
      for (const [i, app] of apps.entries()) {
        await setName(app.page, names[i]);
        await publish(app.page);
        await published(app.page);
      }
      const made = [];
      for (let day = 1; day <= 30; day++) {
        for (const [i, app] of apps.entries()) {
          const text = `${names[i]} ngày ${day}`;
          await recordUpdate(app.page, text);
          made.push(text);
        }
        if (day % 3 === 0) {
          // At the same moment.
          await Promise.all(apps.map((app) => dataScreen(app.page)));
          await Promise.all(apps.map((app) => press(app.page, 'Gửi lên thư mục chung')));
          await Promise.all(apps.map((app) => published(app.page)));
        } else {
          for (const app of apps) {
            await publish(app.page);
            await published(app.page);
          }
        }
        fileHolds(made);
      }
      // A last round in turn: each browser then holds everything the file holds.
      for (const app of apps) {
        await publish(app.page);
        await published(app.page);
      }
      const file = fileHolds(made);
      for (const app of apps) {
        await dataScreen(app.page);
        await app.page.getByRole('button', { name: 'Xem và lấy về' }).click();
        await app.page.locator('#shared-done', { hasText: 'không có gì mới' }).waitFor();
      }
      assert.equal(made.length, 90);
      assert.ok(file.directive_updates.length >= 90);
    } finally {
      for (const app of apps) await app.context.close();
    }
    for (const app of apps) assertClean(app);
  });

  test('a server that forbids writing, a missing file and a damaged one: said plainly, nothing overwritten', async () => {
    const ro = await officer('ro', 'C');
    try {
      await loadSample(ro.page);
      await dataScreen(ro.page);
      await ro.page.locator('#shared-status', { hasText: 'Chưa có tệp dữ liệu chung' }).waitFor();
      const card = ro.page.locator('#shared-folder');
      await card.getByRole('button', { name: 'Xem và lấy về' }).click();
      await card.locator('#shared-failed', { hasText: 'Chưa có tệp dữ liệu chung' }).waitFor();
      await press(ro.page, 'Gửi lên thư mục chung');
      await card.locator('#shared-failed', { hasText: 'không cho phép ghi' }).waitFor();
      await screenshot(ro.page, 'http-vi-desktop-shared-forbidden');
      assert.equal(dav.read('ro'), null);
    } finally {
      await ro.context.close();
    }
    assertClean(ro);

    const damaged = '{"format": "dondoc", "schema_version": 4, "data": {"projects": [';
    dav.write('rw', damaged);
    const c = await officer('rw', 'C');
    try {
      await loadSample(c.page);
      await dataScreen(c.page);
      const card = c.page.locator('#shared-folder');
      await card.getByRole('button', { name: 'Xem và lấy về' }).click();
      await card.locator('#shared-failed', { hasText: 'Tệp chung bị hỏng' }).waitFor();
      await press(c.page, 'Gửi lên thư mục chung');
      await card.locator('#shared-failed', { hasText: 'Tệp chung bị hỏng' }).waitFor();
      assert.equal(dav.read('rw'), damaged, 'the damaged file is not written over');
      // The shared file's name is checked: no address outside the app's folder.
      await c.page.getByLabel('Tên tệp chung', { exact: false }).fill('../khac.json');
      await card.getByText('Chỉ một tên tệp .json trong thư mục của ứng dụng', { exact: false }).waitFor();
    } finally {
      await c.context.close();
    }
    assertClean(c);
    dav.remove('rw');
  });
});

// Chromium's file picker cannot be answered by Playwright (microsoft/playwright#8850), and a
// page opened from disk has no private file system. The picker is therefore answered by the
// test with a real file handle of the page's private file system (over http://), wrapped so
// that "another program" writes the file just between the app's read and its write.
const pickerStub = () => {
  window.__otherWrites = [];
  const wrap = (real) => ({
    name: real.name,
    kind: 'file',
    queryPermission: (o) => real.queryPermission(o),
    requestPermission: (o) => real.requestPermission(o),
    createWritable: (o) => real.createWritable(o),
    async getFile() {
      const text = window.__otherWrites.shift();
      if (text !== undefined) {
        const w = await real.createWritable();
        await w.write(text);
        await w.close();
      }
      return real.getFile();
    },
  });
  const open = async () => {
    const dir = await navigator.storage.getDirectory();
    return wrap(await dir.getFileHandle('dondoc-data.json', { create: true }));
  };
  window.showOpenFilePicker = async () => [await open()];
  window.showSaveFilePicker = async () => open();
};

describe('the shared file on disk (File System Access)', () => {
  test('picked once, published, and another program\'s change between read and write is taken in, not overwritten', async () => {
    const app = await officer('rw', 'D');
    try {
      await app.page.addInitScript(pickerStub);
      await app.page.reload();
      await loadSample(app.page);
      await setName(app.page, 'D');
      const card = app.page.locator('#shared-folder');
      await card.getByLabel('Tệp trên ổ đĩa hoặc ổ mạng').check();
      await card.getByRole('button', { name: 'Tạo tệp chung mới…' }).click();
      await card.getByText('Tệp chung: dondoc-data.json').waitFor();
      await screenshot(app.page, 'http-vi-desktop-shared-disk');
      await press(app.page, 'Gửi lên thư mục chung');
      await published(app.page);
      // Another program writes the file just after the app reads it: a colleague's update
      // added to what the file held.
      const other = await app.page.evaluate(async () => {
        const dir = await navigator.storage.getDirectory();
        const file = JSON.parse(await (await (await dir.getFileHandle('dondoc-data.json')).getFile()).text());
        const u = { ...file.directive_updates[0] };
        u.id = crypto.randomUUID();
        u.text = 'Chương trình khác ghi vào tệp';
        file.directive_updates.push(u);
        file.export.exported_by = { name: 'Chương trình khác', office: '' };
        return JSON.stringify(file);
      });
      await recordUpdate(app.page, 'D báo cáo sau');
      await dataScreen(app.page);
      // The first getFile is the app's read; the second, its check before writing.
      await app.page.evaluate((text) => { window.__otherWrites = [undefined, text]; }, other);
      await press(app.page, 'Gửi lên thư mục chung');
      await published(app.page);
      const final = await app.page.evaluate(async () => {
        const dir = await navigator.storage.getDirectory();
        return JSON.parse(await (await (await dir.getFileHandle('dondoc-data.json')).getFile()).text());
      });
      const texts = final.directive_updates.map((u) => u.text);
      assert.equal(await app.page.evaluate(() => window.__otherWrites.length), 0, 'the other program wrote between the read and the write');
      assert.ok(texts.includes('Chương trình khác ghi vào tệp'), 'the other program\'s change kept');
      // The file written is this browser's data after taking the change in: it holds both.
      assert.ok(texts.includes('D báo cáo sau'), 'the officer\'s change written');
      assert.equal(final.export.exported_by.name, 'D');
    } finally {
      await app.context.close();
    }
    assertClean(app);
  });
});

describe('the Content-Security-Policy', () => {
  for (const [label, url] of [['http', () => dav.url('rw')], ['file', () => fileUrl]]) {
    test(`is in force from ${label}:// and the app works under it`, async () => {
      const app = await openApp(browser, url(), provoked);
      const blocked = new Map();
      app.context.on('requestfailed', (r) => blocked.set(r.url(), r.failure()?.errorText ?? ''));
      try {
        const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.match(policy, /default-src 'none'/);
        assert.match(policy, /connect-src 'self'/);
        const outcome = await app.page.evaluate(async () => {
          const violations = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
          let fetched = 'sent';
          try { await fetch('http://192.0.2.1/x.json'); } catch { fetched = 'refused'; }
          const img = new Image();
          img.src = 'http://192.0.2.1/x.png';
          const script = document.createElement('script');
          script.src = 'http://192.0.2.1/x.js';
          document.head.append(script);
          await new Promise((r) => setTimeout(r, 300));
          return { fetched, violations };
        });
        assert.equal(outcome.fetched, 'refused');
        for (const d of ['connect-src', 'img-src', 'script-src-elem']) {
          assert.ok(outcome.violations.includes(d), `${d} enforced: ${outcome.violations}`);
        }
        // Chromium names the attempts, and stops each before it leaves: blocked by the policy.
        for (const u of ['http://192.0.2.1/x.png', 'http://192.0.2.1/x.js']) {
          assert.match(blocked.get(u) ?? 'not blocked', /^csp$|BLOCKED_BY_CSP/, u);
          const i = app.problems.indexOf(`request left the app: GET ${u}`);
          if (i >= 0) app.problems.splice(i, 1);
        }
        await loadSample(app.page);
        await navLink(app.page, 'Dự án').click();
        await app.page.locator('table.list tbody tr').first().waitFor();
      } finally {
        await app.context.close();
      }
      assertClean(app);
    });
  }
});
