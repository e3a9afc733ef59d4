// Spoilers that never leak: no route shows a word of the synopsis before the reader asks,
// and each block opens and closes by mouse and keyboard, alone or all together, with the
// reader's "always" remembered where storage allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, useSite } from '../support/site.mjs';
import { watchedPage, hydrated } from '../support/browser.mjs';

const blocks = article.synopsis.blocks;
// Distinctive runs of each block, as a reader might search for them.
const phrases = blocks.map((b) => b.text.split(' ').slice(3, 8).join(' '));
const site = useSite();

const { open } = site;
const toggle = (page, block) => page.getByRole('button', { name: `Spoiler: ${block.label}` });
const expanded = async (page) => Promise.all(blocks.map(async (b) => (await toggle(page, b).getAttribute('aria-expanded')) === 'true'));

/** Every route by which a reader could meet a block's words, answered for one phrase. */
async function routes(page, phrase) {
  return {
    visible: await page.getByText(phrase).isVisible().catch(() => false),
    inDom: (await page.content()).includes(phrase),
    findInPage: await page.evaluate((p) => {
      getSelection().removeAllRanges();
      return window.find(p);
    }, phrase),
    accessibilityTree: (await page.locator('body').ariaSnapshot()).includes(phrase),
  };
}
const nowhere = { visible: false, inDom: false, findInPage: false, accessibilityTree: false };
const everywhere = { visible: true, inDom: true, findInPage: true, accessibilityTree: true };

test('before consent no route reaches the synopsis; after one reveal only that block', async () => {
  const { context, page, problems } = await open();
  for (const phrase of phrases) assert.deepEqual(await routes(page, phrase), nowhere, phrase);
  await toggle(page, blocks[0]).click();
  // The words come as the synopsis nears the screen.
  await page.getByText(blocks[0].text).waitFor();
  assert.deepEqual(await routes(page, phrases[0]), everywhere);
  assert.deepEqual(await routes(page, phrases[1]), nowhere);
  await toggle(page, blocks[0]).click();
  assert.deepEqual(await routes(page, phrases[0]), nowhere, 'hiding takes the words away again');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a text-fragment link opens nothing and finds nothing', async () => {
  const fragment = `#:~:text=${encodeURIComponent(phrases[1])}`;
  const { context, page, problems } = await open(fragment);
  assert.deepEqual(await expanded(page), [false, false]);
  assert.deepEqual(await routes(page, phrases[1]), nowhere);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not scroll to a match');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the served page, its metadata and any JSON-LD carry no word of the synopsis', async () => {
  const html = await (await fetch(site.url)).text();
  const { context, page } = await watchedPage(site.browser, { javaScriptEnabled: false });
  await page.goto(site.url);
  const metadata = await page.evaluate(() =>
    [...document.querySelectorAll('head meta, head title, script[type="application/ld+json"]')]
      .map((e) => e.content ?? e.textContent)
      .join('\n'),
  );
  for (const block of blocks) {
    for (const sentence of block.text.split('. ')) {
      assert.ok(!html.includes(sentence), `HTML: ${sentence}`);
      assert.ok(!metadata.includes(sentence), `metadata: ${sentence}`);
    }
    for (const name of ['Fujino', 'Kyomoto']) assert.ok(!metadata.includes(name), `metadata names ${name}`);
  }
  assert.ok(metadata.includes(article.summary), 'the description is the spoiler-free summary');
  await context.close();
});

test('keyboard alone reveals and hides a block, and focus stays on its button', async () => {
  const { context, page, problems } = await open();
  // From the skip link, Tab passes the body's links and pull-quote controls to reach these.
  await page.getByRole('button', { name: 'Show all spoilers' }).focus();
  const order = [await page.evaluate(() => document.activeElement.textContent.trim())];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.textContent.trim() || document.activeElement.type));
  }
  assert.deepEqual(order, [
    'Show all spoilers',
    'Hide all spoilers',
    'checkbox',
    `Spoiler: ${blocks[0].label}Show`,
    `Spoiler: ${blocks[1].label}Show`,
  ]);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.deepEqual(await expanded(page), [true, false]);
  await page.getByText(blocks[0].text).waitFor();
  await page.keyboard.press('Space');
  assert.deepEqual(await expanded(page), [false, false]);
  assert.equal(await toggle(page, blocks[0]).evaluate((b) => b === document.activeElement), true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.deepEqual(await expanded(page), [false, true]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('show all and hide all, each unavailable while it would do nothing', async () => {
  const { context, page, problems } = await open();
  const show = page.getByRole('button', { name: 'Show all spoilers' });
  const hide = page.getByRole('button', { name: 'Hide all spoilers' });
  const unavailable = async () => [await show.getAttribute('aria-disabled'), await hide.getAttribute('aria-disabled')];
  assert.deepEqual(await unavailable(), [null, 'true'], 'nothing is open: only Show all does something');
  await toggle(page, blocks[0]).click();
  assert.deepEqual(await unavailable(), [null, null], 'one of two is open: both do something');
  await show.click();
  assert.deepEqual(await expanded(page), [true, true]);
  assert.deepEqual(await unavailable(), ['true', null], 'all are open: only Hide all does something');
  assert.ok(await show.evaluate((b) => b === document.activeElement), 'the used button keeps focus');
  for (const block of blocks) await page.getByText(block.text).waitFor();
  await page.getByRole('button', { name: 'Hide all spoilers' }).click();
  assert.deepEqual(await expanded(page), [false, false]);
  for (const phrase of phrases) assert.deepEqual(await routes(page, phrase), nowhere);
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening a block moves nothing above it', async () => {
  const { context, page } = await open();
  const before = await page.evaluate(() => [...document.querySelectorAll('.spoiler-toggle')].map((b) => b.getBoundingClientRect().top + scrollY));
  await toggle(page, blocks[1]).click();
  const after = await page.evaluate(() => [...document.querySelectorAll('.spoiler-toggle')].map((b) => b.getBoundingClientRect().top + scrollY));
  assert.deepEqual(after, before);
  await context.close();
});

test('"always show" survives a reload, and unticking it forgets', async () => {
  const { context, page, problems } = await open();
  const always = page.getByLabel('Always show spoilers on this site');
  await always.check();
  assert.deepEqual(await expanded(page), [true, true]);
  await page.reload();
  await hydrated(page);
  await page.waitForFunction(() => document.querySelectorAll('[aria-expanded="true"]').length === 2);
  assert.ok(await always.isChecked());
  await always.uncheck();
  await page.reload();
  await hydrated(page);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.deepEqual(await expanded(page), [false, false]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('with storage that throws, everything works for the visit, without errors', async () => {
  const watched = await watchedPage(site.browser);
  const { context, page, problems } = watched;
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The document is sandboxed and lacks the allow-same-origin flag.', 'SecurityError');
      },
    });
  });
  await page.goto(site.url);
  await hydrated(page);
  await toggle(page, blocks[0]).click();
  assert.deepEqual(await expanded(page), [true, false]);
  await page.getByLabel('Always show spoilers on this site').check();
  assert.deepEqual(await expanded(page), [true, true]);
  assert.match(await page.locator('.synopsis').getByRole('status').innerText(), /until you leave the page/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link decides with ?spoilers=, over the stored choice; bad values change nothing', async () => {
  let { context, page, problems } = await open('?spoilers=shown');
  await page.waitForFunction(() => document.querySelectorAll('[aria-expanded="true"]').length === 2);
  await page.getByLabel('Always show spoilers on this site').check();
  await page.goto(`${site.url}?spoilers=hidden`);
  await hydrated(page);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.deepEqual(await expanded(page), [false, false]);
  assert.deepEqual(problems, []);
  await context.close();

  for (const query of ['?spoilers=', '?spoilers=SHOWN', '?spoilers=shown&spoilers=hidden', `?spoilers=${'x'.repeat(5000)}`, '?spoilers=%E2%82', '?spoilers=%3Cimg%20src%3Dx%3E']) {
    ({ context, page, problems } = await open(query));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    assert.deepEqual(await expanded(page), [false, false], query);
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(problems, [], query);
    await context.close();
  }
});

test('print shows what the screen shows, and says what it leaves out', async () => {
  const { context, page } = await open();
  await toggle(page, blocks[0]).click();
  await page.getByText(blocks[0].text).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByText(blocks[0].text).isVisible());
  assert.ok(await page.getByText(`Spoiler: ${blocks[1].label}`).isVisible());
  const said = (locator) => locator.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.match(await said(page.locator('.spoiler-body:not(.open)').first()), /Left out of this print/);
  assert.equal(await said(page.locator('.spoiler-body.open').first()), 'none', 'an open block prints its text, no note');
  assert.equal(await page.getByText(phrases[1]).count(), 0);
  await context.close();
});
