// The release build in real Chromium: the article reads before any script runs, hydrates
// without moving or duplicating a thing, its spoilers work by mouse and keyboard, and axe-core
// finds nothing, with no console error along the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, useSite } from '../support/site.mjs';
import { watchedPage, axeViolations, hydrated, boxesAcrossHydration, layoutShifts, UNSEEN_SHIFT } from '../support/browser.mjs';
import { HYDRATED } from '../support/contract.mjs';

const site = useSite();

const open = (options = {}) => site.open('', options);

/** The body paragraphs as read, less the small links from passages to their pull quotes. */
const bodyText = (page) =>
  page.locator('.article-body > p').evaluateAll((ps) =>
    ps.map((p) => {
      const copy = p.cloneNode(true);
      copy.querySelectorAll('.passage-quote-link').forEach((a) => a.remove());
      return copy.textContent;
    }),
  );

test('the served HTML holds every paragraph before any script runs', async () => {
  const html = await (await fetch(site.url)).text();
  const bodyStart = html.indexOf('<body');
  assert.ok(bodyStart > 0);
  const { context, page } = await watchedPage(site.browser, { javaScriptEnabled: false });
  await page.goto(site.url);
  assert.deepEqual(await bodyText(page), article.body.map((p) => p.text));
  assert.equal(await page.locator('.article-body > p').first().isVisible(), true);
  for (const text of [article.kicker, article.headline, `Source: ${article.source}`, article.copyright]) {
    assert.ok(await page.getByText(text, { exact: true }).isVisible(), `${text} is not visible`);
  }
  await context.close();
});

test('no word of the synopsis is in the served HTML', async () => {
  const html = await (await fetch(site.url)).text();
  for (const block of article.synopsis.blocks) {
    for (const sentence of block.text.split('. ')) assert.ok(!html.includes(sentence), sentence);
  }
});

test('hydration moves nothing and duplicates nothing, and the load shifts no layout a reader could see', async () => {
  const { context, page, problems } = await watchedPage(site.browser);
  const { before, after } = await boxesAcrossHydration(page, site.url, async () => {
    assert.equal(await page.locator(`html[${HYDRATED}]`).count(), 0, 'measured before hydration');
  });
  assert.deepEqual(after, before);
  assert.deepEqual(await bodyText(page), article.body.map((p) => p.text));
  assert.equal(await page.locator('article').count(), 1);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('.spoiler').count(), article.synopsis.blocks.length);
  // Hydration's part is pinned above, box by box; this bounds the rest of the load.
  const shifts = await layoutShifts(page);
  assert.ok(shifts.total < UNSEEN_SHIFT, shifts.said);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a spoiler reveals on click and hides again', async () => {
  const { context, page, problems } = await open();
  const [first, second] = article.synopsis.blocks;
  const button = page.getByRole('button', { name: `Spoiler: ${first.label}` });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const region = page.locator(`#${await button.getAttribute('aria-controls')}`);
  // The words come as the synopsis nears the screen: "Loading…" until then.
  await region.getByText(first.text).waitFor();
  assert.equal(await region.innerText(), first.text);
  assert.equal(await page.getByText(second.text).count(), 0, 'the other block stays hidden');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByText(first.text).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations, ${colorScheme}, closed and open`, async () => {
    const { context, page, problems } = await open({ colorScheme });
    assert.deepEqual(await axeViolations(page), []);
    for (const button of await page.locator('.spoiler-toggle').all()) await button.click();
    await page.getByRole('button', { name: 'Embed this article' }).click();
    await page.waitForTimeout(250); // let the reveal's fade finish before contrast is judged
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the first Tab reaches a visible skip link that jumps to the article', async () => {
  const { context, page, problems } = await open();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the article' });
  assert.equal(await skip.evaluate((a) => a === document.activeElement), true);
  assert.ok(await skip.isVisible());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'article');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the summary stands under the headline as its standfirst, before any script', async () => {
  const { context, page } = await watchedPage(site.browser, { javaScriptEnabled: false });
  await page.goto(site.url);
  const standfirst = page.locator('h1#headline + p.standfirst');
  assert.equal(await standfirst.innerText(), article.summary);
  assert.ok(await standfirst.isVisible());
  await context.close();
});

test("the wasm starts with the page, preloaded; the synopsis's words come once, as the synopsis nears the screen", async () => {
  const synopsisFirst = article.synopsis.blocks[0];
  for (const path of ['', 'embed/synopsis/', 'embed/quotes/']) {
    const { context, page, problems } = await watchedPage(site.browser, { viewport: { width: 390, height: 844 } });
    const fetched = [];
    const warnings = [];
    page.on('request', (r) => /_bg\.wasm$|synopsis\.json$/.test(r.url()) && fetched.push(new URL(r.url()).pathname.replace(/-[0-9a-f]+_bg/, '_bg')));
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(site.url + path);
    await hydrated(page);
    await page.waitForTimeout(300);
    // At the top of the article the synopsis is screens away; in its own embed it is in view.
    const atOnce = path === 'embed/synopsis/';
    assert.deepEqual(fetched.sort(), ['/look-back_bg.wasm', ...(atOnce ? ['/synopsis.json'] : [])].sort(), `${path || 'the page'} at first: ${fetched}`);
    if (path !== 'embed/quotes/') {
      await page.getByRole('button', { name: `Spoiler: ${synopsisFirst.label}` }).click();
      await page.getByText(synopsisFirst.text.split('. ')[0]).waitFor();
      assert.deepEqual(fetched.sort(), ['/look-back_bg.wasm', '/synopsis.json'], `${path || 'the page'} once read: ${fetched}`);
    }
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'every preload is used');
    assert.deepEqual(problems, []);
    await context.close();
  }
});
