// What a publisher meets pasting our snippets into a hostile page of another origin: widgets
// that keep to their own box at every width, that are sized and readable without their wasm,
// that speak Pym.js and AMP as well as embed.js, that can copy from inside the iframe, and a
// headers file that deploys dist/ as the tests serve it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { publicUrl, siteHeaders } from '../support/server.mjs';
import { useHosts } from '../support/hosts.mjs';
import { article, dist } from '../support/site.mjs';
import { watchedPage, hydrated } from '../support/browser.mjs';
import { HYDRATED, WASM_STATE } from '../support/contract.mjs';

const HOSTILE_CSS = '<style>* { color: red !important; margin: 30px; line-height: 3 !important; } p { display: none; } body { font-size: 40px; }</style>';
let widget, host, hostDir, browser;
useHosts((started) => ({ widget, host, hostDir, browser } = started), (dir) => copyFile('node_modules/pym.js/dist/pym.v1.min.js', join(dir, 'pym.v1.min.js')));

/** Writes a host page on the host's origin and returns its address. */
async function hostPage(name, body, head = '') {
  await writeFile(
    join(hostDir, `${name}.html`),
    `<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,">${HOSTILE_CSS}${head}</head><body>${body}</body></html>`,
  );
  return `${host.url}${name}.html`;
}

const iframe = (id, section, extra = '') =>
  `<iframe data-look-back="${id}" src="${widget.url}embed/${section}/?id=${id}" title="${section}" style="border:0;width:100%" height="300" sandbox="allow-scripts allow-popups" ${extra}></iframe>`;
const element = (id, section) => `<look-back-article id="${id}" section="${section}"><a href="${widget.url}">${article.headline}</a></look-back-article>`;

/** Until the frame's height stops changing and matches its content. */
async function frameFits(page, selector) {
  const handle = page.locator(selector);
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
    const frame = await (await handle.elementHandle()).contentFrame();
    const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height).catch(() => -1);
    if (Math.abs(outer - content) <= 2 && outer === last) return { outer, content, frame };
    last = outer;
    await page.waitForTimeout(150);
  }
  throw new Error(`${selector} never fitted its content`);
}

test('at host widths from 320 to 1440 px, widgets of 300 to 1000 px keep within their box', async () => {
  const widths = [300, 600, 1000];
  const body = `<main style="margin:0">${widths
    .map((w) => `<div style="max-width:${w}px;margin:0">${element(`e${w}`, 'article')}${iframe(`f${w}`, 'article')}</div>`)
    .join('')}</main><script src="${widget.url}embed.js"></script><script type="module" src="${widget.url}widget.js"></script>`;
  const url = await hostPage('widths', body);
  for (const windowWidth of [320, 768, 1280, 1440]) {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: windowWidth, height: 900 } });
    await page.goto(url);
    for (const w of widths) {
      const el = page.locator(`#e${w}`);
      await el.locator('h1#headline').waitFor();
      await el.locator('.pull-quote').first().waitFor();
      // Every box inside the element, pull quotes in a side column included, stays inside it.
      const spill = await el.evaluate((hostElement) => {
        const box = hostElement.getBoundingClientRect();
        const out = [];
        for (const node of hostElement.shadowRoot.querySelectorAll('*')) {
          const r = node.getBoundingClientRect();
          if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) out.push(`${node.className || node.tagName}: ${Math.round(r.left)}-${Math.round(r.right)}`);
        }
        return out;
      });
      assert.deepEqual(spill, [], `element ${w} px in a ${windowWidth} px window`);
      const { frame } = await frameFits(page, `iframe[data-look-back="f${w}"]`);
      assert.equal(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `iframe ${w} px in a ${windowWidth} px window`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `the ${windowWidth} px host scrolls sideways`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('in a wide quotes embed the quotes are its column, not a side column beside nothing', async () => {
  const { context, page } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
  await page.goto(`${widget.url}embed/quotes/`);
  const column = await page.locator('main').evaluate((m) => {
    const r = m.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });
  for (const quote of await page.locator('.pull-quote').all()) {
    const r = await quote.evaluate((q) => q.getBoundingClientRect().toJSON());
    assert.ok(r.left >= column.left && r.right <= column.right, `a quote at ${Math.round(r.left)}-${Math.round(r.right)} outside ${column.left}-${column.right}`);
  }
  await context.close();
});

test('the iframe and the element share one type scale, set by their own width', async () => {
  const url = await hostPage('type', `<div style="width:600px">${element('e', 'article')}</div><div style="width:600px">${iframe('f', 'article')}</div><script type="module" src="${widget.url}widget.js"></script>`);
  const { context, page } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.locator('#e h1#headline').waitFor();
  const size = (root) => root.evaluate((r) => parseFloat(getComputedStyle((r.shadowRoot ?? r).querySelector('.article-body p')).fontSize));
  const inElement = await size(page.locator('#e'));
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.waitForSelector('.article-body p');
  const inFrame = await frame.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize));
  assert.ok(Math.abs(inElement - inFrame) <= 0.5, `element ${inElement} px, iframe ${inFrame} px`);
  await context.close();
});

test('with the wasm blocked, the iframe and the element are readable, and a tapped control says why', async () => {
  const url = await hostPage(
    'blocked',
    `${iframe('f', 'synopsis')}${element('e', 'timeline')}<script src="${widget.url}embed.js"></script><script type="module" src="${widget.url}widget.js"></script>`,
  );
  const { context, page } = await watchedPage(browser, { viewport: { width: 320, height: 800 } });
  const said = [];
  page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`uncaught: ${e.message}`));
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(url);
  const { outer, frame } = await frameFits(page, 'iframe');
  assert.ok(outer > 200 && outer < 1200, `the frame takes its content's height, ${outer} px, not the snippet's`);
  assert.ok(await frame.getByText(`Spoiler: ${article.synopsis.blocks[0].label}`).isVisible());
  assert.ok(await frame.getByRole('link', { name: 'Read the full article' }).isVisible());
  // The element's words come pre-rendered: every event of the timeline, with no wasm at all.
  const el = page.locator('#e');
  await el.locator(`.look-back-root[${WASM_STATE}="failed"]`).waitFor({ state: 'attached' });
  for (const event of article.events) assert.ok(await el.locator(`#event-${event.id}`).getByText(event.title).first().isVisible(), event.id);
  assert.ok(await el.locator('.wasm-note').isVisible(), 'the element says its controls need the script');
  // As a tap would reach it, wherever the host's layout has moved it by now.
  await el.locator('.event-pick').first().dispatchEvent('click');
  await el.locator('.control-note.shown').waitFor();
  const warnings = said.filter((s) => s.startsWith('warning: <look-back-article>'));
  assert.equal(warnings.length, 1, said.join('\n'));
  assert.match(warnings[0], /could not start/);
  // The browser reports the refused requests themselves; no script error reaches the host.
  assert.deepEqual(said.filter((s) => s.startsWith('uncaught') || (s.startsWith('error') && !/Failed to load resource/.test(s))), []);
  await context.close();
});

test('with its fragment blocked, the element keeps the link the publisher put in it', async () => {
  const url = await hostPage('no-fragment', `${element('e', 'quotes')}<script type="module" src="${widget.url}widget.js"></script>`);
  const { context, page } = await watchedPage(browser, { viewport: { width: 390, height: 800 } });
  const said = [];
  page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
  await page.route('**/fragment-*', (route) => route.abort());
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('look-back-article'));
  await page.waitForTimeout(500);
  const link = page.locator('#e a');
  assert.ok(await link.isVisible(), 'the element keeps its link to the article');
  assert.equal(await link.getAttribute('href'), widget.url);
  assert.equal(said.filter((s) => s.startsWith('warning: <look-back-article>')).length, 1, said.join('\n'));
  await context.close();
});

test('a Pym.js host sizes the embed with its own script, from Pym height messages', async () => {
  const url = await hostPage(
    'pym',
    `<div id="lb"></div><script src="pym.v1.min.js"></script><script>window.lb = new pym.Parent('lb', '${widget.url}embed/timeline/', {});</script>`,
  );
  const { context, page, problems } = await watchedPage(browser, { viewport: { width: 800, height: 900 } });
  await page.goto(url);
  const frame = page.locator('#lb iframe');
  await frame.waitFor();
  assert.match(await frame.getAttribute('src'), /[?&]childId=lb\b/);
  await page.waitForFunction(() => {
    const f = document.querySelector('#lb iframe');
    const inner = f.contentDocument;
    return f.getAttribute('height') && Number.parseInt(f.getAttribute('height'), 10) > 400;
  });
  const { outer, content } = await frameFits(page, '#lb iframe');
  assert.ok(Math.abs(outer - content) <= 2, `pym set ${outer} px for ${content} px of content`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an AMP host that only listens for amp-iframe's embed-size gets the height", async () => {
  const listener = `<script>
    const frame = document.querySelector('iframe');
    addEventListener('message', (e) => {
      if (e.source === frame.contentWindow && e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') frame.style.height = e.data.height + 'px';
    });
  </script>`;
  const url = await hostPage('amp', `${iframe('a', 'quotes', 'resizable')}${listener}`);
  const { context, page, problems } = await watchedPage(browser, { viewport: { width: 600, height: 900 } });
  await page.goto(url);
  const { outer, content } = await frameFits(page, 'iframe');
  assert.ok(outer > 300, `${outer}`);
  assert.ok(Math.abs(outer - content) <= 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Copy quote works inside the iframe as the page's own snippet pastes it", async () => {
  const { context, page, problems } = await watchedPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(widget.url);
  await hydrated(page);
  await page.getByRole('button', { name: 'Embed this article' }).click();
  await page.locator('.embed-code').getByLabel('Show').selectOption('quotes');
  const snippet = await page.getByLabel('Iframe, sized by embed.js').inputValue();
  assert.match(snippet, /allow="clipboard-write; web-share"/);
  assert.match(snippet, /loading="lazy"/);
  assert.match(snippet, /width="100%"/);
  assert.match(snippet, /title="[^"]+"/);
  await page.goto(await hostPage('copy', snippet));
  const frame = page.frameLocator('iframe');
  await frame.locator(`html[${HYDRATED}]`).waitFor({ state: 'attached' });
  await frame.getByRole('button', { name: 'Copy quote' }).first().click();
  await frame.getByRole('status').filter({ hasText: 'Quote copied.' }).first().waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), new RegExp(article.quotes[0].text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('first heights leave a small gap rather than a scroll: the snippet on a 390 px phone, oEmbed at its own width', async () => {
  const page = await (await fetch(widget.url)).text();
  const heights = page.match(/data-first-heights="(\d+) (\d+) (\d+) (\d+)"/)?.slice(1).map(Number);
  assert.ok(heights, 'the page carries the first heights for its Embed control');
  for (const [i, section] of ['article', 'timeline', 'quotes', 'synopsis'].entries()) {
    const oembed = await (await fetch(`${widget.url}oembed/${section}.json`)).json();
    const snippet = Number(oembed.html.match(/ height="(\d+)"/)[1]);
    assert.equal(snippet, oembed.height, `${section}: the oEmbed snippet is as tall as the answer says`);
    for (const [width, first] of [[390, heights[i]], [oembed.width, oembed.height]]) {
      const { context, page } = await watchedPage(browser, { viewport: { width, height: 800 } });
      await page.goto(`${widget.url}embed/${section}/`);
      await hydrated(page);
      const real = await page.evaluate(() => document.documentElement.getBoundingClientRect().height);
      assert.ok(first >= real && first <= real * 1.3, `${section} at ${width} px: first height ${first} px, content ${Math.round(real)} px`);
      await context.close();
    }
  }
});

test('dist/_headers holds the policy docs/hosting.md gives hosts, for the origin the release was built for', async () => {
  const rules = siteHeaders(dist);
  // docs/hosting.md writes the site's origin as https://news.example and leaves the stylesheet's hash to the build.
  const readme = await readFile('docs/hosting.md', 'utf8');
  const told = readme.match(/\| `Content-Security-Policy: ([^`]+)`/)?.[1] ?? '';
  const origin = new URL(publicUrl(dist)).origin;
  const page = await readFile(join(dist, 'index.html'), 'utf8');
  const hash = createHash('sha256').update(page.match(/<style>([\s\S]*?)<\/style>/)[1]).digest('base64');
  const policy = told.replaceAll('https://news.example', origin).replace("'sha256-…'", `'sha256-${hash}'`);
  assert.match(told, /script-src 'self' https:\/\/news\.example 'wasm-unsafe-eval'/, 'docs/hosting.md names the origin beside self');
  assert.equal(rules.get('/')['content-security-policy'], `${policy}; frame-ancestors 'self' ${origin}`);
  assert.equal(rules.get('/index.html')['content-security-policy'], `${policy}; frame-ancestors 'self' ${origin}`);
  for (const section of ['article', 'timeline', 'quotes', 'synopsis']) {
    assert.equal(rules.get(`/embed/${section}/`)['content-security-policy'], `${policy}; frame-ancestors *`);
  }
  const files = async (dir, prefix = '') =>
    (await readdir(join(dir, prefix), { withFileTypes: true })).flatMap((e) => (e.isDirectory() ? [] : [`${prefix}${e.name}`]));
  const top = (await files(dist)).filter((f) => f !== '_headers' && !/\.(gz|br)$/.test(f));
  for (const f of top) assert.ok(rules.has(`/${f}`), `no rule for ${f}`);
  const wasm = top.find((f) => /^look-back-[0-9a-f]{10,16}_bg\.wasm$/.test(f));
  assert.ok(wasm, top.join(', '));
  assert.equal(rules.get(`/${wasm}`)['content-type'], 'application/wasm');
  assert.equal(rules.get(`/${wasm}`)['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(rules.get(`/${wasm}`)['access-control-allow-origin'], '*');
  assert.equal(rules.get('/widget.js')['cache-control'], 'public, max-age=300');
  assert.equal(rules.get('/synopsis.json')['access-control-allow-origin'], '*');
});

test('every text file and the wasm ship precompressed, gzip and Brotli, with the same bytes inside', async () => {
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const all = [];
  const walk = async (prefix = '') => {
    for (const e of await readdir(join(dist, prefix), { withFileTypes: true })) {
      if (e.isDirectory()) await walk(`${prefix}${e.name}/`);
      else all.push(`${prefix}${e.name}`);
    }
  };
  await walk();
  const texts = all.filter((f) => /\.(html|js|css|json|webmanifest|svg|wasm)$/.test(f));
  assert.ok(texts.some((f) => f.endsWith('.wasm')) && texts.includes('embed/timeline/index.html'), texts.join(', '));
  for (const f of texts) {
    const raw = await readFile(join(dist, f));
    assert.deepEqual(gunzipSync(await readFile(join(dist, `${f}.gz`))), raw, `${f}.gz`);
    const br = await readFile(join(dist, `${f}.br`));
    assert.deepEqual(brotliDecompressSync(br), raw, `${f}.br`);
    if (f.endsWith('.wasm')) assert.ok(br.length < (await readFile(join(dist, `${f}.gz`))).length, 'Brotli beats gzip on the wasm');
  }
  assert.equal(all.filter((f) => /\.png\.(gz|br)$/.test(f)).length, 0, 'images are not compressed again');
});

test("a release's scripts and stylesheet ship minified: no comments, no indentation, shorter than written", async () => {
  const names = (await readdir(dist)).filter((f) => /\.(js|css)$/.test(f));
  assert.ok(names.some((f) => /^loader-[0-9a-f]+\.js$/.test(f)) && names.some((f) => /^element-[0-9a-f]+\.css$/.test(f)), names.join(', '));
  for (const name of names) {
    const text = await readFile(join(dist, name), 'utf8');
    assert.doesNotMatch(text, /^\s*(\/\/|\/\*)|\n {2}/m, `${name} is shipped as written`);
  }
  for (const name of ['passages.js', 'frame.js', 'embed.js']) {
    const [shipped, written] = await Promise.all([readFile(join(dist, name)), readFile(new URL(`../../assets/${name}`, import.meta.url))]);
    assert.ok(shipped.length < written.length * 0.6, `${name}: ${shipped.length} of ${written.length} bytes`);
  }
  const page = await readFile(join(dist, 'index.html'), 'utf8');
  const css = page.match(/<style>([\s\S]*?)<\/style>/)[1];
  // One line per stylesheet bundled.
  assert.doesNotMatch(css, /\/\*|\n\s/, 'the inline stylesheet is minified');
});
