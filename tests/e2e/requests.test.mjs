// A unit asks for more time and the office decides: from a unit's page a request on an
// overdue item; on Đôn đốc the request waits for a decision; granted with the granting
// document, the item is no longer overdue; a second request refused keeps the deadline.
//
// Run: node --test tests/e2e/requests.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { daysFromNow, dmy, loadSample, navLink, PHONE, DESKTOP, screenshot, sharedBrowser, shotsDir, waitForHash, withApp } from './helpers.mjs';

const shared = sharedBrowser();

/** The first overdue item of the first unit with overdue items: its row and its link text. */
async function overdueOnUnitPage(page, skip = 0) {
  await navLink(page, 'Đơn vị').click();
  await page.locator('table.list tbody tr', { has: page.locator('td.overdue-count') }).first()
    .locator('th a').click();
  await waitForHash(page, /^#\/units\//);
  const row = page.locator('main ul.plain > li', { has: page.locator('span.st.overdue') }).nth(skip);
  const cited = (await row.locator('a').first().innerText()).trim();
  return { row, cited };
}

/** From the row, asks for more time until 60 days from now. */
async function ask(page, row, reason, shot) {
  await row.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
  const form = page.locator('#request-form');
  await form.waitFor();
  await form.locator('#rq-until').fill(dmy(daysFromNow(60)));
  await form.locator('#rq-reason').fill(reason);
  if (shot) await form.screenshot({ path: join(shotsDir, `${shot}.png`) });
  await form.getByRole('button', { name: 'Lưu đề nghị' }).click();
  await page.getByText('Đã ghi đề nghị gia hạn', { exact: false }).waitFor();
}

const overdueCount = async (page) =>
  Number(await page.locator('ul.states li', { hasText: 'Quá hạn' }).locator('strong').innerText());

describe('extension requests (http)', () => {
  test('a unit asks for more time, the office grants one request and refuses another', async (t) => {
    await withApp(t, shared.browser, shared.server.url, {}, async ({ page }) => {
      await loadSample(page);
      const first = await overdueOnUnitPage(page);
      await ask(page, first.row, 'Chờ phê duyệt phương án bồi thường', 'http-vi-desktop-request-form');

      await navLink(page, 'Đôn đốc').click();
      await waitForHash(page, /^#\/follow-up$/);
      const card = page.locator('#waiting-requests');
      await card.getByText('(1)').waitFor();
      const item = card.locator('li', { hasText: first.cited });
      await item.getByText('Chờ phê duyệt phương án bồi thường').waitFor();
      const before = await overdueCount(page);
      // The whole page, and the card alone to read it.
      const shots = async (name) => {
        await screenshot(page, name);
        await card.screenshot({ path: join(shotsDir, `${name}-card.png`) });
      };
      await shots('http-vi-desktop-requests-waiting');
      await page.setViewportSize(PHONE);
      await shots('http-vi-phone-requests-waiting');
      await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
      await card.getByText('Extension requests awaiting a decision').waitFor();
      await shots('http-en-phone-requests-waiting');
      await page.setViewportSize(DESKTOP);
      await shots('http-en-desktop-requests-waiting');
      await page.getByRole('button', { name: 'Switch to Vietnamese' }).click();

      // Granted without the granting document: refused, nothing changes.
      await item.getByRole('button', { name: 'Đồng ý gia hạn' }).click();
      await item.getByRole('button', { name: 'Xác nhận gia hạn' }).click();
      await item.getByText('chưa được nhập', { exact: false }).waitFor();
      assert.equal(await overdueCount(page), before);
      await item.locator('#wr-text').fill('Công văn số 112/VP-TH');
      await shots('http-vi-desktop-requests-granting');
      await item.getByRole('button', { name: 'Xác nhận gia hạn' }).click();
      await page.getByText('Đã gia hạn theo đề nghị', { exact: false }).waitFor();
      await card.getByText('(0)').waitFor();
      assert.equal(await card.locator('li').count(), 0, 'no request waits');
      assert.equal(await overdueCount(page), before - 1, 'the item granted is no longer overdue');

      // A second request, refused: the deadline stays.
      const second = await overdueOnUnitPage(page);
      assert.notEqual(second.cited, '');
      await ask(page, second.row, 'Thiếu kinh phí');
      await navLink(page, 'Đôn đốc').click();
      await card.getByText('(1)').waitFor();
      const refused = card.locator('li', { hasText: 'Thiếu kinh phí' });
      await refused.getByRole('button', { name: 'Không đồng ý' }).click();
      await refused.locator('#wr-text').fill('Không có căn cứ');
      await refused.getByRole('button', { name: 'Xác nhận không đồng ý' }).click();
      await page.getByText('Đã ghi không đồng ý gia hạn', { exact: false }).waitFor();
      await card.getByText('(0)').waitFor();
      assert.equal(await overdueCount(page), before - 1, 'a refused request changes no deadline');

      // The report lists none waiting; the office's own "Gia hạn" is on the unit's rows too.
      await navLink(page, 'Báo cáo').click();
      await page.locator('#rp-letters').waitFor();
      assert.equal(await page.locator('#waiting-requests').count(), 0);
      const third = await overdueOnUnitPage(page);
      await third.row.getByRole('button', { name: 'Gia hạn', exact: true }).click();
      await page.locator('#extension-form').waitFor();
    });
  });
});
