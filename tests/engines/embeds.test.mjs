// Embeds where publishers put them, in all three engines: the build's own snippets pasted, sandbox
// and all, into host pages of another origin with a CMS's stylesheet. Each test asserts what a
// reader of the host sees: live controls, the chosen theme, frames as tall as their content
// after every change of width, the element's type the iframe's, the host's scroll left alone,
// and no error on the host (collected by a script of the host page, as WebKit's driver has no
// console) and no CSP report from the embeds (sent to the test server by `report-uri`).
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, dist } from '../support/site.mjs';
import { publicUrl, serve } from '../support/server.mjs';
import { serveWidget } from '../support/hosts.mjs';
import { chromium, firefox, webkit } from './drivers.mjs';
import { HYDRATED, WASM_STATE } from '../support/contract.mjs';

const SECTIONS = ['article', 'timeline', 'quotes', 'synopsis'];
const SHOTS = 'target/screenshots/engines';
/** Frame and content heights may differ by this much, in CSS pixels. */
const FIT_PX = 4;

/**
 * A CMS theme's stylesheet: a root font size of 62.5% (or 18 px), content-box sizing, its own
 * fonts and line heights.
 */
const cmsCss = (root = '62.5%') => `
  html { font-size: ${root}; }
  *, *::before, *::after { box-sizing: content-box; }
  body { margin: 0; font: 1.8rem/2.2 "Comic Sans MS", Papyrus, fantasy; color: #333; background: #fdfaf3; }
  main { width: 600px; max-width: calc(100% - 40px); padding: 0 20px; margin: 0 auto; }
  h1, h2, p, a, button, li { font-family: Impact, fantasy !important; letter-spacing: .05em; }
  p { margin: 0 0 2.4rem; }
  iframe { display: block; margin: 2rem 0; }`;

/** Collects the host page's own errors: WebKit's driver gives no console. */
const COLLECT = `window.__errors = [];
addEventListener('error', (e) => __errors.push('error: ' + e.message));
addEventListener('unhandledrejection', (e) => __errors.push('rejection: ' + (e.reason && e.reason.message || e.reason)));
const consoleError = console.error.bind(console);
console.error = (...args) => { __errors.push('console: ' + args.join(' ')); consoleError(...args); };`;

/** The iframe snippet the build writes (its oEmbed answer's), with the theme the control adds. */
async function iframeSnippet(section, theme) {
  const { html } = JSON.parse(await readFile(join(dist, `oembed/${section}.json`), 'utf8'));
  const [frame] = html.split('\n');
  return theme ? frame.replace(`?id=look-back-${section}`, `?id=look-back-${section}&amp;theme=${theme}`) : frame;
}

/** embed.js as the snippet loads it. */
async function embedScript() {
  const { html } = JSON.parse(await readFile(join(dist, 'oembed/article.json'), 'utf8'));
  return html.split('\n')[1];
}

/** The element snippet as the page's Embed control writes it. */
function elementSnippet(section, { theme, id, anchor } = {}) {
  const attrs = [id && `id="${id}"`, `section="${section}"`, theme && `theme="${theme}"`, anchor && `anchor="${anchor}"`].filter(Boolean).join(' ');
  return `<look-back-article ${attrs}><a href="${publicUrl(dist)}">${article.headline}</a></look-back-article>`;
}
const widgetScript = () => `<script type="module" src="${publicUrl(dist)}widget.js"></script>`;

/** Errors a host page may log that are not ours: Chromium does not know Safari's web-share. */
const notOurs = (line) => /Unrecognized feature: 'web-share'/.test(line);

// ENGINES=webkit (or a comma-separated list) runs fewer, while working on one.
const only = process.env.ENGINES?.toLowerCase().split(',');
for (const start of [chromium, firefox, webkit].filter((s) => !only || only.includes(s.name))) {
  describe(`${start.name}: embeds as publishers paste them`, () => {
    let browser, widget, host, hostDir;
    const reports = [];
    const blocked = { wasm: false };
    let pages = 0;

    before(async () => {
      widget = await serveWidget(reports, (head) => {
        if (blocked.wasm && head['content-security-policy']) head['content-security-policy'] = head['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
      });
      hostDir = await mkdtemp(join(tmpdir(), 'look-back-publisher-'));
      await writeFile(join(hostDir, 'collect.js'), COLLECT);
      host = await serve(hostDir, { host: 'localhost' });
      browser = await start();
      mkdirSync(SHOTS, { recursive: true });
    });
    after(async () => {
      await browser?.close();
      await widget?.close();
      await host?.close();
    });
    beforeEach(() => {
      reports.length = 0;
    });

    /** Writes a publisher's page with `body` and opens it. */
    async function openHost(body, { css = cmsCss(), width = 1440, height = 900, head = '' } = {}) {
      const name = `page-${++pages}.html`;
      await writeFile(
        join(hostDir, name),
        `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}<title>The Publisher</title><link rel="icon" href="data:,"><script src="collect.js"></script><style>${css}</style></head><body><main><h1>The Publisher's own headline</h1><p>The publisher's own words, before the embed.</p>${body}<p id="after">The publisher's own words, after the embed.</p></main></body></html>`,
      );
      await browser.viewport(width, height);
      await browser.open(`${host.url}${name}`);
    }

    /** The host's errors and the engine's, less those that are not ours, and the CSP reports. */
    async function problems() {
      const hostErrors = (await browser.evaluate(() => window.__errors)) ?? ['the host page lost its error collector'];
      return { errors: [...hostErrors, ...browser.errors.splice(0)].filter((e) => !notOurs(e)), reports: [...reports] };
    }

    const frameOf = (section) => `iframe[data-look-back="look-back-${section}"]`;
    const live = (name) => document.documentElement.hasAttribute(name);

    /** Whether the frame is as tall as its content, within FIT_PX, without scrolling it into view. */
    async function fit(section) {
      const outer = await browser.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, frameOf(section));
      const inner = await browser.inFrame(frameOf(section), () => document.documentElement.getBoundingClientRect().height);
      return { outer, inner, fits: Math.abs(outer - inner) <= FIT_PX };
    }
    async function untilFits(section, when) {
      const end = Date.now() + 15_000;
      let last;
      while (Date.now() < end) {
        last = await fit(section);
        if (last.fits) return last;
        await new Promise((ok) => setTimeout(ok, 200));
      }
      assert.fail(`${section} ${when}: the frame is ${last.outer} px for ${last.inner} px of content`);
    }

    test('a pasted iframe snippet goes live in its sandbox on another origin, in its theme, with no CSP report', async () => {
      await openHost(`${await iframeSnippet('synopsis', 'dark')}${await embedScript()}`);
      const frame = frameOf('synopsis');
      await browser.evaluate((s) => document.querySelector(s).scrollIntoView(), frame);
      assert.equal(await browser.inFrame(frame, () => origin), 'null', 'the snippet sandboxes the frame');
      const end = Date.now() + 20_000;
      while (!(await browser.inFrame(frame, live, HYDRATED))) {
        if (Date.now() > end) assert.fail(`the frame never went live; CSP reports: ${reports.join('\n')}`);
        await new Promise((ok) => setTimeout(ok, 200));
      }
      assert.equal(await browser.inFrame(frame, () => document.documentElement.dataset.theme), 'dark');
      assert.equal(await browser.inFrame(frame, () => getComputedStyle(document.body).backgroundColor), 'rgb(20, 20, 20)');
      const [first] = article.synopsis.blocks;
      await browser.inFrame(frame, (id) => document.querySelector(`[aria-controls="${id}"]`).click(), `spoiler-${first.id}`);
      const shown = async () => browser.inFrame(frame, (id) => document.getElementById(id)?.textContent ?? '', `spoiler-${first.id}`);
      const until = Date.now() + 10_000;
      while ((await shown()) !== first.text && Date.now() < until) await new Promise((ok) => setTimeout(ok, 200));
      assert.equal(await shown(), first.text, '"Show" opens the block');
      await untilFits('synopsis', 'after a block opened');
      assert.deepEqual(await problems(), { errors: [], reports: [] });
    });

    test("frames keep their content's height as the host's width changes, out of view too, and keep the reader's place", async () => {
      await openHost(`${(await Promise.all(SECTIONS.map((s) => iframeSnippet(s)))).join('')}${await embedScript()}`);
      // A reader scrolls down through every frame (they load lazily), then to the bottom.
      for (const section of SECTIONS) {
        await browser.evaluate((s) => document.querySelector(s).scrollIntoView(), frameOf(section));
        // Generous: four frames start their wasm at once on a shared two-core machine.
        const end = Date.now() + 45_000;
        while (!(await browser.inFrame(frameOf(section), live, HYDRATED).catch(() => false))) {
          if (Date.now() > end) assert.fail(`${section} never went live`);
          await new Promise((ok) => setTimeout(ok, 200));
        }
        await untilFits(section, 'on load');
      }
      await browser.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      for (const [width, height] of [[390, 844], [1440, 900]]) {
        await browser.viewport(width, height);
        for (const section of SECTIONS) await untilFits(section, `at ${width} px`);
      }
      // A frame wholly above the reader grows: what the reader was looking at stays put.
      await browser.evaluate(() => {
        document.getElementById('after').style.marginTop = '150vh';
        document.getElementById('after').scrollIntoView({ block: 'center' });
      });
      assert.ok(await browser.evaluate((s) => document.querySelector(s).getBoundingClientRect().bottom < 0, frameOf('synopsis')), 'the frame is above the view');
      const at = await browser.evaluate(() => document.getElementById('after').getBoundingClientRect().top);
      const before = (await fit('synopsis')).outer;
      await browser.inFrame(frameOf('synopsis'), () => document.querySelector('button.spoiler-all').click());
      const end = Date.now() + 10_000;
      while ((await fit('synopsis')).outer < before + 50 && Date.now() < end) await new Promise((ok) => setTimeout(ok, 200));
      await untilFits('synopsis', 'after "Show all"');
      await new Promise((ok) => setTimeout(ok, 300));
      const now = await browser.evaluate(() => document.getElementById('after').getBoundingClientRect().top);
      assert.ok(Math.abs(now - at) <= FIT_PX, `the host's words moved from ${at} to ${now} px`);
      assert.deepEqual(await problems(), { errors: [], reports: [] });
    });

    for (const root of ['62.5%', '18px']) {
      test(`the element's type is the iframe's at the same width, on a host whose root size is ${root}`, async () => {
        await openHost(`${await iframeSnippet('article')}${elementSnippet('article', { id: 'element' })}${await embedScript()}${widgetScript()}`, { css: cmsCss(root) });
        await browser.until(() => !!document.getElementById('element').shadowRoot?.querySelector('.article-body p'), 'the element');
        const type = () => {
          const scope = document.getElementById('element')?.shadowRoot ?? document;
          return ['.article-body p', '.kicker', 'h1', '.timeline-list time'].map((s) => parseFloat(getComputedStyle(scope.querySelector(s)).fontSize));
        };
        const element = await browser.evaluate(type);
        const frame = await browser.inFrame(frameOf('article'), type);
        const widths = await browser.evaluate((s) => [document.getElementById('element').getBoundingClientRect().width, document.querySelector(s).getBoundingClientRect().width], frameOf('article'));
        assert.ok(Math.abs(widths[0] - widths[1]) <= 1, `the same width: ${widths}`);
        element.forEach((size, i) => assert.ok(Math.abs(size - frame[i]) <= 0.5, `element ${element} px, iframe ${frame} px`));
        assert.deepEqual(await problems(), { errors: [], reports: [] });
      });
    }

    test('anchor= highlights its part without moving the host; a later anchor is a request to go there', async () => {
      // Any two events of the content file; the first asked for by the snippet, the other later.
      const [asked, later] = [article.events.at(-1), article.events[0]];
      await openHost(`<div style="height: 1500px"></div>${elementSnippet('timeline', { id: 'element', anchor: `event-${asked.id}` })}${widgetScript()}`);
      await browser.until(() => !!document.getElementById('element').shadowRoot?.querySelector('.timeline-list'), 'the element');
      await new Promise((ok) => setTimeout(ok, 300));
      assert.equal(await browser.evaluate(() => scrollY), 0, 'the host stays at its top');
      assert.ok(await browser.evaluate((id) => document.getElementById('element').shadowRoot.getElementById(id).classList.contains('is-target'), `event-${asked.id}`));
      await browser.evaluate((id) => document.getElementById('element').setAttribute('anchor', id), `event-${later.id}`);
      await browser.until(
        (id) => document.activeElement?.id === 'element' && document.getElementById('element').shadowRoot.activeElement?.id === id,
        'focus on the requested event',
        `event-${later.id}`,
      );
      const box = await browser.evaluate((id) => document.getElementById('element').shadowRoot.getElementById(id).getBoundingClientRect().toJSON(), `event-${later.id}`);
      const viewport = await browser.evaluate(() => innerHeight);
      assert.ok(box.top >= 0 && box.top < viewport, `the event is in view: ${JSON.stringify(box)}`);
      assert.deepEqual(await problems(), { errors: [], reports: [] });
    });

    test('a host page that lives a while: sections changed, an element removed, the hash moved, and no error', async () => {
      const elements = ['a', 'b', 'c'].map((id) => elementSnippet(id === 'c' ? 'synopsis' : 'article', { id })).join('');
      await openHost(`${elements}${widgetScript()}`);
      await browser.until(() => ['a', 'b', 'c'].every((id) => !!document.getElementById(id).shadowRoot?.querySelector('.embed')), 'three elements');
      await browser.evaluate(() => document.getElementById('a').setAttribute('section', 'timeline'));
      await browser.until(() => !!document.getElementById('a').shadowRoot.querySelector('.timeline-list'), 'the timeline');
      await browser.evaluate(() => document.getElementById('a').setAttribute('section', 'article'));
      await browser.until(() => !!document.getElementById('a').shadowRoot.querySelector('.article-body'), 'the article again');
      await browser.evaluate(() => document.getElementById('b').remove());
      for (const event of article.events.slice(0, 3)) {
        await browser.evaluate((hash) => (location.hash = hash), `#event-${event.id}`);
        await new Promise((ok) => setTimeout(ok, 150));
      }
      assert.equal(await browser.evaluate(() => scrollY), 0, "the host's hash is the host's");
      const [first] = article.synopsis.blocks;
      await browser.evaluate((id) => document.getElementById('c').shadowRoot.querySelector(`[aria-controls="${id}"]`).click(), `spoiler-${first.id}`);
      await browser.until((id) => document.getElementById('c').shadowRoot.getElementById(id)?.textContent?.length > 20, 'the block to open', `spoiler-${first.id}`);
      assert.deepEqual(await problems(), { errors: [], reports: [] });
    });

    test('with the WebAssembly blocked, a pasted frame still shows its words, sized to them', async () => {
      blocked.wasm = true;
      try {
        await openHost(`${await iframeSnippet('timeline')}${await embedScript()}`);
        const frame = frameOf('timeline');
        await browser.evaluate((s) => document.querySelector(s).scrollIntoView(), frame);
        const end = Date.now() + 20_000;
        while ((await browser.inFrame(frame, (name) => document.documentElement.getAttribute(name), WASM_STATE).catch(() => null)) !== 'failed') {
          if (Date.now() > end) assert.fail('the frame never said its wasm failed');
          await new Promise((ok) => setTimeout(ok, 200));
        }
        assert.equal(await browser.inFrame(frame, () => document.querySelectorAll('.event-title').length), article.events.length);
        await untilFits('timeline', 'without its wasm');
        // The refusal itself is reported, by the engine (from the frame) and to report-uri.
        const refusal = /wasm-eval|wasm-unsafe-eval|WebAssembly/i;
        const { errors, reports: seen } = await problems();
        assert.deepEqual(errors.filter((e) => !refusal.test(e)), []);
        for (const report of seen) assert.match(report, refusal, 'only the WebAssembly is refused');
      } finally {
        blocked.wasm = false;
      }
    });

    test('with the WebAssembly blocked by the host, the element still shows its words and says why its controls wait', async () => {
      // The host's own policy, which allows the element's scripts but compiles no WebAssembly.
      const policy = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' ${new URL(publicUrl(dist)).origin}">`;
      await openHost(`${elementSnippet('timeline', { id: 'e' })}${widgetScript()}`, { head: policy, width: 390, height: 844 });
      await browser.until((name) => !!document.getElementById('e').shadowRoot?.querySelector(`.look-back-root[${name}="failed"]`), 'the element to say its wasm failed', WASM_STATE);
      const titles = await browser.evaluate(() => [...document.getElementById('e').shadowRoot.querySelectorAll('.event-title')].map((t) => t.textContent));
      assert.deepEqual(titles, article.events.map((e) => e.title));
      const note = await browser.evaluate(() => getComputedStyle(document.getElementById('e').shadowRoot.querySelector('.wasm-note')).display);
      assert.notEqual(note, 'none', 'the element says its controls need the script');
      const refusal = /wasm-eval|wasm-unsafe-eval|WebAssembly|could not start/i;
      const { errors } = await problems();
      assert.deepEqual(errors.filter((e) => !refusal.test(e)), []);
    });

    test('screenshots of a publisher page with both embeds, for people to look at', async () => {
      for (const theme of ['light', 'dark']) {
        for (const [width, height] of [[390, 844], [1440, 900]]) {
          const body = `${await iframeSnippet('synopsis', theme)}${await embedScript()}${elementSnippet('quotes', { id: 'element', theme })}${widgetScript()}`;
          await openHost(body, { width, height });
          await browser.evaluate((s) => document.querySelector(s).scrollIntoView(), frameOf('synopsis'));
          const end = Date.now() + 20_000;
          while (!(await browser.inFrame(frameOf('synopsis'), live, HYDRATED).catch(() => false))) {
            if (Date.now() > end) assert.fail('the frame never went live');
            await new Promise((ok) => setTimeout(ok, 200));
          }
          await untilFits('synopsis', 'for the picture');
          await browser.until(() => !!document.getElementById('element').shadowRoot?.querySelector('.pull-quote'), 'the element');
          await browser.evaluate(() => scrollTo(0, document.querySelector('iframe').getBoundingClientRect().top + scrollY - 60));
          await new Promise((ok) => setTimeout(ok, 300));
          await browser.screenshot(join(SHOTS, `${start.name.toLowerCase()}-${width}-${theme}.png`));
        }
      }
      assert.deepEqual((await problems()).errors, []);
    });
  });
}
