// The embeds' figures for bench/run: the article section pasted into a publisher's page of
// another origin, as the custom element and as the iframe, on two network profiles. For each:
// when its words are visible and its controls live (from the host page's navigation), the
// bytes it had received by then, and the host page's layout shift.
import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, publicUrl } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { HYDRATED } from '../tests/support/contract.mjs';

// Lighthouse's Slow 4G (150 ms RTT, 1.6 Mbps down, 750 Kbps up) and DevTools' "Slow 4G" preset.
export const PROFILES = [
  { name: 'Lighthouse Slow 4G, 150 ms RTT', rtt: 150, conditions: { offline: false, latency: 150, downloadThroughput: 204_800, uploadThroughput: 96_000 } },
  { name: 'DevTools Slow 4G preset, 562 ms RTT', rtt: 562.5, conditions: { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 } },
];
const CPU_SLOWDOWN = 4;

// Runs in every frame: the host page notes when the element's words are in its shadow root
// and when they are live, and its own layout shift; an embed page, its first paint and when it
// is live. Times are absolute (ms since 1970), so that frames of two origins compare.
function measure(hydrated) {
  const at = () => performance.timeOrigin + performance.now();
  const seen = (window.__lb = { shift: 0 });
  if (location.pathname.startsWith('/embed/')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') seen.words ??= performance.timeOrigin + e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new MutationObserver(() => document.documentElement.hasAttribute(hydrated) && (seen.live ??= at())).observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: [hydrated],
    });
    return;
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) seen.shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const poll = () => {
    const root = document.querySelector('look-back-article')?.shadowRoot?.querySelector('.look-back-root');
    if (root) seen.words ??= at();
    if (root?.hasAttribute(hydrated)) seen.live ??= at();
    if (!seen.live) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** A publisher's page around `snippet`: a CMS's type, text above and below. */
const hostPage = (snippet) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A publisher</title>` +
  `<style>html{font-size:62.5%}*{box-sizing:content-box}body{font:1.8rem/1.5 Georgia,serif;margin:0 auto;max-width:70rem;padding:0 1.6rem}</style></head>` +
  `<body><h1>A publisher's story</h1>${'<p>The publisher writes about the film before the embed, at some length, as stories do.</p>'.repeat(3)}` +
  `${snippet}${'<p>The story goes on after the embed, so that a jump in its height moves this text.</p>'.repeat(6)}</body></html>`;

/** One cold load of the host page at `url`; the figures of its embed. */
async function load(browser, url, profile, widgetOrigin) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', profile.conditions);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await context.addInitScript(measure, HYDRATED);
  const requests = [];
  page.on('requestfinished', (r) => requests.push({ url: r.url(), at: r.timing().startTime + r.timing().responseEnd }));
  await page.goto(url, { waitUntil: 'load' });
  const start = await page.evaluate(() => performance.timeOrigin);
  const deadline = Date.now() + 60_000;
  let figures;
  for (;;) {
    const frames = await Promise.all(page.frames().map((f) => f.evaluate(() => window.__lb).catch(() => null)));
    const host = frames[0];
    const embed = frames.slice(1).find((f) => f?.words) ?? host;
    if (embed?.live || Date.now() > deadline) {
      figures = { words: embed?.words, live: embed?.live, shift: host?.shift ?? 0 };
      break;
    }
    await page.waitForTimeout(100);
  }
  // A second more, for any shift the live parts make.
  await page.waitForTimeout(1000);
  figures.shift = (await page.evaluate(() => window.__lb.shift)) ?? figures.shift;
  await context.close();
  const before = requests.filter((r) => r.url.startsWith(widgetOrigin) && figures.words && r.at < figures.words).map((r) => new URL(r.url).pathname);
  return { words: figures.words && figures.words - start, live: figures.live && figures.live - start, shift: figures.shift, before };
}

/**
 * Loads each embed `loads` times on each profile, interleaved, from `dist` (served precompressed
 * with its `_headers`, at the address it was built for) into a host page of another origin.
 * `rows` are dist/'s files with their Brotli sizes. Prints the figures and returns them.
 */
export async function embedFigures(dist, loads, rows, median) {
  const base = publicUrl(dist);
  const { hostname, port } = new URL(base);
  const site = await serve(dist, { precompressed: true, asHosted: true, host: hostname, port: Number(port) });
  const hostDir = await mkdtemp(join(tmpdir(), 'look-back-bench-host-'));
  const host = await serve(hostDir, { host: 'localhost' });
  // The snippets as the page's Embed control gives them, with the phone-width first height the
  // build wrote beside it.
  const heights = (await readFile(join(dist, 'index.html'), 'utf8')).match(/data-first-heights="(\d+)/)[1];
  const headline = JSON.parse(await readFile(join(dist, 'oembed/article.json'), 'utf8')).title;
  const snippets = {
    element: `<look-back-article section="article" style="display:block;min-height:${heights}px"><a href="${base}">${headline}</a></look-back-article>\n<script type="module" src="${base}widget.js"></script>`,
    iframe: `<iframe data-look-back="look-back-article" src="${base}embed/article/?id=look-back-article" title="${headline} (article)" width="100%" height="${heights}" style="border:0;width:100%" loading="lazy" allow="clipboard-write; web-share" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>\n<script src="${base}embed.js" async></script>`,
  };
  for (const [kind, snippet] of Object.entries(snippets)) await writeFile(join(hostDir, `${kind}.html`), hostPage(snippet));
  // One renderer for the host and its frame, so that the throttling reaches both alike.
  const browser = await launch(['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process']);
  const brotliOf = (path) => rows.find((r) => `/${r.name}` === path || r.name === `${path.slice(1)}index.html`)?.brotli ?? 0;
  const results = [];
  console.log(`Embeds of the article section on a host page of another origin: cold loads, ${CPU_SLOWDOWN}x CPU, 412 px phone, medians of ${loads}`);
  console.log(`  ${''.padEnd(44)} ${'words visible'.padStart(14)} ${'live'.padStart(8)} ${'bytes before words'.padStart(19)} ${'host shift'.padStart(11)}`);
  for (const profile of PROFILES) {
    const runs = { element: [], iframe: [] };
    for (let i = 0; i < loads; i++) {
      for (const kind of Object.keys(runs)) runs[kind].push(await load(browser, `${host.url}${kind}.html`, profile, new URL(base).origin));
    }
    const figures = {};
    for (const [kind, list] of Object.entries(runs)) {
      const bytes = [...new Set(list[0].before)].reduce((t, path) => t + brotliOf(path.replace(/\?.*$/, '')), 0);
      figures[kind] = {
        words: median(list.map((r) => r.words)),
        live: median(list.map((r) => r.live)),
        shift: median(list.map((r) => r.shift)),
        bytes,
        files: [...new Set(list[0].before)],
      };
      const f = figures[kind];
      const label = `${kind}, ${profile.name}`;
      console.log(
        `  ${label.padEnd(44)} ${`${Math.round(f.words)} ms`.padStart(14)} ${`${Math.round(f.live)} ms`.padStart(8)} ${`${(bytes / 1024).toFixed(1)} KB`.padStart(19)} ${f.shift.toFixed(3).padStart(11)}`,
      );
    }
    console.log(`    element's files before its words: ${figures.element.files.join(', ')}`);
    results.push({ profile, ...figures });
  }
  console.log('');
  await browser.close();
  await host.close();
  await site.close();
  return results;
}
