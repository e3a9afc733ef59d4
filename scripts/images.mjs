// Draws the images that travel with the article, from content/article.toml and the favicon:
// the 1200×630 link-preview card and the app icons. Run it after changing the headline or
// kicker (`node scripts/images.mjs`); a native test fails while the card shows old words.
// The card carries the headline it shows in a PNG text chunk (iTXt), which is what that test reads.
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { parse } from 'smol-toml';
import { launch } from '../tests/support/browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const article = parse(readFileSync(`${root}content/article.toml`, 'utf8'));
const mark = 'M9 7h4v14h10v4H9z';
const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// Spoiler-free by construction: kicker, headline and source only, over the shape of the
// production timeline (no event is named).
const card = `<!doctype html><html><body style="margin:0">
<div style="box-sizing:border-box;width:1200px;height:630px;padding:72px 80px;background:#141414;color:#ebe9e6;
  font-family:Charter,'Bitstream Charter',Georgia,'DejaVu Serif',serif;display:flex;flex-direction:column">
  <div style="display:flex;align-items:center;gap:20px;font:600 30px/1 'DejaVu Sans',sans-serif;letter-spacing:.12em;text-transform:uppercase;color:#ff8fa6">
    <svg viewBox="0 0 32 32" width="56" height="56"><rect width="32" height="32" rx="6" fill="#a0153e"/><path d="${mark}" fill="#fff"/></svg>
    ${escape(article.kicker)}
  </div>
  <h1 style="margin:56px 0 0;font-size:84px;line-height:1.08;font-weight:700">${escape(article.headline)}</h1>
  <div style="margin-top:auto;display:flex;align-items:center;gap:16px">
    ${Array.from({ length: 9 }, (_, i) => `<span style="width:${i === 8 ? 28 : 14}px;height:${i === 8 ? 28 : 14}px;border-radius:50%;background:${i === 8 ? '#ff8fa6' : '#b5b3b0'}"></span>`).join('<span style="flex:1;height:3px;background:#3d3d3d"></span>')}
  </div>
  <div style="margin-top:28px;font:500 30px/1 'DejaVu Sans',sans-serif;color:#b5b3b0">Source: ${escape(article.source)}</div>
</div></body></html>`;

const icon = (size, maskable) => `<!doctype html><html><body style="margin:0;background:transparent">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${maskable ? '-8 -8 48 48' : '0 0 32 32'}" width="${size}" height="${size}" style="display:block">
  <rect x="${maskable ? -8 : 0}" y="${maskable ? -8 : 0}" width="${maskable ? 48 : 32}" height="${maskable ? 48 : 32}" rx="${maskable ? 0 : 6}" fill="#a0153e"/>
  <path d="${mark}" fill="#fff"/></svg></body></html>`;

/** Adds an uncompressed iTXt chunk (`keyword`, UTF-8 `text`) just before the PNG's IEND. */
function withText(png, keyword, text) {
  const data = Buffer.concat([Buffer.from(`${keyword}\0\0\0\0\0`, 'latin1'), Buffer.from(text, 'utf8')]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('iTXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

const browser = await launch();
try {
  const shoot = async (html, width, height, transparent = false) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(html);
    const png = await page.screenshot({ type: 'png', omitBackground: transparent });
    await page.close();
    return png;
  };
  const social = await shoot(card, 1200, 630);
  writeFileSync(`${root}assets/social.png`, withText(social, 'Title', article.headline));
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
    ['apple-touch-icon.png', 180, true],
  ]) {
    writeFileSync(`${root}assets/${name}`, await shoot(icon(size, maskable), size, size, !maskable));
  }
} finally {
  await browser.close();
}
console.log('wrote assets/social.png and the icons');
