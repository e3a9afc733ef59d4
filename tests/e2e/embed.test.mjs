// The iframe widget on a publisher's page: the host on one origin (localhost) with hostile
// CSS, the widget on another (127.0.0.1). It sizes itself to its content, ignores messages
// from anyone else, works sandboxed with storage blocked, and takes the host's theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article } from '../support/site.mjs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useHosts } from '../support/hosts.mjs';
import { watchedPage, axeViolations, hydrated, boxesAcrossHydration, layoutShifts, UNSEEN_SHIFT } from '../support/browser.mjs';
import { HYDRATED } from '../support/contract.mjs';

let widget, host, hostDir, browser;
useHosts((started) => ({ widget, host, hostDir, browser } = started));

const HOSTILE_CSS = '<style>* { color: red !important; margin: 30px; } p { display: none; } iframe { border: 0; width: 100%; }</style>';

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

test('embeds show their text at first paint, and hydrate moving nothing', async () => {
  for (const section of ['article', 'timeline', 'quotes', 'synopsis']) {
    const { context, page, problems } = await watchedPage(browser);
    const { before, after } = await boxesAcrossHydration(page, `${widget.url}embed/${section}/?theme=dark`, async () => {
      assert.ok(await page.locator('h1, h2').first().isVisible(), `${section}: its heading before the wasm`);
    });
    assert.deepEqual(after, before, section);
    const shifts = await layoutShifts(page);
    assert.ok(shifts.total < UNSEEN_SHIFT, `${section}: ${shifts.said}`);
    assert.deepEqual(problems, [], section);
    await context.close();
  }
});

test('every section has a pre-rendered embed page with a link back to the full article', async () => {
  for (const [section, marker] of [['article', '<h1 id="headline">'], ['timeline', 'class="timeline-list"'], ['quotes', 'aria-label="Pull quote"'], ['synopsis', 'Spoiler: how the story begins']]) {
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
  // Malformed data through the widget's own window: every shape is refused without an error.
  const { frame } = await fit(page, 'tl');
  await frame.evaluate(() => {
    for (const data of [
      'look-back:height',
      null,
      42,
      { type: 'look-back:height', id: 'tl', height: 'tall' },
      { type: 'look-back:height', id: 'tl', height: -5 },
      { type: 'look-back:height', id: 'tl', height: 1e9 },
      { type: 'look-back:height', id: 'tl', height: NaN },
      { type: 'look-back:height', id: ['tl'], height: 5 },
      { type: 'look-back:height', id: 'other', height: 5 },
      { type: 'other', id: 'tl', height: 5 },
    ]) {
      parent.postMessage(data, '*');
    }
  });
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
  await frame.getByText(first.text).waitFor();
  // "This site" would be the publisher's to the reader: the embed does not offer it.
  assert.equal(await frame.getByLabel('Always show spoilers on this site').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link inside the embed lands on its event', async () => {
  const { context, page, problems } = await watchedPage(browser);
  const last = `event-${article.events.at(-1).id}`;
  await page.goto(await hostPage('deep', [{ id: 'd', section: 'timeline', query: `#${last}` }]));
  await settled(page, 'd');
  const { frame } = await fit(page, 'd');
  assert.ok(await frame.locator(`#${last}`).evaluate((li) => li.matches(':target')));
  assert.equal(await frame.locator(`#${last} .event-read a`).getAttribute('target'), '_blank', 'events open the full article');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const section of ['timeline', 'quotes', 'synopsis']) {
  test(`axe-core finds no violations inside the ${section} widget`, async () => {
    // The widget is served with its real policy, which would refuse axe's inline script.
    const { context, page } = await watchedPage(browser, { bypassCSP: true });
    await page.goto(`${widget.url}embed/${section}/`);
    await hydrated(page);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

/** A host page with <look-back-article> elements and widget.js; `head` goes into its head. */
async function elementPage(name, elements, head = '') {
  await writeFile(
    join(hostDir, `${name}.html`),
    `<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,">${head}${HOSTILE_CSS}</head><body><main>${elements}</main><script type="module" src="${widget.url}widget.js"></script></body></html>`,
  );
  return `${host.url}${name}.html`;
}

test('the element shows its words before its wasm, and a tap in that time is replayed once, inside its shadow root', async () => {
  const { context, page, problems } = await watchedPage(browser);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(await elementPage('replay', '<look-back-article id="s" section="synopsis"></look-back-article>'));
  const [first] = article.synopsis.blocks;
  const el = page.locator('#s');
  const toggle = el.getByRole('button', { name: `Spoiler: ${first.label}` });
  await toggle.waitFor();
  assert.equal(await el.locator(`.look-back-root[${HYDRATED}]`).count(), 0, 'not live yet: the wasm is held back');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-busy'), 'true', 'the tap is held, and shown as pending');
  release();
  await el.locator(`.look-back-root[${HYDRATED}]`).waitFor({ state: 'attached' });
  await el.getByText(first.text).waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'replayed once: open, not opened and closed');
  assert.equal(await toggle.getAttribute('aria-busy'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a host that enforces Trusted Types, the element works with its one policy allowed', async () => {
  const policy = (allowed) =>
    `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types ${allowed}">`;
  const { context, page, problems } = await watchedPage(browser);
  const violations = [];
  page.on('console', (m) => /Trusted Type/i.test(m.text()) && violations.push(m.text()));
  await page.goto(await elementPage('trusted', '<look-back-article id="t" section="timeline"></look-back-article>', policy('look-back-article')));
  const el = page.locator('#t');
  await el.locator(`.look-back-root[${HYDRATED}]`).waitFor({ state: 'attached' });
  const [event] = article.events;
  await el.locator(`#event-${event.id} .event-pick`).click();
  assert.equal(await el.locator(`#event-${event.id} .event-pick`).getAttribute('aria-pressed'), 'true');
  assert.deepEqual([...problems, ...violations], []);
  await context.close();

  // Without the policy allowed, the host keeps the publisher's link and one warning.
  const refused = await watchedPage(browser);
  const warnings = [];
  refused.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await refused.page.goto(
    await elementPage('untrusted', `<look-back-article id="t" section="timeline"><a href="${widget.url}">${article.headline}</a></look-back-article>`, policy('none')),
  );
  await refused.page.waitForFunction(() => customElements.get('look-back-article'));
  await refused.page.waitForTimeout(500);
  assert.ok(await refused.page.locator('#t a').isVisible(), 'the link stays');
  assert.equal(warnings.filter((w) => w.startsWith('<look-back-article>')).length, 1, warnings.join('\n'));
  await refused.context.close();
});

test('memory stays flat over 100 section changes: no node, listener or heap is kept', async () => {
  const { context, page, problems } = await watchedPage(browser);
  await page.goto(await elementPage('memory', '<look-back-article id="m" section="article"></look-back-article>'));
  const el = page.locator('#m');
  await el.locator(`.look-back-root[${HYDRATED}]`).waitFor({ state: 'attached' });
  const cdp = await context.newCDPSession(page);
  const sections = ['timeline', 'quotes', 'synopsis', 'article'];
  const change = (times) =>
    el.evaluate(async (node, { times, sections, hydrated }) => {
      for (let i = 0; i < times; i++) {
        node.setAttribute('section', sections[i % sections.length]);
        await new Promise((ok) => {
          const live = () => (node.shadowRoot.querySelector(`.look-back-root[${hydrated}] .embed-${sections[i % sections.length]}`) ? ok() : requestAnimationFrame(live));
          live();
        });
      }
    }, { times, sections, hydrated: HYDRATED });
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
    return { nodes, jsEventListeners, usedSize, wasm };
  };
  // Warmed up first: every section shown once, so that what is kept for the page's life is in.
  await change(20);
  const before = await measure();
  await change(100);
  const after = await measure();
  if (process.env.LOOK_BACK_SHOW_MEMORY) console.log(before, after);
  assert.ok(after.nodes <= before.nodes * 1.05 + 50, `DOM nodes: ${before.nodes} then ${after.nodes}`);
  assert.ok(after.jsEventListeners <= before.jsEventListeners + 10, `listeners: ${before.jsEventListeners} then ${after.jsEventListeners}`);
  assert.ok(after.usedSize <= before.usedSize * 1.2 + 256 * 1024, `JS heap: ${before.usedSize} then ${after.usedSize}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two custom elements work independently and the host CSS restyles neither', async () => {
  const { context, page, problems } = await watchedPage(browser);
  await page.goto(await elementPage('elements', '<look-back-article id="a" section="synopsis" theme="dark"></look-back-article><look-back-article id="b" section="synopsis"></look-back-article>'));
  const [first] = article.synopsis.blocks;
  const a = page.locator('#a');
  const b = page.locator('#b');
  await a.getByRole('button', { name: `Spoiler: ${first.label}` }).waitFor();
  await b.getByRole('button', { name: `Spoiler: ${first.label}` }).waitFor();
  await a.getByRole('button', { name: `Spoiler: ${first.label}` }).click();
  await a.getByText(first.text).waitFor();
  assert.equal(await b.getByText(first.text).count(), 0, 'the other element stays closed');
  const look = (el) =>
    el.evaluate((host) => {
      const p = host.shadowRoot.querySelector('.synopsis h2');
      const style = getComputedStyle(p);
      return { color: style.color, display: style.display, hostMargin: getComputedStyle(host).marginTop, background: getComputedStyle(host).backgroundColor };
    });
  const dark = await look(a);
  const light = await look(b);
  for (const seen of [dark, light]) {
    assert.notEqual(seen.color, 'rgb(255, 0, 0)');
    assert.equal(seen.hostMargin, '0px');
    assert.notEqual(seen.display, 'none');
  }
  assert.equal(dark.background, 'rgb(20, 20, 20)');
  assert.equal(light.background, 'rgb(255, 255, 255)');
  assert.ok(await a.locator('p.kicker').isVisible(), 'host "p { display: none }" does not reach in');
  assert.deepEqual(problems, []);
  await context.close();
});

test('attributes apply live, bad ones fall back with a warning, removal leaves no error', async () => {
  const { context, page, problems } = await watchedPage(browser);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(await elementPage('lifecycle', '<look-back-article id="w" section="nonsense" theme="purple"></look-back-article>'));
  const el = page.locator('#w');
  await el.locator('h1#headline').waitFor();
  assert.ok(warnings.some((w) => w.includes('section="nonsense"')), warnings.join('\n'));
  await el.evaluate((node) => node.setAttribute('section', 'timeline'));
  await el.locator('.embed-timeline .timeline-list').waitFor();
  assert.equal(await el.locator('h1#headline').count(), 0);
  await el.evaluate((node) => node.remove());
  await page.waitForTimeout(300);
  assert.equal(await page.locator('look-back-article').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('oEmbed answers are well-formed and discoverable', async () => {
  for (const section of ['article', 'timeline', 'quotes', 'synopsis']) {
    const response = await fetch(`${widget.url}oembed/${section}.json`);
    assert.equal(response.headers.get('content-type'), 'application/json');
    const answer = await response.json();
    assert.equal(answer.version, '1.0');
    assert.equal(answer.type, 'rich');
    assert.equal(answer.title, article.headline);
    assert.ok(Number.isInteger(answer.width) && Number.isInteger(answer.height) && answer.height > 0);
    assert.match(answer.html, new RegExp(`^<iframe data-look-back="look-back-${section}" src="[^"]+/embed/${section}/\\?id=look-back-${section}" title="[^"]+"`));
    assert.match(answer.html, /<script src="[^"]+\/embed\.js" async><\/script>$/);
  }
  const html = await (await fetch(widget.url)).text();
  assert.match(html, /<link rel="alternate" type="application\/json\+oembed" href="[^"]+\/oembed\/article\.json" title="The Look Back anime had a difficult production">/);
  const timeline = await (await fetch(`${widget.url}embed/timeline/`)).text();
  assert.match(timeline, /href="[^"]+\/oembed\/timeline\.json"/);
});

test('the page offers its own embed code, and the pasted snippet works on a host page', async () => {
  const { context, page, problems } = await watchedPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(widget.url);
  await hydrated(page);
  const toggle = page.getByRole('button', { name: 'Embed this article' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('.embed-code').getByLabel('Show').selectOption('timeline');
  await page.locator('.embed-code').getByLabel('Theme').selectOption('dark');
  const snippet = await page.getByLabel('Iframe, sized by embed.js').inputValue();
  assert.ok(snippet.startsWith(`<iframe data-look-back="look-back-timeline" src="${widget.url}embed/timeline/?id=look-back-timeline&amp;theme=dark"`), snippet);
  assert.match(snippet, /title="[^"]+"/);
  const element = await page.getByLabel('Web component, no iframe').inputValue();
  const height = snippet.match(/ height="(\d+)"/)[1];
  assert.equal(element, `<look-back-article section="timeline" theme="dark" style="display:block;min-height:${height}px"><a href="${widget.url}">${article.headline}</a></look-back-article>\n<script type="module" src="${widget.url}widget.js"></script>`);
  await page.getByRole('button', { name: 'Copy iframe code' }).click();
  await page.locator('.embed-code').getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  assert.deepEqual(problems, []);
  await context.close();

  const pasted = await watchedPage(browser);
  await writeFile(join(hostDir, 'pasted.html'), `<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,">${HOSTILE_CSS}</head><body><main>${snippet}</main></body></html>`);
  await pasted.page.goto(`${host.url}pasted.html`);
  await settled(pasted.page, 'look-back-timeline');
  const { outer, content, frame } = await fit(pasted.page, 'look-back-timeline');
  assert.ok(Math.abs(outer - content) <= 2, `${outer} vs ${content}`);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(pasted.problems, []);
  await pasted.context.close();
});

test('deep links reach into the element and the quotes embed; its shares point at the article', async () => {
  const { context, page, problems } = await watchedPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const [first, second] = article.events.slice(-2).map((e) => `event-${e.id}`);
  await page.goto(await elementPage('anchors', `<look-back-article id="t" section="timeline" anchor="${first}"></look-back-article><look-back-article id="q" section="quotes" anchor="<img>"></look-back-article>`));
  const chosen = page.locator('#t').locator(`#${first}`);
  await chosen.waitFor();
  assert.ok(await chosen.evaluate((li) => li.classList.contains('is-target')));
  assert.ok(warnings.some((w) => w.includes('anchor="<img>"')), warnings.join('\n'));
  await page.locator('#t').evaluate((el, id) => el.setAttribute('anchor', id), second);
  assert.ok(await page.locator('#t').locator(`#${second}`).evaluate((li) => li.classList.contains('is-target')));
  assert.equal(await chosen.evaluate((li) => li.classList.contains('is-target')), false);
  assert.deepEqual(problems, []);
  await context.close();

  const framed = await watchedPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await framed.page.goto(`${widget.url}embed/quotes/#quote-${article.quotes[1].id}`);
  await hydrated(framed.page);
  const quote = framed.page.locator(`#quote-${article.quotes[1].id}`);
  assert.ok(await quote.evaluate((el) => el.matches(':target')));
  await quote.getByRole('button', { name: 'Copy quote' }).click();
  await quote.getByRole('status').filter({ hasText: 'Quote copied.' }).waitFor();
  const copied = await framed.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.endsWith(`\n${widget.url}#quote-${article.quotes[1].id}`), copied);
  assert.equal(await framed.page.locator('.pull-quote').nth(1).locator('blockquote').getAttribute('aria-hidden'), null, 'read aloud when alone');
  assert.deepEqual(framed.problems, []);
  await framed.context.close();
});
