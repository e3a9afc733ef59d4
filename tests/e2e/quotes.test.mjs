// Pull quotes: shown, linked to their passages both ways, read once by screen readers, and
// copied or shared with a fallback that works where the browser says no.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, useSite } from '../support/site.mjs';
import { watchedPage, hydrated, axeViolations } from '../support/browser.mjs';

const { quotes } = article;
const site = useSite();

const { open } = site;
const group = (page, i) => page.locator(`#pull-quote-${quotes[i].id}`);

/** Whether an element is on screen and drawn as highlighted. */
const landed = (locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const onScreen = box.top > -1 && box.bottom <= innerHeight;
    return { target: el.matches(':target'), onScreen, highlighted: getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)' };
  });

test('the pull quotes show, attributed, each the words of its passage', async () => {
  const { context, page, problems } = await open();
  assert.ok(quotes.length >= 2);
  for (const [i, q] of quotes.entries()) {
    const shown = group(page, i).locator('blockquote');
    assert.equal(await shown.locator('p').innerText(), `“${q.text}”`);
    assert.equal(await shown.locator('footer').innerText(), `— ${q.speaker}`);
    assert.equal(await page.locator(`#quote-${q.id}`).innerText(), q.text);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Read in context" lands on the passage and highlights it; the passage links back', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  for (const [i, q] of quotes.entries()) {
    await group(page, i).getByRole('link', { name: 'Read in context' }).click();
    await page.waitForFunction((id) => location.hash === `#quote-${id}`, q.id);
    const passage = page.locator(`#quote-${q.id}`);
    assert.equal(await passage.innerText(), q.text);
    assert.deepEqual(await landed(passage), { target: true, onScreen: true, highlighted: true });
    await page.locator(`#quote-${q.id} + .passage-end`).getByRole('link', { name: 'To the pull quote', exact: true }).click();
    assert.deepEqual(await landed(group(page, i)), { target: true, onScreen: true, highlighted: true });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening the page at #quote-<id> scrolls to the passage and highlights it', async () => {
  const q = quotes.at(-1);
  const { context, page, problems } = await open(`#quote-${q.id}`, { reducedMotion: 'reduce' });
  assert.deepEqual(await landed(page.locator(`#quote-${q.id}`)), { target: true, onScreen: true, highlighted: true });
  assert.ok(await page.evaluate(() => scrollY > 0));
  assert.deepEqual(problems, []);
  await context.close();
});

test('screen readers meet each quote once, and its group says what it is', async () => {
  const { context, page } = await open();
  const tree = await page.locator('body').ariaSnapshot();
  for (const q of quotes) assert.equal(tree.split(q.text).length - 1, 1, q.text);
  // No bare numbers: the passage's link says where it goes, the group what it echoes.
  assert.doesNotMatch(tree, /Pull quote \d/);
  assert.equal(tree.split('group "Pull quote from the paragraph before"').length - 1, quotes.length, tree);
  assert.equal(tree.split('link "To the pull quote"').length - 1, quotes.length, tree);
  // Each group follows its passage's paragraph in reading order, so "before" is true.
  for (const q of quotes) {
    assert.equal(await group(page, quotes.indexOf(q)).evaluate((g) => g.previousElementSibling.id), `p-${q.paragraph}`);
  }
  await context.close();
});

test('on wide screens each quote sits beside its own paragraph, never below it', async () => {
  for (const width of [1280, 1440, 1920]) {
    const { context, page } = await open('', { viewport: { width, height: 900 } });
    for (const q of quotes) {
      const [quote, paragraph] = [await page.locator(`#pull-quote-${q.id}`).boundingBox(), await page.locator(`#p-${q.paragraph}`).boundingBox()];
      assert.ok(quote.x >= paragraph.x + paragraph.width, `${q.id} is beside the text at ${width} px`);
      assert.ok(quote.y >= paragraph.y - 1 && quote.y < paragraph.y + paragraph.height / 2, `${q.id} starts by the top of its paragraph at ${width} px`);
      assert.ok(quote.x + quote.width <= width, `${q.id} stays on the page at ${width} px`);
    }
    // The quotes take no room from the text: paragraphs follow each other with their usual gap.
    const gaps = await page.locator('.article-body > p').evaluateAll((ps) => ps.slice(1).map((p, i) => p.getBoundingClientRect().top - ps[i].getBoundingClientRect().bottom));
    assert.ok(Math.max(...gaps) < 40, `gaps between paragraphs of ${gaps} px at ${width} px`);
    await context.close();
  }
});

test('on phones the quotes are spread between paragraphs, never two in a row', async () => {
  const { context, page } = await open('', { viewport: { width: 390, height: 844 } });
  const order = await page.locator('.article-body > *').evaluateAll((els) => els.map((el) => (el.classList.contains('pull-quote') ? 'quote' : el.tagName)));
  assert.ok(!order.join(' ').includes('quote quote'), order.join(' '));
  assert.equal(order.filter((o) => o === 'quote').length, quotes.length);
  await context.close();
});

test('"Copy quote" puts the quote, its attribution and a link on the clipboard', async () => {
  const { context, page, problems } = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  const q = quotes[0];
  await group(page, 0).getByRole('button', { name: 'Copy quote' }).click();
  await assert.doesNotReject(group(page, 0).getByRole('status').filter({ hasText: 'Quote copied.' }).waitFor());
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `“${q.text}” — ${q.speaker}, in “${article.headline}”\n${site.url}#quote-${q.id}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the clipboard throws, the text is offered selected for copying by hand', async () => {
  const { context, page, problems } = await watchedPage(site.browser);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => {
      throw new DOMException('Write permission denied.', 'NotAllowedError');
    };
  });
  await page.goto(site.url);
  await hydrated(page);
  await group(page, 1).getByRole('button', { name: 'Copy quote' }).click();
  const field = group(page, 1).getByRole('textbox', { name: 'Text to copy' });
  await field.waitFor();
  assert.match(await field.inputValue(), new RegExp(quotes[1].text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  const selected = await field.evaluate((f) => f.value.slice(f.selectionStart, f.selectionEnd) === f.value);
  assert.ok(selected, 'the whole text is selected');
  assert.match(await group(page, 1).getByRole('status').innerText(), /Copying is blocked here/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Share" uses the Web Share API, and offers the link where there is none', async () => {
  let { context, page, problems } = await watchedPage(site.browser);
  await page.addInitScript(() => {
    navigator.share = async (data) => {
      window.__shared = data;
    };
  });
  await page.goto(site.url);
  await hydrated(page);
  await group(page, 1).getByRole('button', { name: 'Share' }).click();
  await group(page, 1).getByRole('status').filter({ hasText: 'Shared.' }).waitFor();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.url, `${site.url}#quote-${quotes[1].id}`);
  assert.equal(shared.text, `“${quotes[1].text}” — ${quotes[1].speaker}`);
  assert.deepEqual(problems, []);
  await context.close();

  // Without Web Share (desktop Chromium, Firefox), Share is not offered at all.
  ({ context, page, problems } = await watchedPage(site.browser));
  await page.addInitScript(() => delete Navigator.prototype.share);
  await page.goto(site.url);
  await hydrated(page);
  assert.equal(await page.getByRole('button', { name: 'Share' }).count(), 0);
  assert.equal(await group(page, 1).getByRole('button', { name: 'Copy quote' }).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the text offered for copying by hand can be dismissed, and focus goes back to Copy', async () => {
  const { context, page, problems } = await watchedPage(site.browser);
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.goto(site.url);
  await hydrated(page);
  const copy = group(page, 0).getByRole('button', { name: 'Copy quote' });
  await copy.click();
  await group(page, 0).getByRole('textbox', { name: 'Text to copy' }).waitFor();
  await group(page, 0).getByRole('button', { name: 'Done' }).click();
  assert.equal(await group(page, 0).getByRole('textbox', { name: 'Text to copy' }).count(), 0);
  assert.equal(await group(page, 0).getByRole('status').innerText(), '');
  assert.ok(await copy.evaluate((b) => b === document.activeElement), 'focus is back on Copy quote');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`every quoted passage is marked beside its paragraph, not tinted, ${colorScheme}`, async () => {
    const { context, page } = await open('', { colorScheme });
    const page_bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const q of quotes) {
      const look = await page.locator(`#quote-${q.id}`).evaluate((el) => {
        const p = getComputedStyle(el.closest('p'));
        return { bg: getComputedStyle(el).backgroundColor, rule: p.borderLeftStyle, width: parseFloat(p.borderLeftWidth), color: p.borderLeftColor };
      });
      assert.equal(look.bg, 'rgba(0, 0, 0, 0)', `${q.id} is tinted at rest`);
      assert.ok(look.rule === 'solid' && look.width >= 2 && look.color !== page_bg, `${q.id}'s paragraph has no rule: ${JSON.stringify(look)}`);
    }
    // Sources of timeline events alone are not quotes, and are not marked as quotes.
    const source = await page.locator('.passage:not(.quoted)').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(source, 'rgba(0, 0, 0, 0)');
    const unquoted = await page.locator('.article-body > p:not(:has(.quoted))').first().evaluate((el) => getComputedStyle(el).borderLeftStyle);
    assert.equal(unquoted, 'none', 'a paragraph no quote is drawn from carries no rule');
    await context.close();
  });
}

test("a passage's link back comes after its closing quotation mark, on the same line, at any width", async () => {
  for (const width of [320, 390, 1440]) {
    const { context, page } = await open('', { viewport: { width, height: 900 } });
    const placed = await page.locator('.passage-quote-link').evaluateAll((links) =>
      links.map((link) => {
        const passage = link.parentElement.previousElementSibling;
        const range = document.createRange();
        // Its words, after the timeline's anchor where it has one.
        const words = passage.lastChild;
        range.setStart(words, words.length - 1);
        range.setEnd(words, words.length);
        const last = range.getBoundingClientRect();
        const mark = link.getClientRects()[0];
        const between = link.parentElement.textContent.replace('❞', '');
        return { id: passage.id, sameLine: Math.abs((mark.top + mark.bottom) / 2 - (last.top + last.bottom) / 2) < 4 && mark.left >= last.right - 1, between };
      }),
    );
    for (const { id, sameLine, between } of placed) {
      assert.ok(sameLine, `${id}: the link starts a line of its own at ${width} px`);
      assert.match(between, /^[”’"'»),.;:!?]*$/, `${id}: only closing punctuation stands between`);
    }
    // Each quote's closing marks, as its paragraph has them, come before its link.
    for (const q of quotes) {
      const text = article.body.find((p) => p.id === q.paragraph).text;
      const closing = text.slice(text.indexOf(q.text) + q.text.length).match(/^[”’"'»),.;:!?]*/)[0];
      assert.equal(placed.find((p) => p.id === `quote-${q.id}`)?.between, closing, `the closing marks come before ${q.id}'s link`);
    }
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations with a passage highlighted, ${colorScheme}`, async () => {
    const { context, page } = await open(`#quote-${quotes[0].id}`, { colorScheme, reducedMotion: 'reduce' });
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}
