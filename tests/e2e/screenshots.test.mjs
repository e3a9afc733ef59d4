// Pictures for people to look at, not to compare pixel by pixel: the page at a phone's and a
// desktop's width, light and dark (the top, a pull quote with its passage close up, the
// timeline with an event chosen and the sentence it leads to, words selected and the offer of a
// link to them, the synopsis with a block open), and both widgets on a
// hostile host page of another origin. They go to target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { article } from '../support/site.mjs';
import { useHosts } from '../support/hosts.mjs';
import { watchedPage, hydrated, select } from '../support/browser.mjs';
import { HYDRATED } from '../support/contract.mjs';

// The harmless-edit run of scripts/test writes its own, beside its copy of the content file.
const OUT = process.env.SCREENSHOTS ?? 'target/screenshots';
const HOSTILE_CSS = '<style>* { color: red !important; margin: 30px; line-height: 3 !important; font-family: Impact, fantasy !important; } p { display: none; } body { background: #cfc; font-size: 40px; }</style>';
let widget, host, hostDir, browser;
useHosts((started) => ({ widget, host, hostDir, browser } = started));

const SIZES = [
  ['390', { width: 390, height: 844 }],
  ['1440', { width: 1440, height: 900 }],
];

for (const [name, viewport] of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the page at ${name} px, ${colorScheme}`, async () => {
      await mkdir(OUT, { recursive: true });
      const { context, page, problems } = await watchedPage(browser, { viewport, colorScheme, reducedMotion: 'reduce' });
      await page.goto(widget.url);
      await hydrated(page);
      const shot = (what) => page.screenshot({ path: join(OUT, `page-${name}-${colorScheme}-${what}.png`) });
      await shot('top');
      const quote = article.quotes.find((q) => q.id === 'crew') ?? article.quotes[0];
      await page.locator(`#quote-${quote.id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.locator(`#quote-${quote.id}`).screenshot({ path: join(OUT, `quote-${name}-${colorScheme}-passage.png`) });
      await page.locator(`#pull-quote-${quote.id}`).screenshot({ path: join(OUT, `quote-${name}-${colorScheme}-pull-quote.png`) });
      await shot('quotes');
      await page.locator('.event-pick').nth(Math.min(2, article.events.length - 1)).click();
      await page.locator('section.timeline').screenshot({ path: join(OUT, `timeline-${name}-${colorScheme}.png`) });
      // The chosen event's sentence, and its way back.
      await page.locator('.timeline-event.chosen').getByRole('link', { name: 'Read it in the article' }).click();
      await page.getByRole('link', { name: 'Back to the timeline' }).waitFor();
      await shot('back-to-timeline');
      // Words selected in the body (the last paragraph's first sentence), and the offer of a
      // link to them.
      const last = article.body.at(-1);
      await select(page, `#p-${last.id}`, last.text.split(/(?<=[.!?])\s/)[0]);
      const offer = page.getByRole('button', { name: 'Copy link to this passage' });
      await offer.waitFor();
      await offer.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await shot('passage-link');
      await page.evaluate(() => getSelection().removeAllRanges());
      await page.getByRole('button', { name: `Spoiler: ${article.synopsis.blocks[0].label}` }).click();
      await page.getByText(article.synopsis.blocks[0].text).waitFor();
      await page.locator('section.synopsis').screenshot({ path: join(OUT, `synopsis-${name}-${colorScheme}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`both widgets on a hostile host page at ${name} px, ${colorScheme}`, async () => {
      await mkdir(OUT, { recursive: true });
      await writeFile(
        join(hostDir, 'shots.html'),
        `<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,">${HOSTILE_CSS}</head><body><h1>A publisher's page</h1>` +
          `<div style="max-width:700px"><look-back-article section="timeline"><a href="${widget.url}">${article.headline}</a></look-back-article></div>` +
          `<iframe data-look-back="q" src="${widget.url}embed/quotes/?id=q" title="quotes" style="border:0;width:100%" height="460" allow="clipboard-write; web-share" sandbox="allow-scripts allow-popups"></iframe>` +
          `<script src="${widget.url}embed.js"></script><script type="module" src="${widget.url}widget.js"></script></body></html>`,
      );
      const { context, page, problems } = await watchedPage(browser, { viewport, colorScheme, reducedMotion: 'reduce' });
      await page.goto(`${host.url}shots.html`);
      await page.locator('look-back-article .timeline-list').waitFor();
      await page.frameLocator('iframe').locator(`html[${HYDRATED}]`).waitFor({ state: 'attached' });
      // What the pictures show, checked: every event, in the article's own type and colours
      // whatever the host's stylesheet says, and the frame as tall as what it holds.
      const events = page.locator('look-back-article .timeline-event');
      assert.equal(await events.count(), article.events.length);
      const title = await events.first().evaluate((el) => getComputedStyle(el).color);
      assert.notEqual(title, 'rgb(255, 0, 0)', "the host's stylesheet reaches into the element");
      await page.locator('look-back-article').screenshot({ path: join(OUT, `host-${name}-${colorScheme}-element.png`) });
      // Cross-origin frames are drawn only in view.
      await page.locator('iframe').scrollIntoViewIfNeeded();
      const frame = page.frames().find((f) => f.url().includes('/embed/quotes/'));
      const inside = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      await page.waitForFunction((h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 2, inside);
      await page.screenshot({ path: join(OUT, `host-${name}-${colorScheme}-iframe.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
