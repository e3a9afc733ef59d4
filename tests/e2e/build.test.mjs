// A broken content file stops `trunk build` and says where: file, line and field. The words
// are data: another content file builds the same wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editable } from '../support/editable.mjs';
import { dist as shipped } from '../support/site.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function trunkBuild(content) {
  const dist = mkdtempSync(join(tmpdir(), 'look-back-dist-'));
  const run = spawnSync('trunk', ['build', '--dist', dist], {
    env: { ...process.env, LOOK_BACK_CONTENT: content, NO_COLOR: 'true' },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

test('trunk build fails on a quote that is not in its paragraph, naming file, line and field', () => {
  const { status, output } = trunkBuild('tests/fixtures/quote_not_verbatim.toml');
  assert.notEqual(status, 0);
  assert.match(output, /tests\/fixtures\/quote_not_verbatim\.toml:30:8: quotes\[0\]\.text: "It was very long\." is not a verbatim part/);
});

test('trunk build fails on a syntax error, naming file and line', () => {
  const { status, output } = trunkBuild('tests/fixtures/syntax.toml');
  assert.notEqual(status, 0);
  assert.match(output, /tests\/fixtures\/syntax\.toml:3:23: syntax: invalid basic string/);
});

test('one wasm serves any article: another content file builds the very same wasm', { timeout: 600_000 }, () => {
  // Other words under the same headline, so that the link-preview image still fits.
  const other = 'content/other-words.copy.toml';
  // A change of the supplied words, recorded as a mend, as an editor would.
  const { now, edited } = editable(readFileSync('content/article.toml', 'utf8'));
  writeFileSync(other, edited);
  const dist = mkdtempSync(join(tmpdir(), 'look-back-other-'));
  try {
    const run = spawnSync('trunk', ['build', '--release', '--dist', dist], { env: { ...process.env, LOOK_BACK_CONTENT: other, NO_COLOR: 'true' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(readFileSync(join(dist, 'index.html'), 'utf8').includes(now), 'the page has the other words');
    const wasm = (dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.wasm'))
        .sort()
        .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]);
    assert.deepEqual(wasm(dist), wasm(shipped), 'the same names and the same bytes');
  } finally {
    rmSync(other, { force: true });
    rmSync(dist, { recursive: true, force: true });
  }
});

test('every class the shipped program exports has its exports in the shipped wasm', async () => {
  // The release drops the exports of classes nothing here calls (index.html's wasm-opt
  // parameters); the pre-renderer must drop those classes from the module too.
  const wasmFile = readdirSync(shipped).find((f) => f.endsWith('_bg.wasm'));
  const module = readFileSync(join(shipped, wasmFile.replace('_bg.wasm', '.js')), 'utf8');
  const exports = WebAssembly.Module.exports(await WebAssembly.compile(readFileSync(join(shipped, wasmFile)))).map((e) => e.name);
  const classes = [...module.matchAll(/export class ([A-Za-z0-9_$]+)/g)].map(([, name]) => name);
  assert.ok(classes.length > 0, 'the module exports the element\'s class');
  for (const name of classes) assert.ok(exports.includes(`__wbg_${name.toLowerCase()}_free`), `${name} has no export in ${wasmFile}`);
  assert.ok(!exports.some((e) => /intounderlying/.test(e)), 'the unused stream classes\' exports are gone');
});

test('a changed word of the supplied text stops the build, naming the words and the mend to add', () => {
  const lede = readFileSync('content/article.toml', 'utf8').match(/\[\[body\]\]\nid = "([^"]+)"\ntext = "([^"]+)"/);
  const [, id, text] = lede;
  const words = text.split(' ');
  // An editor's typo fix: one word of the first paragraph, capitalised.
  const at = words.findIndex((w, i) => i > 0 && /^[a-z]{4,}$/.test(w));
  const fixed = words.map((w, i) => (i === at ? w[0].toUpperCase() + w.slice(1) : w));
  const copy = 'content/typo.copy.toml';
  writeFileSync(copy, readFileSync('content/article.toml', 'utf8').replace(text, fixed.join(' ')));
  try {
    const { status, output } = trunkBuild(copy);
    assert.notEqual(status, 0);
    const was = words.slice(at - 1, at + 2).join(' ');
    const now = fixed.slice(at - 1, at + 2).join(' ');
    assert.match(output, new RegExp(`typo\\.copy\\.toml:\\d+:\\d+: body\\[0\\]\\.text: changes the supplied article's words`));
    assert.ok(output.includes(`[[mends]]\nparagraph = "${id}"\nwas = ${JSON.stringify(was)}\nnow = ${JSON.stringify(now)}`), output);
  } finally {
    rmSync(copy, { force: true });
  }
});

test('a headline edit, with its mend, builds a link-preview image that shows it, named anew', () => {
  const source = readFileSync('content/article.toml', 'utf8');
  const headline = source.match(/^headline = "(.*)"$/m)[1];
  const other = `${headline.split(' ').slice(0, -1).join(' ')} Edited`;
  const copy = 'content/other-headline.copy.toml';
  const mend = `\n[[mends]]\nparagraph = "headline"\nwas = ${JSON.stringify(headline)}\nnow = ${JSON.stringify(other)}\nwhy = "a test"\n`;
  writeFileSync(copy, source.replace(`headline = "${headline}"`, `headline = "${other}"`) + mend);
  const dist = mkdtempSync(join(tmpdir(), 'look-back-headline-'));
  try {
    const run = spawnSync('trunk', ['build', '--dist', dist], { env: { ...process.env, LOOK_BACK_CONTENT: copy, NO_COLOR: 'true' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const card = readdirSync(dist).find((f) => /^social-[0-9a-f]{16}\.png$/.test(f));
    assert.ok(card, readdirSync(dist).join(', '));
    const png = readFileSync(join(dist, card));
    assert.ok(png.includes(Buffer.from(`Title\0\0\0\0\0${other}`)), 'the card records the headline it shows');
    assert.match(readFileSync(join(dist, 'index.html'), 'utf8'), new RegExp(`<meta property="og:image" content="[^"]*/${card}">`));
    const shippedCard = readdirSync(shipped).find((f) => /^social-[0-9a-f]{16}\.png$/.test(f));
    assert.notEqual(card, shippedCard, 'a new headline is a new address, which link previews fetch afresh');
  } finally {
    rmSync(copy, { force: true });
    rmSync(dist, { recursive: true, force: true });
  }
});

test('a release built for the local address warns that its embeds work only there', { timeout: 600_000 }, () => {
  const dist = mkdtempSync(join(tmpdir(), 'look-back-local-'));
  try {
    const { LOOK_BACK_PUBLIC_URL: _, ...env } = process.env;
    const run = spawnSync('trunk', ['build', '--release', '--dist', dist], { env: { ...env, NO_COLOR: 'true' }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(`${run.stdout}\n${run.stderr}`, /WARNING: this release is built for http:\/\/127\.0\.0\.1:8080\/, the local address/);
    assert.match(readFileSync(join(dist, '_headers'), 'utf8'), /script-src 'self' http:\/\/127\.0\.0\.1:8080 'wasm-unsafe-eval'/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
