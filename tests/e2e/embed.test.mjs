// The iframe widget on a publisher's page: the host on one origin (localhost) with hostile
// CSS, the widget on another (127.0.0.1). It sizes itself to its content, ignores messages
// from anyone else, works sandboxed with storage blocked, and takes the host's theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { serve } from '../support/server.mjs';
import { launch, watchedPage, axeViolations } from '../support/browser.mjs';

const dist = process.env.DIST ?? 'dist';
const article = parse(await readFile('content/article.toml', 'utf8'));
let widget, host, hostDir, browser;

const HOSTILE_CSS = '<style>* { color: red !important; margin: 30px; } p { display: none; } iframe { border: 0; width: 100%; }</style>';

before(async () => {
  // Module scripts and the wasm load with CORS, and a sandboxed frame's origin is "null".
  widget = await serve(dist, { headers: { 'access-control-allow-origin': '*' } });
  hostDir = await mkdtemp(join(tmpdir(), 'look-back-host-'));
  host = await serve(hostDir, { host: 'localhost' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
});

/** A host page with the given iframes, as a publisher pastes them, and embed.js. */
async function hostPage(name, frames) {
  const tags = frames
    .map(({ id, section, query = '', sandbox = 'allow-scripts allow-popups', height = 400 }) =>
      `<iframe data-look-back="${id}" src="${widget.url}embed/${section}/?id=${id}${query}" title="${section}" height="${height}" sandbox="${sandbox}"></iframe>`,
    )
    .join('\n');
  await writeFile(join(hostDir, `${name}.html`), `<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,">${HOSTILE_CSS}</head><body><main>${tags}</main><script src="${widget.url}embed.js"></script></body></html>`);
  return `${host.url}${name}.html`;
}

/** The iframe's height and its content's, and whether it scrolls inside. */
async function fit(page, id) {
  const frameElement = page.locator(`iframe[data-look-back="${id}"]`);
  const outer = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
  const frame = await (await frameElement.elementHandle()).contentFrame();
  const inner = await frame.evaluate(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    scrolls: document.documentElement.scrollHeight > innerHeight + 1,
  }));
  return { outer, ...inner, frame };
}

async function settled(page, id) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const { outer, content } = await fit(page, id);
    if (Math.abs(outer - content) <= 2 && outer === last) return;
    last = outer;
    await page.waitForTimeout(150);
  }
}

test('every section has a pre-rendered embed page with a link back to the full article', async () => {
  for (const [section, marker] of [['article', '<h1 id="headline">'], ['timeline', 'class="timeline-list"'], ['quotes', 'Pull quote 1'], ['synopsis', 'Spoiler: how the story begins']]) {
    const html = await (await fetch(`${widget.url}embed/${section}/`)).text();
    assert.ok(html.includes(marker), section);
    assert.ok(html.includes('href="../../" target="_blank" rel="noopener" class="embed-read-all">Read the full article</a>'), section);
    assert.ok(html.includes('<meta name="robots" content="noindex">'), section);
    for (const block of article.synopsis.blocks) assert.ok(!html.includes(block.text.slice(0, 40)), `${section} leaks the synopsis`);
  }
});

test('the iframe takes its content height, on load, after a reveal and after a resize', async () => {
  const { context, page, problems } = await watchedPage(browser, { viewport: { width: 900, height: 800 } });
  await page.goto(await hostPage('sizes', [{ id: 'syn', section: 'synopsis' }, { id: 'tl', section: 'timeline', height: 300 }]));
  for (const id of ['syn', 'tl']) {
    await settled(page, id);
    const { outer, content, scrolls } = await fit(page, id);
    assert.ok(Math.abs(outer - content) <= 2, `${id}: frame ${outer} vs content ${content}`);
    assert.equal(scrolls, false, `${id} scrolls inside`);
  }
  const { frame } = await fit(page, 'syn');
  const before = (await fit(page, 'syn')).outer;
  await frame.getByRole('button', { name: 'Show all spoilers' }).click();
  await settled(page, 'syn');
  const revealed = await fit(page, 'syn');
  assert.ok(revealed.outer > before + 50, 'the frame grew with the revealed text');
  assert.ok(Math.abs(revealed.outer - revealed.content) <= 2);
  await page.setViewportSize({ width: 400, height: 800 });
  await settled(page, 'syn');
  const narrow = await fit(page, 'syn');
  assert.ok(narrow.outer > revealed.outer, 'narrower means taller');
  assert.ok(Math.abs(narrow.outer - narrow.content) <= 2);
  assert.equal(narrow.scrolls, false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('height messages from another window or origin are ignored', async () => {
  const { context, page } = await watchedPage(browser);
  await page.goto(await hostPage('spoof', [{ id: 'tl', section: 'timeline' }]));
  await settled(page, 'tl');
  const honest = (await fit(page, 'tl')).outer;
  // The host page itself, then a rogue frame of the host's origin, claim to be the widget.
  await page.evaluate(() => postMessage({ type: 'look-back:height', id: 'tl', height: 7 }, '*'));
  await page.evaluate(() => {
    const rogue = document.createElement('iframe');
    rogue.srcdoc = "<script>parent.postMessage({type: 'look-back:height', id: 'tl', height: 9}, '*')<\/script>";
    document.body.append(rogue);
  });
  await page.waitForTimeout(500);
  assert.equal((await fit(page, 'tl')).outer, honest);
  await context.close();
});

test('a sandboxed widget with blocked storage renders and works, in the host theme', async () => {
  const { context, page, problems } = await watchedPage(browser);
  await page.goto(await hostPage('sandboxed', [{ id: 's', section: 'synopsis', query: '&theme=dark', sandbox: 'allow-scripts' }]));
  await settled(page, 's');
  const { frame } = await fit(page, 's');
  assert.equal(await frame.evaluate(() => origin), 'null');
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 20, 20)');
  const [first] = article.synopsis.blocks;
  await frame.getByRole('button', { name: `Spoiler: ${first.label}` }).click();
  assert.ok(await frame.getByText(first.text).isVisible());
  await frame.getByLabel('Always show spoilers on this site').check();
  assert.match(await frame.locator('.synopsis').getByRole('status').innerText(), /until you leave the page/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link inside the embed lands on its event', async () => {
  const { context, page, problems } = await watchedPage(browser);
  await page.goto(await hostPage('deep', [{ id: 'd', section: 'timeline', query: '#event-finish' }]));
  await settled(page, 'd');
  const { frame } = await fit(page, 'd');
  assert.ok(await frame.locator('#event-finish').evaluate((li) => li.matches(':target')));
  assert.equal(await frame.locator('#event-finish a').getAttribute('target'), '_blank', 'events open the full article');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const section of ['timeline', 'quotes', 'synopsis']) {
  test(`axe-core finds no violations inside the ${section} widget`, async () => {
    const { context, page } = await watchedPage(browser);
    await page.goto(`${widget.url}embed/${section}/`);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}
