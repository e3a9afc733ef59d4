// Debian's Chromium, driven by playwright-core. No tool downloads a browser of its own.
import { chromium } from 'playwright-core';
import { HYDRATED } from './contract.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// The closed network here refuses Chromium's background connections; keep it quiet.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Chromium; `extraArgs` are for a test that needs a feature turned off. */
export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Opens a page that records console errors, page errors and failed requests. */
export async function watchedPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return { context, page, problems };
}

/** Opens `url` in a watched page and waits for hydration. */
export async function openHydrated(browser, url, contextOptions = {}) {
  const watched = await watchedPage(browser, contextOptions);
  await watched.page.goto(url);
  await hydrated(watched.page);
  return watched;
}

/** Waits until the wasm has taken over the pre-rendered page. */
export function hydrated(page) {
  return page.waitForSelector(`html[${HYDRATED}]`, { state: 'attached', timeout: 30_000 });
}

/** Runs axe-core in the page and returns its violations, each as "rule: targets". */
export async function axeViolations(page) {
  await page.addScriptTag({ path: new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Selects `words` where they stand in the element at `selector`, as a reader's drag would. */
export const select = (page, selector, words) =>
  page.evaluate(
    ([selector, words]) => {
      const root = document.querySelector(selector);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      while (walker.nextNode()) nodes.push([walker.currentNode, text.length]), (text += walker.currentNode.data);
      const at = text.indexOf(words);
      if (at < 0) throw new Error(`"${words}" is not in ${selector}`);
      const place = (offset) => {
        const [node, start] = nodes.findLast(([, start]) => start <= offset);
        return [node, offset - start];
      };
      const range = document.createRange();
      range.setStart(...place(at));
      range.setEnd(...place(at + words.length));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    },
    [selector, words],
  );

/**
 * Holds every request for a wasm until `release()`; `asked` resolves once the page has asked,
 * that is once the pre-rendered page is painted and the loader has started.
 */
async function holdWasm(page) {
  let release, asked;
  const released = new Promise((ok) => (release = ok));
  const askedFor = new Promise((ok) => (asked = ok));
  await page.route('**/*_bg.wasm', async (route) => {
    asked();
    await released;
    await route.continue();
  });
  return { asked: askedFor, release };
}

/** Every element of the body with its box, in document order: what a reader sees laid out. */
const boxes = (page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll('*')].map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.localName}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''} ${r.x},${r.y} ${r.width}x${r.height}`;
    }),
  );

/**
 * Opens `url` in `page` with its wasm held back until the pre-rendered page is painted, runs
 * `meanwhile` then, and returns every element's box (`boxes`) from then and after hydration.
 */
export async function boxesAcrossHydration(page, url, meanwhile = async () => {}) {
  const wasm = await holdWasm(page);
  await page.goto(url);
  await wasm.asked;
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await meanwhile();
  const before = await boxes(page);
  wasm.release();
  await hydrated(page);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  return { before, after: await boxes(page) };
}

/**
 * The page's layout shifts since it opened, as the browser scores them for a reader: their
 * `total`, and each one with what moved, for a failure to say where to look.
 */
export const layoutShifts = (page) =>
  page.evaluate(
    () =>
      new Promise((ok) => {
        let total = 0;
        const said = [];
        const rect = (r) => `${r.x},${r.y} ${r.width}x${r.height}`;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            total += e.value;
            const moved = e.sources.map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`);
            said.push(`${e.value.toFixed(5)} at ${Math.round(e.startTime)} ms: ${moved.join('; ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => ok({ total, said: said.join('\n') }), 300);
      }),
  );

/** A layout shift total far below what a reader notices (0.1 is "good"). */
export const UNSEEN_SHIFT = 0.01;
