// The reader's last mile: links that say where they go and come back only to where the reader
// came from, one reading time, marks that mean one thing, a Japanese line that breaks between
// words, an offer that covers nothing and goes on Escape, inferences said as such, and controls
// that answer even when the wasm never comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { article, dist, useSite } from '../support/site.mjs';
import { watchedPage, hydrated, select } from '../support/browser.mjs';
import { siteHeaders } from '../support/server.mjs';
import { HYDRATED, WASM_STATE } from '../support/contract.mjs';

const site = useSite();
const { open } = site;
const BACK = 'Back to the timeline';
const NEW_TAB = /opens the full article in a new tab/;

/** The first pull quote whose words a timeline event also comes from, if the article has one. */
const shared = article.quotes
  .map((quote) => ({ quote, event: article.events.find((e) => e.source.paragraph === quote.paragraph && e.source.text === quote.text) }))
  .find(({ event }) => event);

test('"Back to the timeline" is offered only to a reader who came from the timeline', async (t) => {
  if (!shared) return t.skip('no passage is both quoted and an event source');
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  const back = page.getByRole('link', { name: BACK });
  await page.locator(`#pull-quote-${shared.quote.id}`).getByRole('link', { name: 'Read in context' }).click();
  await page.waitForFunction((id) => location.hash === `#quote-${id}`, shared.quote.id);
  assert.equal(await back.count(), 0, 'a reader from the pull quote is not offered the timeline');
  await page.locator(`#event-${shared.event.id} .event-pick`).click();
  await page.locator(`#event-${shared.event.id}`).getByRole('link', { name: 'Read it in the article' }).click();
  await page.waitForFunction((id) => location.hash === `#source-${id}`, shared.event.id);
  assert.equal(await back.count(), 1, 'a reader from the timeline is offered the way back');
  const highlighted = await page.locator(`#quote-${shared.quote.id}`).evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(highlighted, 'rgba(0, 0, 0, 0)', 'the words the link landed on are highlighted');
  // A link published before the two were told apart still lands on the words.
  await page.goto(`${site.url}#quote-${shared.quote.id}`);
  assert.ok(await page.locator(`#quote-${shared.quote.id}`).evaluate((el) => el.matches(':target')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('in the article embed in-page links stay in the page; elsewhere a link says it opens a new tab', async () => {
  const { context, page, problems } = await open('embed/article/', { reducedMotion: 'reduce' });
  const quote = article.quotes[0];
  const inContext = page.locator(`#pull-quote-${quote.id}`).getByRole('link', { name: 'Read in context' });
  assert.equal(await inContext.getAttribute('target'), null);
  await inContext.click();
  await page.waitForFunction((id) => location.hash === `#quote-${id}`, quote.id);
  assert.match(new URL(page.url()).pathname, /\/embed\/article\/$/, 'still the embed page');
  await page.goto(`${site.url}embed/timeline/`);
  await hydrated(page);
  const event = article.events[0];
  await page.locator(`#event-${event.id} .event-pick`).click();
  const read = page.locator(`#event-${event.id}`).getByRole('link', { name: NEW_TAB });
  assert.equal(await read.getAttribute('target'), '_blank');
  assert.match(await read.getAttribute('href'), /^\.\.\/\.\.\/#/, 'it leads to the full article');
  const arrow = await read.evaluate((a) => getComputedStyle(a, '::after').content);
  assert.ok(!arrow.includes('↓'), `no arrow that promises a scroll: ${arrow}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the reading time says what it counts, the same on the page and in the article embed', async () => {
  const { context, page } = await open();
  const meta = await page.locator('.article-header .reading-time').innerText();
  assert.match(meta, /^\d+ min read, synopsis not included$/);
  await page.goto(`${site.url}embed/article/`);
  assert.equal(await page.locator('.article-header .reading-time').innerText(), meta);
  await context.close();
});

test('a quoted passage is marked beside, never tinted at rest, with one space after its ❞', async () => {
  const { context, page } = await open('', { viewport: { width: 390, height: 844 } });
  for (const quote of article.quotes) {
    const passage = page.locator(`#quote-${quote.id}`);
    assert.equal(await passage.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)', `${quote.id} is tinted`);
    const rule = await passage.evaluate((el) => getComputedStyle(el.closest('p')).borderLeftStyle);
    assert.equal(rule, 'solid', 'its paragraph carries the rule of a quote beside');
    // The gap from the ❞ to the next word is one space, as between any two words.
    const gaps = await passage.evaluate((el) => {
      const mark = el.nextElementSibling.querySelector('.passage-quote-link');
      const walker = document.createTreeWalker(el.closest('p'), NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const box = (node, at) => {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
      };
      let space;
      let next;
      let after = false;
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (space === undefined && node.data.includes(' ')) space = box(node, node.data.indexOf(' ')).width;
        if (mark.contains(node)) after = true;
        else if (after && /\S/.test(node.data) && node.parentElement.getClientRects().length) {
          next = [node, node.data.search(/\S/)];
          break;
        }
      }
      if (!next) return null;
      range.selectNodeContents(mark);
      const markBox = range.getBoundingClientRect();
      const word = box(...next);
      return { gap: word.left - markBox.right, space, sameLine: Math.abs(word.top - markBox.top) < 8 };
    });
    if (gaps?.sameLine) assert.ok(gaps.gap <= gaps.space * 1.5, `${quote.id}: ${JSON.stringify(gaps)}`);
  }
  await context.close();
});

test('a disabled "Hide all spoilers" is dimmed, without the dashed outline that means busy', async () => {
  const { context, page } = await open();
  const hide = page.getByRole('button', { name: 'Hide all spoilers' });
  assert.equal(await hide.getAttribute('aria-disabled'), 'true');
  const { borderTopStyle, outlineStyle } = await hide.evaluate((el) => {
    const s = getComputedStyle(el);
    return { borderTopStyle: s.borderTopStyle, outlineStyle: s.outlineStyle };
  });
  assert.notEqual(borderTopStyle, 'dashed');
  assert.notEqual(outlineStyle, 'dashed');
  await context.close();
});

test('the copyright line breaks only between its phrases, at any phone width', async () => {
  const { context, page } = await open('', { viewport: { width: 320, height: 700 } });
  for (const width of [320, 360, 390, 412]) {
    await page.setViewportSize({ width, height: 700 });
    const lines = await page.locator('.copyright').evaluate((p) =>
      [...p.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE && n.data.trim())
        .map((n) => {
          const range = document.createRange();
          range.selectNodeContents(n);
          return { phrase: n.data, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
        }),
    );
    assert.ok(lines.length > 1, 'the line is marked in phrases');
    for (const { phrase, lines: n } of lines) assert.equal(n, 1, `at ${width} px "${phrase}" is broken`);
  }
  await context.close();
});

test('the offer to copy a link covers no words, and Escape dismisses it', async () => {
  const { context, page } = await open('', { viewport: { width: 390, height: 844 } });
  const paragraph = article.body[1];
  const words = paragraph.text.split(' ').slice(2, 6).join(' ');
  await select(page, `#p-${paragraph.id}`, words);
  const offer = page.locator('.passage-offer');
  await offer.waitFor();
  const covered = await offer.evaluate((box) => {
    const area = box.getBoundingClientRect();
    const overlaps = (r) => r.bottom > area.top && r.top < area.bottom && r.right > area.left && r.left < area.right;
    const range = document.createRange();
    return [...document.querySelectorAll('.article-body > p, .pull-quote')].flatMap((el) => {
      range.selectNodeContents(el);
      return [...range.getClientRects()].filter(overlaps).map(() => el.id || el.className);
    });
  });
  assert.deepEqual(covered, [], 'no line of text lies under the offer');
  await page.keyboard.press('Escape');
  await offer.waitFor({ state: 'hidden' });
  assert.ok(await page.evaluate(() => !getSelection().isCollapsed), 'the words stay selected');
  await context.close();
});

test('an event that says more than its source says so beside it', async (t) => {
  const inferred = article.events.filter((e) => e.inferred);
  if (!inferred.length) return t.skip('no event infers anything');
  const { context, page } = await open();
  for (const event of inferred) {
    assert.equal(await page.locator(`#event-${event.id} .event-inferred`).innerText(), event.inferred);
  }
  await context.close();
});

const WASM = /\/look-back-[0-9a-f]+_bg\.wasm$/;
const sentences = article.synopsis.blocks.flatMap((b) => b.text.split('. ').filter((s) => s.length > 20));

test('with the wasm blocked, a tapped control lets go at once and says why beside it', async () => {
  const { context, page } = await watchedPage(site.browser, { viewport: { width: 390, height: 844 } });
  await page.route(WASM, (route) => route.abort());
  await page.goto(site.url);
  await page.waitForSelector(`html[${WASM_STATE}="failed"]`, { state: 'attached' });
  for (const control of [page.locator('.spoiler-toggle').first(), page.locator('.event-pick').first()]) {
    // Marked aria-disabled, which a reader can still tap.
    await control.click({ force: true });
    assert.equal(await control.getAttribute('aria-busy'), null, 'nothing is held once the wasm has failed');
    const note = page.getByRole('status').filter({ hasText: /did not start/ });
    await note.waitFor();
    const [c, n] = [await control.boundingBox(), await note.boundingBox()];
    assert.ok(n.y >= c.y + c.height - 1 && n.y - (c.y + c.height) < 40, `the note stands just below the control: ${JSON.stringify({ c, n })}`);
  }
  await context.close();
});

test('with the wasm late, a tap it will not replay lets go and says so, instead of staying busy', async () => {
  const { context, page } = await watchedPage(site.browser, { reducedMotion: 'reduce' });
  await page.route(WASM, async (route) => {
    await new Promise((ok) => setTimeout(ok, 9000));
    await route.continue().catch(() => {});
  });
  await page.goto(site.url);
  const toggle = page.locator('.spoiler-toggle').first();
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-busy'), 'true', 'pending while it may still be replayed');
  await page.waitForFunction(() => !document.querySelector('.spoiler-toggle').hasAttribute('aria-busy'), null, { timeout: 7000 });
  assert.equal(await page.evaluate((name) => document.documentElement.hasAttribute(name), HYDRATED), false, 'let go before the page was live');
  await page.getByRole('status').filter({ hasText: /still starting/ }).waitFor();
  await hydrated(page);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'the tap it said it dropped is not replayed');
  await context.close();
});

test('without the wasm the synopsis is one spoiler-marked link away, on a page kept out of search', async () => {
  const { context, page } = await watchedPage(site.browser);
  await page.route(WASM, (route) => route.abort());
  await page.goto(site.url);
  await page.waitForSelector(`html[${WASM_STATE}="failed"]`, { state: 'attached' });
  const link = page.getByRole('link', { name: /synopsis.*\(spoilers\)/ });
  assert.equal(await link.getAttribute('rel'), 'nofollow');
  await link.click();
  await page.getByRole('heading', { level: 1, name: article.synopsis.heading }).waitFor();
  for (const block of article.synopsis.blocks) assert.ok(await page.getByText(block.text).isVisible(), block.id);
  assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
  const head = await page.evaluate(() => document.head.outerHTML);
  for (const sentence of sentences) assert.ok(!head.includes(sentence), `its metadata holds "${sentence}"`);
  assert.equal(await page.locator('script').count(), 0);
  assert.equal(siteHeaders(dist).get('/synopsis/')['x-robots-tag'], 'noindex');
  await context.close();
  // With the wasm, the link is not there to follow.
  const live = await site.open();
  assert.equal(await live.page.getByRole('link', { name: /synopsis.*\(spoilers\)/ }).count(), 0);
  await live.context.close();
});

test('only synopsis.json and the synopsis page hold the synopsis\'s words', async () => {
  const files = async (prefix = '') =>
    (await readdir(join(dist, prefix), { withFileTypes: true })).flatMap((e) =>
      e.isDirectory() ? [{ dir: `${prefix}${e.name}/` }] : [`${prefix}${e.name}`],
    );
  const all = [];
  const queue = [''];
  while (queue.length) {
    for (const entry of await files(queue.shift())) typeof entry === 'string' ? all.push(entry) : queue.push(entry.dir);
  }
  const holding = [];
  for (const file of all.filter((f) => !/\.(br|gz|wasm|png)$/.test(f))) {
    const text = await readFile(join(dist, file), 'utf8');
    if (sentences.some((s) => text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1)))) holding.push(file);
  }
  assert.deepEqual(holding.sort(), ['synopsis.json', 'synopsis/index.html']);
});
