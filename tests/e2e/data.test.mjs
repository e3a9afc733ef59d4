// The article's data block as the wasm reads it, corrupted on its way to the reader: a block
// that cannot be read fails the page as a failed wasm does, and one bad item fails only the
// part that needs it. Either way held taps are let go, the reader is told why, and the console
// gets one line that says where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from '../support/site.mjs';
import { watchedPage, hydrated } from '../support/browser.mjs';
import { LIVE, WASM_STATE } from '../support/contract.mjs';

const site = useSite();
const WASM = /\/look-back-[0-9a-f]+_bg\.wasm$/;
const BLOCK = /(<script type="application\/json" id="look-back-data">)([\s\S]*?)(<\/script>)/;

/** The page with its data block rewritten by `change` (given the block's text), its wasm `ms` late. */
async function corrupted(change, ms = 0) {
  const watched = await watchedPage(site.browser, { reducedMotion: 'reduce' });
  const said = [];
  watched.page.on('console', (m) => m.type() === 'error' && said.push(m.text()));
  await watched.page.route(site.url, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    assert.match(html, BLOCK, 'the page carries its data block');
    await route.fulfill({ response, body: html.replace(BLOCK, (_, open, json, close) => open + change(json) + close) });
  });
  await watched.page.route(WASM, async (route) => {
    await new Promise((ok) => setTimeout(ok, ms));
    await route.continue();
  });
  await watched.page.goto(site.url);
  return { ...watched, said };
}

test('a data block that cannot be read fails the page as a failed wasm does: taps let go, the note shown, one console line', async () => {
  const { context, page, said, problems } = await corrupted((json) => json.slice(0, json.length / 2), 1500);
  const toggle = page.locator('.spoiler-toggle').first();
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-busy'), 'true', 'held while the wasm comes');
  await page.waitForSelector(`html[${WASM_STATE}="failed"]`, { state: 'attached' });
  assert.equal(await toggle.getAttribute('aria-busy'), null, 'let go');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.locator('.control-note.shown').waitFor();
  assert.match(await page.locator('.control-note').textContent(), /did not start/);
  assert.ok(await page.locator('.wasm-note').isVisible());
  assert.match(await page.locator('.wasm-note').innerText(), /^This browser did not start the page's interactive parts/);
  assert.equal(await page.locator(`[${LIVE}]`).count(), 0, 'no part is live');
  assert.equal(said.length, 1, said.join('\n'));
  assert.match(said[0], /data block #look-back-data cannot be read \(not JSON\): all parts stay as pre-rendered/);
  assert.deepEqual(problems.filter((p) => !p.startsWith('console:')), [], 'no uncaught error');
  await context.close();
});

test('one bad item fails only the part that needs it: the others go live, and the console names the item', async () => {
  const { context, page, said, problems } = await corrupted((json) => {
    const data = JSON.parse(json);
    data.events[0].day = 'the day after';
    return JSON.stringify(data);
  });
  await hydrated(page);
  const timeline = page.locator('section.timeline');
  assert.equal(await timeline.getAttribute(WASM_STATE), 'failed');
  assert.equal(await timeline.getAttribute(LIVE), null);
  assert.ok(await page.locator('.wasm-note').isVisible(), 'the reader is told why');
  assert.match(await page.locator('.wasm-note').innerText(), /^Some of the page's interactive parts did not start.*the others work/);
  // Its controls look unavailable, drained of colour; a live part's keep theirs.
  const filter = (locator) => locator.evaluate((el) => getComputedStyle(el).filter);
  assert.equal(await filter(timeline.locator('.event-pick').first()), 'grayscale(1)');
  assert.equal(await filter(page.locator('.spoiler-toggle').first()), 'none');
  await timeline.locator('.event-pick').nth(1).dispatchEvent('click');
  await page.locator('.control-note.shown').waitFor();
  assert.match(await page.locator('.control-note').textContent(), /^This part of the page did not start.*The rest of the page works/);
  // The synopsis and the pull quotes need no event: they are live.
  assert.equal(await page.locator(`section.synopsis[${LIVE}]`).count(), 1);
  assert.ok((await page.locator(`.pull-quote[${LIVE}]`).count()) > 0);
  const toggle = page.locator('.spoiler-toggle').first();
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(said.length, 1, said.join('\n'));
  assert.match(said[0], /has bad items \(events\[0\]\.day missing or wrong\): the parts that need them stay as pre-rendered/);
  assert.deepEqual(problems.filter((p) => !p.startsWith('console:')), []);
  await context.close();
});
