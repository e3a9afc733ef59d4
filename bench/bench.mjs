// The figures behind bench/run, each printed beside its goal. Loads run cold (new context,
// cache off) and alternate between the pages compared, so that a slow spell of this shared
// machine hits both alike. Usage: node bench/bench.mjs LOADS DIST SCALE_DIST NAMED_WASM
import { readdir, readFile, mkdtemp, cp, writeFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/support/server.mjs';
import { launch } from '../tests/support/browser.mjs';
import { audit } from '../tests/support/lighthouse.mjs';
import { startDevServer } from '../tests/support/devserver.mjs';
import { editable } from '../tests/support/editable.mjs';
import { embedFigures } from './embeds.mjs';
import { HYDRATED } from '../tests/support/contract.mjs';

const [LOADS, dist, scaleDist, namedWasm] = [Number(process.argv[2] ?? 7), process.argv[3] ?? 'dist', process.argv[4], process.argv[5]];
// Chromium DevTools' "Slow 4G" preset.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (x) => (x === undefined ? '-' : `${Math.round(x)} ms`);
const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return undefined;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const verdict = (ok) => (ok ? 'meets the goal' : 'MISSES the goal');

/** Every file under dir, as paths relative to it. */
async function files(dir, prefix = '') {
  const out = [];
  for (const entry of (await readdir(join(dir, prefix), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(prefix, entry.name);
    out.push(...(entry.isDirectory() ? await files(dir, path) : [path]));
  }
  return out;
}

const brotli = (body) => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });

async function sizes(dir) {
  const rows = [];
  // The precompressed copies beside each file are another way to serve it, not more bytes.
  for (const name of (await files(dir)).filter((f) => !/\.(gz|br)$/.test(f))) {
    const body = await readFile(join(dir, name));
    rows.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body).length });
  }
  return rows;
}

function printSizes(rows) {
  console.log('dist/ files: raw, gzip -9, Brotli q11');
  const line = (name, raw, gzip, br) => console.log(`  ${name.padEnd(44)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} ${kb(br).padStart(10)}`);
  for (const r of rows) line(r.name, r.raw, r.gzip, r.brotli);
  const all = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  line('all files', all.raw, all.gzip, all.brotli);
  console.log('');
}

/**
 * The limit: a copy of a dist/ whose index.html is our own pre-rendered page with its
 * stylesheets inline and every script and script preload removed, precompressed afresh.
 */
async function limit(dir) {
  const copy = await mkdtemp(join(tmpdir(), 'look-back-limit-'));
  await cp(dir, copy, { recursive: true });
  let html = (await readFile(join(copy, 'index.html'), 'utf8'))
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  for (const [tag, href] of [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/?([^"]+)"[^>]*>/g)]) {
    const css = await readFile(join(copy, href), 'utf8');
    html = html.replace(tag, () => `<style>${css}</style>`);
  }
  const body = Buffer.from(html);
  await writeFile(join(copy, 'index.html'), body);
  await writeFile(join(copy, 'index.html.gz'), gzipSync(body, { level: 9 }));
  await writeFile(join(copy, 'index.html.br'), brotli(body));
  return copy;
}

/**
 * One cold load of `url` on a phone-sized screen under Slow 4G and 4x CPU. Returns when the
 * article text was visible (the last LCP entry), first paint, hydration, total blocking time
 * after first paint, the bytes on the wire and, when `interact`, the Event Timing latency of
 * a spoiler toggle and a timeline step.
 */
async function load(browser, url, { hydrates = false, interact = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let wire = 0;
  const paths = [];
  cdp.on('Network.loadingFinished', (e) => (wire += e.encodedDataLength));
  cdp.on('Network.responseReceived', (e) => paths.push(new URL(e.response.url).pathname));
  await page.addInitScript((hydrated) => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    window.__events = [];
    new PerformanceObserver((list) => window.__events.push(...list.getEntries().map((e) => [e.name, e.interactionId, e.duration]))).observe({ type: 'event', durationThreshold: 16, buffered: true });
    window.__hydration = new Promise((ok) =>
      new MutationObserver((_, observer) => {
        if (document.documentElement.hasAttribute(hydrated)) {
          window.__hydratedAt = performance.now();
          observer.disconnect();
          ok();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: [hydrated] }),
    );
  }, HYDRATED);
  // Waits and reads go through plain CDP evaluation: Playwright's own selector engine, which
  // its waits inject, is a long task of its own and would be counted as the page's.
  const evaluate = async (expression) => (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;
  await page.goto(url, { waitUntil: 'load' });
  const ready = await evaluate(`Promise.race([
    (${hydrates} ? window.__hydration : Promise.resolve()).then(() => new Promise((ok) => setTimeout(() => ok(true), 1500))),
    new Promise((ok) => setTimeout(() => ok(false), 60000)),
  ])`);
  if (!ready) throw new Error(`${url} did not hydrate within 60 s`);
  const figures = await evaluate(`new Promise((ok) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      const lcp = entries[entries.length - 1];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      // Lighthouse's definition, over this window: the part of each long task beyond 50 ms,
      // from first paint on.
      const tbt = window.__tasks.filter(([start]) => start >= fcp).reduce((t, [, d]) => t + Math.max(0, d - 50), 0);
      ok({ text: lcp.startTime, fcp, element: lcp.element?.tagName, hydrated: window.__hydratedAt, tbt, tasks: window.__tasks.filter(([start]) => start >= fcp).map(([s, d]) => Math.round(s) + ':' + Math.round(d)).join(' ') });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  })`);
  figures.wire = wire;
  figures.paths = paths;
  if (interact) {
    // Where to press is found first, and the input then sent as raw events, so that no
    // script of Playwright's runs between the input and the paint that Event Timing measures.
    // It reports only interactions of 16 ms or more; none reported means under 16.
    const latency = async (act) => {
      await page.waitForTimeout(500);
      await evaluate('window.__events = []');
      await act();
      const events = await evaluate('new Promise((ok) => setTimeout(() => ok(window.__events.filter(([, id]) => id > 0)), 600))');
      return Math.max(0, ...events.map(([, , d]) => d));
    };
    await page.locator('.event-pick').first().focus();
    figures.step = await latency(() => page.keyboard.press('ArrowDown'));
    const button = page.locator('.spoiler-toggle').first();
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    figures.toggle = await latency(() => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
    assert.equal(await button.getAttribute('aria-expanded'), 'true', 'the click opened the spoiler');
  }
  await context.close();
  return figures;
}

/**
 * Release against the limit, `loads` times each, interleaved. Both are served as docs/hosting.md
 * tells hosts to: each file's precompressed Brotli copy (gzip where a browser takes only that).
 */
async function compare(browser, dir, loads, interact) {
  const bare = await limit(dir);
  const release = await serve(dir, { precompressed: true });
  const plain = await serve(bare, { precompressed: true });
  const runs = { release: [], limit: [] };
  for (let i = 0; i < loads; i++) {
    runs.release.push(await load(browser, release.url, { hydrates: true, interact }));
    runs.limit.push(await load(browser, plain.url));
  }
  await release.close();
  await plain.close();
  const pick = (name, key) => median(runs[name].map((r) => r[key]));
  console.log(`  ${''.padEnd(12)} ${'text visible'.padStart(13)} ${'first paint'.padStart(12)} ${'live'.padStart(10)} ${'TBT'.padStart(8)} ${'on the wire'.padStart(12)}`);
  for (const name of Object.keys(runs)) {
    console.log(`  ${name.padEnd(12)} ${ms(pick(name, 'text')).padStart(13)} ${ms(pick(name, 'fcp')).padStart(12)} ${ms(pick(name, 'hydrated')).padStart(10)} ${ms(pick(name, 'tbt')).padStart(8)} ${kb(pick(name, 'wire')).padStart(12)}`);
  }
  return {
    runs,
    pick,
    ratio: pick('release', 'text') / pick('limit', 'text'),
    paintRatio: pick('release', 'fcp') / pick('limit', 'fcp'),
    liveRatio: median(runs.release.map((r) => r.hydrated / r.fcp)),
  };
}

// --- sizes ---------------------------------------------------------------------------
const rows = await sizes(dist);
printSizes(rows);
const wasm = rows.find((r) => r.name.endsWith('.wasm'));

// --- the article page ----------------------------------------------------------------
const browser = await launch();
console.log(`Article page: cold loads, Slow 4G + ${CPU_SLOWDOWN}x CPU, 412 px phone, medians of ${LOADS}`);
const page = await compare(browser, dist, LOADS, true);
const toggle = page.pick('release', 'toggle');
const step = page.pick('release', 'step');
const wire = page.pick('release', 'wire');
// The same files as gzip -9 and Brotli q11, whatever the server sent.
const fileOf = (path) => rows.find((r) => `/${r.name}` === path || (path.endsWith('/') && r.name === `${path.slice(1)}index.html`));
const fetched = [...new Set(page.runs.release[0].paths)].map(fileOf).filter(Boolean);
const wireGzip = fetched.reduce((t, r) => t + r.gzip, 0);
const wireBrotli = fetched.reduce((t, r) => t + r.brotli, 0);
const tbt = page.pick('release', 'tbt');
console.log(`  largest text element: ${page.runs.release[0].element}`);
console.log(`  long tasks after first paint (start:duration ms), each load: ${page.runs.release.map((r) => r.tasks).join(" / ")}`);
console.log('');

// --- scale case: 100x the article ------------------------------------------------------
let scale;
if (scaleDist) {
  // As many loads as the article page: parsing 280 KB of HTML on a slowed CPU paints either
  // early or some 150 ms later, on both pages alike, and a few loads make a coin toss of it.
  console.log(`Scale case: a content file with 100x the article's body, medians of ${LOADS}`);
  scale = await compare(browser, scaleDist, LOADS, false);
  for (const name of ['release', 'limit']) console.log(`  ${name} text visible, each load: ${scale.runs[name].map((r) => ms(r.text)).join(', ')}`);
  scale.rows = await sizes(scaleDist);
  console.log('');
}
await browser.close();

// --- the embeds on a publisher's page ----------------------------------------------------
const embeds = await embedFigures(dist, LOADS, rows, median);

// --- Lighthouse ------------------------------------------------------------------------
const site = await serve(dist, { gzip: true });
const lighthouse = await audit(site.url);
await site.close();
const audits = lighthouse.lhr.audits;
console.log('Lighthouse 12 (mobile preset: simulated Slow 4G, 4x CPU), one run');
console.log(`  scores: ${Object.entries(lighthouse.scores).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  ${['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => `${id} ${audits[id].displayValue}`).join(', ')}`);
for (const f of lighthouse.failing) console.log(`  below full marks: ${f}`);
console.log('');

// --- wasm breakdown --------------------------------------------------------------------
if (namedWasm) {
  const top = JSON.parse(execFileSync('twiggy', ['top', '-n', '100000', '--format', 'json', namedWasm], { maxBuffer: 1 << 28 }).toString());
  const shipped = top.filter((i) => !/^custom section|"function names"|^producers/.test(i.name));
  const total = shipped.reduce((t, i) => t + i.shallow_size, 0);
  const crates = {};
  for (const { name, shallow_size } of shipped) {
    const crate = /^data segment/.test(name) ? 'data segments (text, tables)' : (name.replace(/^</, '').match(/^[A-Za-z_][A-Za-z0-9_]*/)?.[0] ?? 'other');
    crates[crate] = (crates[crate] ?? 0) + shallow_size;
  }
  console.log(`wasm breakdown (twiggy, same build with names kept; code and data ${kb(total)})`);
  console.log('  by crate:');
  for (const [crate, size] of Object.entries(crates).sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`    ${kb(size).padStart(9)}  ${((100 * size) / total).toFixed(1).padStart(4)}%  ${crate}`);
  }
  console.log('  largest items:');
  for (const { name, shallow_size } of shipped.slice(0, 12)) {
    console.log(`    ${kb(shallow_size).padStart(9)}  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
  }
  console.log('');
}

// --- edit to refresh under scripts/serve --------------------------------------------------
// An editor saves a one-word change; the figure is the time until the open page shows it,
// reloaded by the dev server. Unthrottled: this is the editor's own machine.
const EDITS = 5;
console.log(`Edit to refresh under scripts/serve: ${EDITS} saves, each changing one word, median`);
const devServer = await startDevServer('bench');
const editBrowser = await launch();
const editPage = await (await editBrowser.newContext()).newPage();
await editPage.goto(devServer.url);
const original = await readFile(devServer.content, 'utf8');
const refreshes = [];
for (let i = 1; i <= EDITS; i++) {
  // An editor's change of supplied words, with the mend that records it.
  const { now, edited } = editable(original, (was) => was.replace(' ', ` edit-${i} `));
  const started = Date.now();
  await writeFile(devServer.content, edited);
  await editPage.getByText(now).waitFor({ timeout: 120_000 });
  refreshes.push(Date.now() - started);
  // Trunk ignores changes for a moment after each build.
  await new Promise((ok) => setTimeout(ok, 1500));
}
const refresh = median(refreshes);
console.log(`  each: ${refreshes.map(ms).join(', ')}`);
await editBrowser.close();
devServer.stop();
console.log('');

// --- against the goals ---------------------------------------------------------------
console.log('Against the goals');
console.log(`  first paint, release / limit: ${page.paintRatio.toFixed(3)} (goal <= 1.05): ${verdict(page.paintRatio <= 1.05)}`);
console.log(`  text-visible ratio, release / limit: ${page.ratio.toFixed(3)} (goal <= 1.05): ${verdict(page.ratio <= 1.05)}`);
console.log(`  controls live, as a multiple of first paint: ${page.liveRatio.toFixed(2)}x (goal <= 2.0x): ${verdict(page.liveRatio <= 2)}`);
console.log(`  bytes on the wire, the article page, first load: ${kb(wire)} as served (Brotli); its ${fetched.length} files are ${kb(wireBrotli)} Brotli, ${kb(wireGzip)} gzip (goal <= 90 KB Brotli, stretch 60 KB): ${verdict(wire <= 90 * 1024)}${wire <= 60 * 1024 ? ', and the stretch' : ''}`);
console.log(`  total blocking time: ${ms(tbt)} (goal <= 50 ms): ${verdict(tbt <= 50)}`);
console.log(`  spoiler toggle latency: ${toggle < 16 ? 'under 16 ms' : ms(toggle)} (goal <= 50 ms): ${verdict(toggle <= 50)}`);
console.log(`  timeline step latency: ${step < 16 ? 'under 16 ms' : ms(step)} (goal <= 50 ms): ${verdict(step <= 50)}`);
console.log(`  wasm: ${kb(wasm.raw)} raw, ${kb(wasm.gzip)} gzip, ${kb(wasm.brotli)} Brotli = ${wasm.brotli} B (goal <= 75.5 KB = 77312 B Brotli): ${verdict(wasm.brotli <= 77312)}`);
const wasmFiles = rows.filter((r) => r.name.endsWith('.wasm')).length;
console.log(`  browser wasm files in dist/: ${wasmFiles} (goal 1): ${verdict(wasmFiles === 1)}`);
for (const { profile, element, iframe } of embeds) {
  const later = element.words - iframe.words;
  console.log(`  element words visible minus the iframe's, ${profile.name}: ${later >= 0 ? '+' : ''}${Math.round(later)} ms (goal <= one round trip, ${Math.round(profile.rtt)} ms): ${verdict(later <= profile.rtt)}`);
  console.log(`  element bytes before its words, CSS included, ${profile.name}: ${kb(element.bytes)} Brotli (goal <= 12 KB): ${verdict(element.bytes <= 12 * 1024)}`);
  console.log(`  element host layout shift, ${profile.name}: ${element.shift.toFixed(3)} (goal <= 0.02): ${verdict(element.shift <= 0.02)}`);
}
console.log(`  edit to refresh under scripts/serve: ${ms(refresh)} (goal <= 3000 ms): ${verdict(refresh <= 3000)}`);
if (scale) {
  const bigWasm = scale.rows.find((r) => r.name.endsWith('.wasm'));
  const { parse } = await import('smol-toml');
  const text = async (file) => parse(await readFile(file, 'utf8')).body.reduce((t, p) => t + Buffer.byteLength(p.text), 0);
  const grown = bigWasm.raw - wasm.raw;
  const textGrown = (await text(process.env.LOOK_BACK_SCALE_CONTENT)) - (await text('content/article.toml'));
  console.log(`  scale case text-visible ratio: ${scale.ratio.toFixed(3)} (goal <= 1.10): ${verdict(scale.ratio <= 1.1)}`);
  console.log(`  scale case wasm: ${kb(bigWasm.raw)} raw, ${kb(bigWasm.gzip)} gzip; it grew ${kb(grown)} for ${kb(textGrown)} more body text (goal: no more than the text): ${verdict(grown <= textGrown)}`);
}
for (const id of ['performance', 'accessibility', 'best-practices', 'seo']) {
  console.log(`  Lighthouse ${id}: ${lighthouse.scores[id]} (goal 100): ${verdict(lighthouse.scores[id] === 100)}`);
}
