// Hardened: the release page works fully under a strict Content-Security-Policy, shrugs off
// hostile URLs, and still reads when WebAssembly cannot start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { article, dist } from '../support/site.mjs';
import { serve, CSP } from '../support/server.mjs';
import { launch, watchedPage, hydrated } from '../support/browser.mjs';
import { HYDRATED, WASM_STATE } from '../support/contract.mjs';

let strict, plain, browser;

before(async () => {
  strict = await serve(dist, { headers: { 'content-security-policy': CSP } });
  plain = await serve(dist);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await plain?.close();
});

/** A watched page that also records every CSP violation. */
async function guarded(options = {}) {
  const watched = await watchedPage(browser, options);
  await watched.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return watched;
}

test('under the strict CSP every control works and nothing is blocked', async () => {
  const { context, page, problems } = await guarded({ permissions: ['clipboard-read', 'clipboard-write'], reducedMotion: 'reduce' });
  const response = await page.goto(strict.url);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await hydrated(page);
  const [first] = article.synopsis.blocks;
  await page.getByRole('button', { name: `Spoiler: ${first.label}` }).click();
  // The words come as the block nears the screen: a reader may see "Loading…" first.
  await page.getByText(first.text).waitFor();
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  assert.equal(await page.locator('.spoiler-toggle[aria-expanded="true"]').count(), article.synopsis.blocks.length);
  await page.getByRole('button', { name: 'Hide all spoilers' }).click();
  assert.equal(await page.locator('.spoiler-toggle[aria-expanded="true"]').count(), 0);
  await page.getByLabel('Always show spoilers on this site').check();
  assert.equal(await page.locator('.spoiler-toggle[aria-expanded="true"]').count(), article.synopsis.blocks.length);
  const quote = page.locator('.pull-quote').first();
  await quote.getByRole('button', { name: 'Copy quote' }).click();
  await quote.getByRole('status').filter({ hasText: 'Quote copied.' }).waitFor();
  await quote.getByRole('link', { name: 'Read in context' }).click();
  await page.waitForFunction(() => location.hash.startsWith('#quote-'));
  await page.locator('.event-pick').first().focus();
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li').id), `event-${article.events.at(-1).id}`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(await page.locator('[style]').count(), 0, 'no style attributes');
  // JSON-LD and the article's data block are data the browser never runs; anything else
  // inline would need 'unsafe-inline'.
  assert.equal(await page.locator('script:not([src]):not([type="application/ld+json"]):not([type="application/json"])').count(), 0, 'no inline scripts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every script and the wasm keep their subresource integrity, and a changed wasm is refused', async () => {
  const html = await (await fetch(strict.url)).text();
  const tags = html.match(/<(script|link)[^>]*\.js"[^>]*>/g);
  assert.ok(tags.length >= 2, tags.join('\n'));
  for (const tag of tags) assert.match(tag, /integrity="sha384-[A-Za-z0-9+/=]+"/, tag);
  const loader = await (await fetch(strict.url + html.match(/src="\/(loader-[0-9a-f]+\.js)"/)[1])).text();
  // A release's loader is minified: any quotes, any spaces.
  const [, wasm] = loader.match(/fetch\(['"`]\/([^'"`]+\.wasm)['"`],\s*\{\s*integrity:\s*['"`]sha384-[A-Za-z0-9+/=]+['"`]\s*\}\)/);
  // One byte changed on the way: the browser refuses the wasm and the page says so.
  const { context, page } = await guarded();
  await page.route(`**/${wasm}`, async (route) => {
    const body = Buffer.from(await (await fetch(strict.url + wasm)).arrayBuffer());
    body[body.length - 1] ^= 1;
    await route.fulfill({ contentType: 'application/wasm', body });
  });
  await page.goto(strict.url);
  await page.waitForSelector(`html[${WASM_STATE}="failed"]`, { state: 'attached' });
  assert.equal(await page.locator(`html[${HYDRATED}]`).count(), 0);
  assert.ok(await page.locator('.wasm-note').isVisible());
  await context.close();
});

const HOSTILE = [
  '?spoilers=<script>alert(1)</script>',
  '?spoilers=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '?spoilers=%',
  '?spoilers=%E0%A4%A',
  '?%00=%00',
  '?spoilers=shown&spoilers=hidden&spoilers=',
  `?spoilers=${'shown'.repeat(1000)}`,
  `?${'a=1&'.repeat(1000)}`,
  '?spoilers=shown#<img src=x onerror=alert(1)>',
  '#%',
  '#quote-nope',
  '#event-',
  '#event-../../etc/passwd',
  '#:~:text=Fujino',
  `#${'x'.repeat(10000)}`,
  '?section=%F0%9F%92%A9&theme=javascript:alert(1)',
];

test('hostile URLs fall back to defaults with no error and nothing rendered from them', async () => {
  const { context, page, problems } = await guarded();
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  for (const path of [...HOSTILE, ...HOSTILE.map((p) => `embed/timeline/${p}`)]) {
    await page.goto(strict.url + path);
    await hydrated(page);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    assert.equal(await page.locator('h1').innerText(), article.headline, path);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined, path);
    assert.equal(await page.locator('.article-body img, .article-body script').count(), 0, path);
    const shown = path.startsWith('?spoilers=shown#') ? 2 : 0;
    assert.equal(await page.locator('.spoiler-toggle[aria-expanded="true"]').count(), path.startsWith('embed/') ? 0 : shown, path);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('with the wasm blocked the article still reads and the controls say they need it', async () => {
  const { context, page } = await guarded();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(plain.url);
  await page.waitForSelector(`html[${WASM_STATE}="failed"]`, { state: 'attached' });
  for (const p of article.body) assert.ok(await page.locator(`#p-${p.id}`).isVisible());
  const note = page.getByRole('note');
  assert.ok(await note.isVisible());
  assert.match(await note.innerText(), /interactive parts/);
  assert.equal(await page.getByRole('button', { name: 'Show all spoilers' }).getAttribute('aria-disabled'), 'true');
  assert.equal(await page.locator(`html[${HYDRATED}]`).count(), 0);
  await context.close();
});

test('with WebAssembly working the note stays hidden', async () => {
  const { context, page, problems } = await guarded();
  await page.goto(plain.url);
  await hydrated(page);
  assert.equal(await page.getByRole('note').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a panic in the wasm leaves the article readable', async () => {
  const { context, page, problems } = await guarded();
  // Markup that differs from what the components render makes hydration panic.
  await page.route(plain.url, async (route) => {
    const html = await (await fetch(plain.url)).text();
    await route.fulfill({ contentType: 'text/html', body: html.replace(/<ol class="timeline-list"[\s\S]*?<\/ol>/, '<div></div>') });
  });
  await page.goto(plain.url);
  await page.waitForFunction(() => true);
  await page.waitForTimeout(1500);
  // A release carries no panic hook (1.2 KB of gzip), so the panic surfaces as the trap it is.
  assert.ok(problems.some((p) => /panicked at|unreachable/.test(p)), `the panic is reported: ${problems.join('\n')}`);
  for (const p of article.body) assert.ok(await page.locator(`#p-${p.id}`).isVisible(), p.id);
  assert.equal(await page.locator('h1').innerText(), article.headline);
  await context.close();
});

test('the embed pages and the embed code run under the strict CSP too', async () => {
  const { context, page, problems } = await guarded();
  for (const section of ['article', 'timeline', 'quotes', 'synopsis']) {
    await page.goto(`${strict.url}embed/${section}/?theme=dark`);
    await hydrated(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', section);
  }
  await page.goto(strict.url);
  await hydrated(page);
  await page.getByRole('button', { name: 'Embed this article' }).click();
  assert.match(await page.getByLabel('Iframe, sized by embed.js').inputValue(), /^<iframe /);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
