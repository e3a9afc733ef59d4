// The release dist/ in the engines besides Chromium: Firefox (Gecko) and WebKit, which every
// iPhone reader uses. A smoke suite, not the full one: the text before scripts, hydration, the
// spoilers, the timeline's keys, copy feedback and an embed, with no errors along the way.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { article, dist } from '../support/site.mjs';
import { serve } from '../support/server.mjs';
import { firefox, webkit } from './drivers.mjs';
import { HYDRATED, WASM_STATE } from '../support/contract.mjs';

/** The body paragraphs as read, less the small links from passages to their pull quotes. */
const bodyText = () =>
  [...document.querySelectorAll('.article-body > p')].map((p) => {
    const copy = p.cloneNode(true);
    copy.querySelectorAll('.passage-quote-link').forEach((a) => a.remove());
    return copy.textContent;
  });

const hydrated = (name) => document.documentElement.hasAttribute(name);

for (const start of [firefox, webkit]) {
  describe(start.name, () => {
    let browser, site, scriptless;
    before(async () => {
      site = await serve(dist);
      // The same files with every script refused: what a reader sees before the wasm runs.
      scriptless = await serve(dist, { headers: { 'content-security-policy': "script-src 'none'" } });
      browser = await start();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await scriptless?.close();
    });

    test('the article reads in full before any script runs', async () => {
      await browser.open(scriptless.url);
      assert.deepEqual(await browser.evaluate(bodyText), article.body.map((p) => p.text));
      const headline = await browser.evaluate(() => document.querySelector('h1').textContent);
      assert.equal(headline, article.headline);
      assert.equal(await browser.evaluate(hydrated, HYDRATED), false);
      // That page's refused scripts are reported as errors on purpose; they are not counted.
      browser.errors.length = 0;
    });

    test('the page hydrates', async () => {
      await browser.open(site.url);
      await browser.until(hydrated, 'hydration', HYDRATED);
      assert.equal(await browser.evaluate((name) => document.documentElement.getAttribute(name) ?? 'started', WASM_STATE), 'started');
      assert.deepEqual(await browser.evaluate(bodyText), article.body.map((p) => p.text), 'no text is lost or doubled');
    });

    test('a spoiler opens, and "Show all spoilers" opens every block', async () => {
      const [first] = article.synopsis.blocks;
      await browser.click(`[aria-controls="spoiler-${first.id}"]`);
      await browser.until(() => document.querySelector('.spoiler-toggle').getAttribute('aria-expanded') === 'true', 'the spoiler to open');
      // The words come as the synopsis nears the screen: "Loading…" until then.
      await browser.until(() => !['', 'Loading…'].includes(document.querySelector('.spoiler-body.open')?.textContent ?? ''), 'the words to come');
      assert.equal(await browser.evaluate((id) => document.getElementById(id).textContent, `spoiler-${first.id}`), first.text);
      await browser.click('button.spoiler-all');
      await browser.until(
        () => [...document.querySelectorAll('.spoiler-toggle')].every((b) => b.getAttribute('aria-expanded') === 'true'),
        'every spoiler to open',
      );
      const shown = await browser.evaluate(() => document.querySelector('.synopsis').textContent);
      for (const block of article.synopsis.blocks) assert.ok(shown.includes(block.text), block.id);
    });

    test("the timeline's keys move between events", async () => {
      await browser.evaluate(() => document.querySelector('.event-pick').focus());
      const focused = () => [...document.querySelectorAll('.event-pick')].indexOf(document.activeElement);
      assert.equal(await browser.evaluate(focused), 0);
      await browser.press('End');
      await browser.until(() => document.activeElement === [...document.querySelectorAll('.event-pick')].at(-1), 'End to reach the last event');
      await browser.press('Home');
      await browser.until(() => document.activeElement === document.querySelector('.event-pick'), 'Home to reach the first event');
    });

    test('Copy quote says what it did', async () => {
      await browser.click('.pull-quote-actions button');
      const said = await browser.until(() => document.querySelector('.pull-quote-status').textContent, 'the status line');
      // Headless engines may refuse the clipboard; then the text is offered to copy by hand.
      if (said !== 'Quote copied.') {
        assert.match(said, /^Copying is blocked here/);
        const offered = await browser.evaluate(() => document.querySelector('textarea.pull-quote-fallback')?.value ?? '');
        assert.ok(offered.includes(article.quotes.find((q) => q.paragraph === 'interview')?.text ?? article.quotes[0].text), offered);
      }
    });

    test('an embed hydrates', async () => {
      await browser.open(`${site.url}embed/timeline/`);
      await browser.until(hydrated, 'the embed to hydrate', HYDRATED);
      assert.equal(await browser.evaluate(() => document.querySelectorAll('.event-pick').length), article.events.length);
    });

    test('no errors along the way', () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
