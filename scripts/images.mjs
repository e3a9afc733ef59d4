// Draws the app icons from the favicon's mark (`node scripts/images.mjs`). The link-preview
// image is not drawn here: the build draws it from the content file (social_card.rs).
import { writeFileSync } from 'node:fs';
import { launch } from '../tests/support/browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const mark = 'M9 7h4v14h10v4H9z';

const icon = (size, maskable) => `<!doctype html><html><body style="margin:0;background:transparent">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="${maskable ? '-8 -8 48 48' : '0 0 32 32'}" width="${size}" height="${size}" style="display:block">
  <rect x="${maskable ? -8 : 0}" y="${maskable ? -8 : 0}" width="${maskable ? 48 : 32}" height="${maskable ? 48 : 32}" rx="${maskable ? 0 : 6}" fill="#a0153e"/>
  <path d="${mark}" fill="#fff"/></svg></body></html>`;

const browser = await launch();
try {
  const shoot = async (html, width, height, transparent = false) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(html);
    const png = await page.screenshot({ type: 'png', omitBackground: transparent });
    await page.close();
    return png;
  };
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
console.log('wrote the icons');
