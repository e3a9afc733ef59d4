// Accessibility beyond axe: the keyboard alone reaches every control in reading order with
// a focus ring of 3:1 or more, nothing moves for readers who ask for reduced motion, and the
// page, the iframe embed and the custom element reflow at 320 px and at 200% zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSite } from '../support/site.mjs';
import { serve } from '../support/server.mjs';
import { hydrated } from '../support/browser.mjs';
import { HYDRATED } from '../support/contract.mjs';

// The widget's files load cross-origin, as they do from a publisher's page.
const site = useSite({ headers: { 'access-control-allow-origin': '*' } });
let host;
before(async () => {
  // A publisher's page on another origin, with both kinds of widget.
  const dir = await mkdtemp(join(tmpdir(), 'look-back-access-'));
  host = await serve(dir, { host: 'localhost' });
  const page = (body) => `<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"></head><body style="margin:0">${body}</body></html>`;
  await writeFile(join(dir, 'element.html'), page(`<look-back-article section="article"></look-back-article><script type="module" src="${site.url}widget.js"></script>`));
  await writeFile(join(dir, 'iframe.html'), page(`<iframe data-look-back="t" src="${site.url}embed/timeline/?id=t" title="Timeline" style="width:100%;border:0;height:900px"></iframe><script src="${site.url}embed.js"></script>`));
});
after(() => host?.close());

/** Relative luminance contrast of two `rgb()`/`rgba()` colours (alpha ignored). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** What the focused element is, where it sits, and how its focus ring is drawn. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    let behind = 'rgb(255, 255, 255)';
    for (let node = el.parentElement; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) {
        behind = bg;
        break;
      }
    }
    // Counted in the body: scripts the page adds to its head later do not shift the order.
    const all = [...document.body.querySelectorAll('*')];
    return {
      index: all.indexOf(el),
      name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 30)}"`,
      ring: { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, behind },
      visible: el.getBoundingClientRect().width > 0,
    };
  });

/** Every element Tab should stop at, in document order. */
const tabbable = (page) =>
  page.evaluate(() => {
    const all = [...document.body.querySelectorAll('*')];
    return [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => all.indexOf(el));
  });

for (const colorScheme of ['light', 'dark']) {
  test(`Tab alone reaches every control once, in reading order, with a 3:1 focus ring (${colorScheme})`, async () => {
    const { context, page, problems } = await site.open('', { colorScheme });
    // Open what opens, so that the controls inside are in the order too.
    await page.getByRole('button', { name: 'Embed this article' }).click();
    // Back to the top, as a fresh reader: a click there moves where Tab starts from.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.click(1, 1);
    const expected = await tabbable(page);
    const stops = [];
    for (let i = 0; i < expected.length + 5; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now || (stops.length && now.index === stops[0].index)) break;
      stops.push(now);
    }
    assert.deepEqual(
      stops.map((s) => s.index),
      expected,
      `Tab order: ${stops.map((s) => s.name).join(' → ')}`,
    );
    assert.ok(stops.length >= 10, `only ${stops.length} stops`);
    for (const { name, ring, visible } of stops) {
      assert.ok(visible, `${name} is focused but not shown`);
      assert.equal(ring.style, 'solid', `${name} has no focus ring`);
      assert.ok(ring.width >= 2, `${name}: ring ${ring.width}px`);
      const ratio = contrast(ring.color, ring.behind);
      assert.ok(ratio >= 3, `${name}: ring ${ring.color} on ${ring.behind} is ${ratio.toFixed(2)}:1`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** Opens a spoiler and follows a quote's link, then reports the motion that started. */
async function motionAfterReading(page) {
  await page.locator('.spoiler-toggle').first().click();
  const afterReveal = await page.evaluate(() => document.getAnimations().length);
  const before = await page.evaluate(() => scrollY);
  await page.locator('.passage-quote-link').last().click();
  const [now, afterJump] = await page.evaluate(() => [scrollY, document.getAnimations().length]);
  await page.waitForTimeout(800);
  // An instant jump is over by the time the click returns; a smooth scroll is still going.
  const later = await page.evaluate(() => scrollY);
  return { afterReveal, afterJump, jumped: now !== before, instant: Math.abs(later - now) < 2 };
}

test('with reduced motion asked for, opening spoilers and following links moves nothing', async () => {
  const reduced = await site.open('', { reducedMotion: 'reduce' });
  assert.deepEqual(await motionAfterReading(reduced.page), { afterReveal: 0, afterJump: 0, jumped: true, instant: true });
  const transitions = await reduced.page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
    }).length,
  );
  assert.equal(transitions, 0);
  assert.deepEqual(reduced.problems, []);
  await reduced.context.close();
  // The same steps without the preference do animate, so the check above can see motion.
  const moving = await site.open('', { reducedMotion: 'no-preference' });
  const seen = await motionAfterReading(moving.page);
  assert.ok(seen.afterReveal > 0 && seen.afterJump > 0 && !seen.instant, JSON.stringify(seen));
  await moving.context.close();
});

/** Elements that stick out past the right edge of the viewport, and the page's overflow. */
const overflow = (frame) =>
  frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const roots = [document, ...[...document.querySelectorAll('look-back-article')].map((h) => h.shadowRoot).filter(Boolean)];
    const out = roots.flatMap((root) =>
      [...root.querySelectorAll('*')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > width + 1 && !el.closest('.skip-link');
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`),
    );
    return { scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 5) };
  });

// 320 CSS px is WCAG's reflow width; 200% zoom of a 1280 px window leaves 640 CSS px at twice
// the pixel density, which is how the browser zooms.
for (const [label, viewport, deviceScaleFactor] of [
  ['320 px', { width: 320, height: 640 }, 1],
  ['200% zoom', { width: 640, height: 400 }, 2],
]) {
  test(`at ${label} the page, its open panels and both widgets need no horizontal scroll`, async () => {
    const options = { viewport, deviceScaleFactor, permissions: [] };
    const { context, page, problems } = await site.open('', options);
    await page.getByRole('button', { name: 'Show all spoilers' }).click();
    await page.getByRole('button', { name: 'Embed this article' }).click();
    assert.deepEqual(await overflow(page), { scroll: 0, out: [] });
    await page.goto(`${host.url}element.html`);
    await page.waitForFunction(() => document.querySelector('look-back-article')?.shadowRoot?.querySelector('article'));
    assert.deepEqual(await overflow(page), { scroll: 0, out: [] });
    await page.goto(`${host.url}iframe.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator(`html[${HYDRATED}]`).waitFor({ state: 'attached' });
    const inner = page.frames().find((f) => f.url().includes('/embed/timeline/'));
    assert.deepEqual(await overflow(inner), { scroll: 0, out: [] });
    assert.deepEqual(await overflow(page), { scroll: 0, out: [] });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the zoomed page keeps every control at least 24 px square', async () => {
  for (const [viewport, deviceScaleFactor] of [[{ width: 320, height: 640 }, 1], [{ width: 640, height: 400 }, 2]]) {
    const { context, page } = await site.open('', { viewport, deviceScaleFactor });
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, a.control')]
        .filter((el) => el.getClientRects().length)
        .map((el) => [el.textContent.trim().slice(0, 20) || el.getAttribute('aria-label'), el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 24 || r.height < 24)
        .map(([name, r]) => `${name}: ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    assert.deepEqual(small, []);
    await context.close();
  }
});

/** Presses Tab until `locator`'s element has focus, as a keyboard reader gets there. */
async function tabTo(page, locator) {
  for (let i = 0; i < 80; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${locator}`);
}

test('every kind of control does its job from the keyboard alone', async () => {
  const { context, page, problems } = await site.open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.mouse.click(1, 1);
  // A pull quote's Copy button, with Enter.
  const group = page.locator('.pull-quote').first();
  await tabTo(page, group.getByRole('button', { name: 'Copy quote' }));
  await page.keyboard.press('Enter');
  await group.getByRole('status').filter({ hasText: 'Quote copied.' }).waitFor();
  // The timeline: one tab stop, arrows move and choose, the chosen event's link follows.
  await tabTo(page, page.locator('.event-pick').first());
  await page.keyboard.press('End');
  const last = page.locator('.event-pick').last();
  assert.equal(await last.evaluate((el) => el === document.activeElement), true);
  assert.equal(await last.getAttribute('aria-pressed'), 'true');
  const read = page.locator('.timeline-event').last().getByRole('link', { name: 'Read it in the article' });
  await page.keyboard.press('Tab');
  assert.equal(await read.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Enter');
  await page.waitForFunction((hash) => location.hash === hash, await read.evaluate((a) => a.hash));
  // The sentence's way back is the next stop.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Back to the timeline');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement === document.querySelector('.event-pick[aria-pressed="true"]'));
  // A spoiler with Space, Show all with Enter, the "always" checkbox with Space.
  const first = page.locator('.spoiler-toggle').first();
  await tabTo(page, first);
  await page.keyboard.press('Space');
  assert.equal(await first.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, page.getByRole('button', { name: 'Hide all spoilers' }));
  await page.keyboard.press('Enter');
  assert.equal(await first.getAttribute('aria-expanded'), 'false');
  const always = page.getByRole('checkbox', { name: 'Always show spoilers on this site' });
  await tabTo(page, always);
  await page.keyboard.press('Space');
  assert.equal(await always.isChecked(), true);
  assert.equal(await page.locator('.spoiler-toggle[aria-expanded="false"]').count(), 0);
  // The embed code: open with Enter, pick a section with the arrow keys, copy with Enter.
  const embed = page.getByRole('button', { name: 'Embed this article' });
  await tabTo(page, embed);
  await page.keyboard.press('Enter');
  assert.equal(await embed.getAttribute('aria-expanded'), 'true');
  const section = page.locator('.embed-code select').first();
  await tabTo(page, section);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#embed-iframe').value.includes('embed/timeline/'));
  await tabTo(page, page.getByRole('button', { name: 'Copy iframe code' }));
  await page.keyboard.press('Enter');
  await page.locator('.embed-code-status').filter({ hasText: 'Copied.' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /embed\/timeline\//);
  assert.deepEqual(problems, []);
  await context.close();
});
