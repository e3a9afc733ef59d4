// The figures behind bench/run. Loads run cold (new context, cache off) and alternate
// between the two pages, so that a slow spell of this shared machine hits both alike.
import { readdir, readFile, mkdtemp, cp, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';

const LOADS = Number(process.argv[2] ?? 7);
// Chromium DevTools' "Slow 4G" preset.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;
const dist = 'dist';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every file under dir, as paths relative to it. */
async function files(dir, prefix = '') {
  const out = [];
  for (const entry of (await readdir(join(dir, prefix), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(prefix, entry.name);
    out.push(...(entry.isDirectory() ? await files(dir, path) : [path]));
  }
  return out;
}

// What the article page itself loads; embed pages, oEmbed and the host-side scripts are not.
const forEmbedsOnly = (name) => /^(embed|oembed)\/|^(embed|widget)\.js$/.test(name);

async function sizes() {
  const rows = [];
  for (const name of await files(dist)) {
    const body = await readFile(join(dist, name));
    rows.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  console.log('dist/ files (gzip -9)');
  const line = (name, raw, gzip) => console.log(`  ${name.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)}`);
  for (const r of rows) line(r.name, r.raw, r.gzip);
  const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const page = sum(rows.filter((r) => !forEmbedsOnly(r.name)));
  line('article page (all but embed files)', page.raw, page.gzip);
  const all = sum(rows);
  line('all files', all.raw, all.gzip);
  console.log('');
}

/** A copy of dist/ whose index.html has no scripts and no script preloads. */
async function scriptless() {
  const dir = await mkdtemp(join(tmpdir(), 'look-back-noscript-'));
  await cp(dist, dir, { recursive: true });
  const html = (await readFile(join(dir, 'index.html'), 'utf8'))
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  await writeFile(join(dir, 'index.html'), html);
  return dir;
}

async function load(browser, url, { hydrates = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement.hasAttribute('data-hydrated')) {
        window.__hydratedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (hydrates) await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1000);
  const figures = await page.evaluate(
    () =>
      new Promise((ok) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          const lcp = entries[entries.length - 1];
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          ok({ text: lcp.startTime, fcp: fcp?.startTime, element: lcp.element?.tagName, hydrated: window.__hydratedAt });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  await context.close();
  return figures;
}

await sizes();
const bare = await scriptless();
const release = await serve(dist, { gzip: true });
const plain = await serve(bare, { gzip: true });
const browser = await launch();
const runs = { release: [], scriptless: [] };
for (let i = 0; i < LOADS; i++) {
  runs.release.push(await load(browser, release.url, { hydrates: true }));
  runs.scriptless.push(await load(browser, plain.url));
}
await browser.close();
await release.close();
await plain.close();

const ms = (x) => (x === undefined ? '-' : `${Math.round(x)} ms`);
console.log(`Cold loads, Slow 4G + ${CPU_SLOWDOWN}x CPU, medians of ${LOADS}`);
console.log(`  ${''.padEnd(14)} ${'text visible'.padStart(13)} ${'first paint'.padStart(12)} ${'hydrated'.padStart(10)}`);
for (const [name, list] of Object.entries(runs)) {
  const pick = (k) => list.map((r) => r[k]).filter((x) => x !== undefined);
  const hydrated = pick('hydrated').length ? median(pick('hydrated')) : undefined;
  console.log(`  ${name.padEnd(14)} ${ms(median(pick('text'))).padStart(13)} ${ms(median(pick('fcp'))).padStart(12)} ${ms(hydrated).padStart(10)}`);
}
const ratio = median(runs.release.map((r) => r.text)) / median(runs.scriptless.map((r) => r.text));
console.log(`  text-visible ratio, release / scriptless: ${ratio.toFixed(3)} (goal <= 1.10)`);
console.log(`  largest text element: ${runs.release[0].element}`);
