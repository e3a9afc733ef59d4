// Links to any passage: selecting words in the body offers a link with a text fragment, the
// link lands on those words (in browsers with text fragments and, by the page itself, in
// those without), each paragraph has a keyboard way to its link, spoilers and pull quotes are
// never offered, and an embed's links lead to the full article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { article, dist, useSite } from '../support/site.mjs';
import { launch, openHydrated, axeViolations, select } from '../support/browser.mjs';

const site = useSite();
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };
const OFFER = 'Copy link to this passage';
// Words a reader selects: the first three plain words of the third paragraph after its
// opening, with the three words before them, as a link to them names them.
const PASSAGE = (() => {
  const p = article.body[Math.min(2, article.body.length - 1)];
  const words = p.text.split(/\s+/);
  const at = words.findIndex((_, i) => i >= 3 && words.slice(i, i + 3).every((w) => /^[A-Za-z]+$/.test(w)));
  return { selector: `#p-${p.id}`, words: words.slice(at, at + 3).join(' '), before: words.slice(at - 3, at).join(' ') };
})();
const encode = (text) => encodeURIComponent(text).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const DIRECTIVE = `${PASSAGE.selector}:~:text=${encode(PASSAGE.before)}-,${encode(PASSAGE.words)}`;

/** Waits until the paragraph that holds `words` is in view (scrolling may be smooth). */
const inView = (page, words) =>
  page
    .waitForFunction(
      (words) => {
        const p = [...document.querySelectorAll('.article-body > p')].find((p) => p.textContent.includes(words));
        const box = p.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      },
      words,
      { timeout: 5_000 },
    )
    .then(() => true, () => false);

test('selecting words in the body offers a link that lands on them and highlights them', async () => {
  const { context, page, problems } = await site.open('', { ...clipboard, viewport: { width: 390, height: 844 } });
  const offer = page.getByRole('button', { name: OFFER });
  assert.ok(await offer.isHidden(), 'no offer before a selection');
  await select(page, PASSAGE.selector, PASSAGE.words);
  await offer.waitFor();
  await offer.click();
  await page.locator('.passage-status').filter({ hasText: 'Link copied.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${site.url}${DIRECTIVE}`);
  assert.ok(await offer.isHidden(), 'the offer goes once used');
  // Opened, the link scrolls to the words; the browser highlights them itself.
  const landed = await context.newPage();
  await landed.goto(link);
  assert.ok(await inView(landed, PASSAGE.words));
  assert.ok(await landed.evaluate(() => scrollY > 0));
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the browser has no text fragments, the page finds and highlights the words itself', async () => {
  const browser = await launch(['--disable-blink-features=TextFragmentIdentifiers']);
  try {
    const fragment = DIRECTIVE;
    const { context, page, problems } = await openHydrated(browser, site.url + fragment, { viewport: { width: 390, height: 844 } });
    assert.equal(await page.evaluate(() => 'fragmentDirective' in document), false, 'the browser really lacks them');
    await page.waitForFunction(() => getSelection().toString() !== '');
    assert.equal(await page.evaluate(() => getSelection().toString()), PASSAGE.words);
    assert.ok(await inView(page, PASSAGE.words));
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('a link to words the article no longer has, or a hostile one, changes nothing', async () => {
  const browser = await launch(['--disable-blink-features=TextFragmentIdentifiers']);
  try {
    for (const fragment of ['#:~:text=words%20never%20written', '#p-none:~:text=%3Cimg%20src=x%20onerror=alert(1)%3E', '#:~:text=%E2%80', '#:~:text=a,b,c,d']) {
      const { context, page, problems } = await openHydrated(browser, site.url + fragment);
      assert.equal(await page.evaluate(() => getSelection().toString()), '', fragment);
      assert.equal(await page.evaluate(() => scrollY), 0, fragment);
      assert.deepEqual(problems, [], fragment);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});

test('spoilers, pull quotes and the timeline are never offered', async () => {
  const { context, page, problems } = await site.open('', { reducedMotion: 'reduce' });
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  const block = article.synopsis.blocks[0];
  await page.getByText(block.text.slice(0, 40)).waitFor();
  for (const [selector, words] of [
    ['section.synopsis', block.text.split(' ').slice(2, 8).join(' ')],
    [`#pull-quote-${article.quotes[0].id}`, article.quotes[0].text.split(' ').slice(1, 5).join(' ')],
    ['section.timeline', article.events[0].title],
  ]) {
    await select(page, selector, words);
    await page.waitForTimeout(200);
    assert.ok(await page.getByRole('button', { name: OFFER }).isHidden(), `offered for ${selector}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard has its own way: a link on each paragraph, seen when focused, that copies its address', async () => {
  const { context, page, problems } = await site.open('', clipboard);
  const links = page.getByRole('link', { name: 'Link to this paragraph' });
  assert.equal(await links.count(), article.body.length);
  const second = links.nth(1);
  assert.equal(await second.evaluate((a) => getComputedStyle(a).opacity), '0', 'out of sight until wanted');
  await second.focus();
  await page.waitForFunction(() => getComputedStyle(document.activeElement).opacity === '1');
  const box = await second.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, `a target of ${box.width} by ${box.height} px`);
  await page.keyboard.press('Enter');
  await page.locator('.passage-status').filter({ hasText: 'Link to this paragraph copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}#p-${article.body[1].id}`);
  assert.equal(await page.evaluate(() => location.hash), '', 'copying does not move the page');
  assert.deepEqual(problems, []);
  await context.close();
});

test("inside an embed, a passage's link points at the full article", async () => {
  const { context, page, problems } = await site.open('embed/article/', clipboard);
  await select(page, PASSAGE.selector, PASSAGE.words);
  await page.getByRole('button', { name: OFFER }).click();
  await page.locator('.passage-status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(`^${site.url.replace(/[.]/g, '\\.')}${PASSAGE.selector}:~:text=`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the clipboard says no, the link is offered to copy by hand, and can be dismissed', async () => {
  const { context, page, problems } = await site.open('');
  await page.evaluate(() => (navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))));
  await select(page, PASSAGE.selector, PASSAGE.words);
  await page.getByRole('button', { name: OFFER }).click();
  const field = page.getByRole('textbox', { name: 'Link to copy' });
  await field.waitFor();
  assert.ok((await field.inputValue()).includes(`${PASSAGE.selector}:~:text=`));
  await page.getByRole('button', { name: 'Done' }).click();
  assert.equal(await field.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the script behind the links comes only when a reader selects words, and offers them at once', async () => {
  const { context, page, problems } = await site.open('', clipboard);
  const fetched = [];
  page.on('request', (r) => r.url().endsWith('/passages.js') && fetched.push(r.url()));
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/passages.js')).length), 0, 'not on the first load');
  await select(page, PASSAGE.selector, PASSAGE.words);
  await page.getByRole('button', { name: OFFER }).waitFor();
  assert.equal(fetched.length, 1, 'fetched once, on the selection');
  assert.equal(await page.locator('script[src="/passages.js"][integrity^="sha384-"]').count(), 1, 'with its integrity');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a ¶ tapped before its script has come copies once it has, without moving the page', async () => {
  const { context, page, problems } = await site.open('', { ...clipboard, hasTouch: true, viewport: { width: 390, height: 844 } });
  let arrive;
  const arrived = new Promise((ok) => (arrive = ok));
  await page.route('**/passages.js', async (route) => {
    const response = await route.fetch();
    await arrived;
    await route.fulfill({ response });
  });
  const link = page.getByRole('link', { name: 'Link to this paragraph' }).nth(1);
  await link.evaluate((a) => a.scrollIntoView({ block: 'center' }));
  await link.dispatchEvent('click');
  assert.equal(await link.getAttribute('aria-busy'), 'true', 'shown as on its way');
  assert.equal(await page.evaluate(() => location.hash), '', 'held, not followed');
  arrive();
  await page.locator('.passage-status').filter({ hasText: 'Link to this paragraph copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}#p-${article.body[1].id}`);
  assert.equal(await link.getAttribute('aria-busy'), null);
  assert.equal(await page.evaluate(() => location.hash), '', 'copying does not move the page');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations with the offer open and a paragraph link focused, ${colorScheme}`, async () => {
    const { context, page } = await site.open('', { colorScheme, reducedMotion: 'reduce' });
    await select(page, PASSAGE.selector, PASSAGE.words);
    await page.getByRole('button', { name: OFFER }).waitFor();
    await page.getByRole('link', { name: 'Link to this paragraph' }).first().focus();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

// The directive itself, as the release's passages.js (assets/passages.js with the contract's
// names filled in) writes and reads it, without a browser.
const { directiveFor, fragmentOf, parse, find } = await import(pathToFileURL(resolve(dist, 'passages.js')).href);

test('a selection makes a directive of whole words, with the words before it', () => {
  assert.deepEqual(directiveFor('Then he said: “', 'It was long.', '” Then he slept.'), { prefix: 'he said: “', start: 'It was long.', end: null });
  assert.deepEqual(directiveFor('He said he was ', 'draw', 'ing until noon.'), { prefix: 'said he was', start: 'drawing', end: null });
  const long = directiveFor('', 'one two three four five six seven eight nine ten eleven twelve', '');
  assert.deepEqual(long, { prefix: null, start: 'one two three four', end: 'nine ten eleven twelve' });
  assert.equal(directiveFor('a ', '  ', ' b'), null);
  assert.equal(directiveFor('yet.”', '❞', ' he'), null);
  assert.equal(fragmentOf(directiveFor('', 'well-known, & odd', '')), ':~:text=well%2Dknown%2C%20%26%20odd');
});

test('broken or foreign fragments read as nothing', () => {
  for (const bad of ['', '#', '#p-one', '#:~:', '#:~:text=', '#:~:text=a,b,c,d', '#:~:text=%E2%80', '#:~:text=%zz', '#:~:other=x']) assert.equal(parse(bad), null, bad);
  assert.equal(parse('#:~:text=a,-b').directive.start, 'a', 'a suffix is set aside');
});

test('finding skips the link marks, and the prefix picks the right one of the same words', () => {
  const text = '“Not even the crew has seen the full movie yet.”❞ he said. Not even the crew knew.';
  const [s, e] = find(directiveFor('', 'yet.” he said', ''), text);
  assert.equal(text.slice(s, e), 'yet.”❞ he said');
  const [s2, e2] = find(directiveFor('he said. ', 'Not even the crew', ' knew.'), text);
  assert.ok(s2 > 10 && text.slice(s2, e2) === 'Not even the crew');
  assert.equal(find(parse('#:~:text=he-,slept').directive, 'She slept, then he slept.')[0], 19);
});

test('any selection in any paragraph makes a link that finds the selection again', () => {
  // A fixed pseudo-random walk, so that a failure repeats.
  let seed = 7;
  const next = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let i = 0; i < 3000; i++) {
    const text = article.body[next(article.body.length)].text;
    const s = next(text.length);
    const e = s + 1 + next(text.length - s);
    const directive = directiveFor(text.slice(0, s), text.slice(s, e), text.slice(e));
    if (!directive) {
      assert.equal(text.slice(s, e).trim(), '');
      continue;
    }
    const read = parse(`#p-x${fragmentOf(directive)}`);
    assert.deepEqual(read.directive, directive);
    const found = find(read.directive, text);
    const first = s + (text.slice(s, e).length - text.slice(s, e).trimStart().length);
    assert.ok(found && found[0] <= first && /^[\p{L}\p{N}]*$/u.test(text.slice(found[0], first)), `${JSON.stringify(text.slice(s, e))} found as ${found && JSON.stringify(text.slice(...found))}`);
    if (!directive.end) assert.ok(found[1] >= s + text.slice(s, e).trimEnd().length);
  }
});
