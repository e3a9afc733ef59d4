// No lost input: taps and keys on controls before their part is live are held, shown as
// pending, and replayed once it is, in order and once, with the same result as the same
// inputs made on the live page. The wasm is slowed down on purpose to make the window wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, useSite } from '../support/site.mjs';
import { watchedPage, hydrated } from '../support/browser.mjs';
import { HYDRATED } from '../support/contract.mjs';

const site = useSite();
const WASM = /\/look-back-[0-9a-f]+_bg\.wasm$/;

/** A page whose wasm arrives `ms` late, opened and loaded but not yet live. */
async function slowPage(ms, options = {}) {
  const watched = await watchedPage(site.browser, { reducedMotion: 'reduce', ...options });
  await watched.page.route(WASM, async (route) => {
    await new Promise((ok) => setTimeout(ok, ms));
    await route.continue();
  });
  await watched.page.goto(site.url);
  return watched;
}

const live = (page) => page.evaluate((name) => document.documentElement.hasAttribute(name), HYDRATED);

test('a spoiler tapped before the page is live opens once it is, once', async () => {
  const { context, page, problems } = await slowPage(2500);
  const toggle = page.locator('.spoiler-toggle').first();
  await toggle.click();
  assert.equal(await live(page), false, 'the tap came before the page was live');
  assert.equal(await toggle.getAttribute('aria-busy'), 'true', 'shown as pending');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'no fake state');
  await hydrated(page);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByText(article.synopsis.blocks[0].text.slice(0, 60)).waitFor();
  assert.equal(await toggle.getAttribute('aria-busy'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('inputs replay in order and exactly once: two taps leave a spoiler as two live taps do', async () => {
  const { context, page, problems } = await slowPage(2500);
  const [first, second] = [page.locator('.spoiler-toggle').nth(0), page.locator('.spoiler-toggle').nth(1)];
  await first.click();
  await second.click();
  await first.click();
  assert.equal(await live(page), false);
  await hydrated(page);
  assert.equal(await first.getAttribute('aria-expanded'), 'false', 'opened then closed, in order');
  assert.equal(await second.getAttribute('aria-expanded'), 'true', 'opened once, not twice');
  // The same inputs on the live page end the same way.
  const ref = await site.open('', { reducedMotion: 'reduce' });
  for (const i of [0, 1, 0]) await ref.page.locator('.spoiler-toggle').nth(i).click();
  const states = (p) => p.locator('.spoiler-toggle').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-expanded')));
  assert.deepEqual(await states(page), await states(ref.page));
  await ref.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the timeline's keys pressed before the page is live move and choose once it is, as on the live page", async () => {
  const { context, page, problems } = await slowPage(2500);
  await page.locator('.event-pick').first().focus();
  const before = await page.evaluate(() => scrollY);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await live(page), false);
  assert.equal(await page.evaluate(() => scrollY), before, 'the arrows did not scroll the page meanwhile');
  await hydrated(page);
  await page.waitForFunction((id) => document.activeElement?.closest('li')?.id === id, `event-${article.events[2].id}`);
  const chosen = await page.locator('.event-pick[aria-pressed="true"]').evaluateAll((bs) => bs.map((b) => b.closest('li').id));
  assert.deepEqual(chosen, [`event-${article.events[2].id}`]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a key is not replayed once the reader has moved on, and links are never held', async () => {
  const { context, page, problems } = await slowPage(2500);
  await page.locator('.event-pick').first().focus();
  await page.keyboard.press('End');
  // The reader moves on before the page is live.
  await page.locator('.spoiler-toggle').first().focus();
  const link = page.locator('.pull-quote').first().getByRole('link', { name: 'Read in context' });
  await link.click();
  assert.equal(await page.evaluate(() => location.hash), `#quote-${article.quotes[0].id}`, 'the link went at once');
  assert.equal(await live(page), false);
  await page.evaluate(() => (window.__focused = document.activeElement));
  await hydrated(page);
  assert.equal(await page.locator('.event-pick[aria-pressed="true"]').count(), 0, 'End was not replayed elsewhere');
  assert.equal(await page.evaluate(() => window.__focused === document.activeElement), true, 'focus stayed where the reader left it');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tap older than a few seconds is dropped, not replayed late', async () => {
  const { context, page, problems } = await slowPage(7000);
  const toggle = page.locator('.spoiler-toggle').first();
  await toggle.click();
  await hydrated(page);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.getAttribute('aria-busy'), null, 'no longer shown as pending');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a copy tapped before the page is live, without a fresh user activation, offers the text by hand', async () => {
  const { context, page, problems } = await slowPage(2500, { permissions: ['clipboard-read', 'clipboard-write'] });
  const quote = page.locator('.pull-quote').first();
  await quote.getByRole('button', { name: 'Copy quote' }).click();
  await hydrated(page);
  // Either the browser let it through, or the fallback is there: never silence.
  await quote.getByRole('status').filter({ hasText: /Quote copied\.|Copying is blocked here/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
