// The production timeline: in order, dated honestly, one tab stop with arrow keys, linked to
// the sentences both ways, and still usable with 200 events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, useSite } from '../support/site.mjs';
import { serve } from '../support/server.mjs';
import { watchedPage, openHydrated, axeViolations } from '../support/browser.mjs';

const { events } = article;
const site = useSite();

const { open } = site;
const focusedId = (page) => page.evaluate(() => document.activeElement?.closest('li')?.id);
const onScreen = (locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    // Scrolled to, an element's top can sit a fraction of a pixel above the edge.
    return box.top > -1 && box.bottom <= innerHeight;
  });

test('the events read in order with honest dates, even without scripts', async () => {
  const { context, page } = await watchedPage(site.browser, { javaScriptEnabled: false });
  await page.goto(site.url);
  const rows = await page.locator('.timeline-list > li').evaluateAll((lis) =>
    lis.map((li) => ({ id: li.id, datetime: li.querySelector('time').getAttribute('datetime'), when: li.querySelector('time').textContent })),
  );
  assert.deepEqual(rows.map((r) => r.id), events.map((e) => `event-${e.id}`));
  assert.deepEqual(rows[0], { id: 'event-office', datetime: '2024-04', when: 'about 2½ months before' });
  assert.deepEqual(rows[1], { id: 'event-noon', datetime: '2024-06-27', when: 'the day before, at noon' });
  assert.equal(rows.at(-1).datetime, '2024-06-28');
  assert.equal(await page.locator('.timeline-list').evaluate((ol) => ol.tagName), 'OL');
  await context.close();
});

test('the events are one tab stop: arrows, Home and End move, Enter follows the link', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  assert.equal(await page.locator('a.event-link:not([tabindex="-1"])').count(), 1);
  await page.locator('a.event-link').first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(page), `event-${events[1].id}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedId(page), `event-${events[2].id}`);
  await page.keyboard.press('End');
  assert.equal(await focusedId(page), `event-${events.at(-1).id}`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(page), `event-${events.at(-1).id}`, 'End is the end');
  await page.keyboard.press('Home');
  assert.equal(await focusedId(page), `event-${events[0].id}`);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedId(page), `event-${events[0].id}`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('a.event-link:not([tabindex="-1"])').count(), 1, 'still one tab stop');
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(focusRing, 'solid');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector(':target')?.classList.contains('passage'));
  const target = page.locator(':target');
  assert.ok((await target.innerText()).includes(events[1].source.text));
  assert.ok(await onScreen(target));
  assert.deepEqual(problems, []);
  await context.close();
});

test('activating an event scrolls to its sentence and highlights it', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  const clothes = events.find((e) => e.id === 'clothes');
  await page.locator(`#event-${clothes.id} a`).click();
  const passage = page.locator(`#source-${clothes.id}`);
  assert.equal(await passage.innerText(), clothes.source.text);
  assert.ok(await passage.evaluate((el) => el.matches(':target')));
  assert.ok(await onScreen(passage));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the only event marked current is the one the reader chose, and the arrows move it', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  // Scrolling through the text chooses nothing.
  for (const id of ['clothes', 'finish']) await page.locator(`#source-${id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.timeline-event.current, [aria-current]').count(), 0, 'nothing is marked before a choice');
  await page.locator('#event-noon a').focus();
  const marked = () => page.evaluate(() => [...document.querySelectorAll('[aria-current]')].map((a) => a.closest('li').id));
  assert.deepEqual(await marked(), ['event-noon']);
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await marked(), ['event-clothes'], 'the mark follows the focus');
  assert.equal(await page.evaluate(() => document.activeElement.closest('li').id), 'event-clothes');
  assert.equal(await page.locator('.timeline-event.current').count(), 1);
  assert.equal(await page.locator('.timeline-scale .dot.current').count(), 2, 'its dot in each scale');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link #event-<id> lands on the event', async () => {
  const { context, page, problems } = await open('#event-futon', { reducedMotion: 'reduce' });
  const event = page.locator('#event-futon');
  assert.ok(await event.evaluate((el) => el.matches(':target')));
  assert.ok(await onScreen(event));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the scale is horizontal where there is room and vertical on phones', async () => {
  for (const [width, shown] of [[1024, 'horizontal'], [360, 'vertical']]) {
    const { context, page } = await open('', { viewport: { width, height: 800 } });
    assert.ok(await page.locator(`svg.timeline-scale.${shown}`).isVisible(), `${shown} at ${width}`);
    assert.equal(await page.locator('svg.timeline-scale:visible').count(), 1);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    await context.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations in the timeline, ${colorScheme}`, async () => {
    const { context, page } = await open('#event-noon', { colorScheme, reducedMotion: 'reduce' });
    await page.locator('#event-clothes a').focus();
    await page.waitForSelector('.timeline-event.current');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

test('200 events render in order, stay on the page at 320 px, and End reaches the last', async () => {
  const many = await mkdtemp(join(tmpdir(), 'look-back-many-'));
  const build = spawnSync('trunk', ['build', '--dist', many], {
    env: { ...process.env, LOOK_BACK_CONTENT: 'tests/fixtures/many_events.toml', NO_COLOR: 'true' },
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr);
  const fixture = await serve(many);
  const { context, page, problems } = await openHydrated(site.browser, fixture.url, { viewport: { width: 320, height: 700 } });
  const ids = await page.locator('.timeline-list > li').evaluateAll((lis) => lis.map((li) => li.id));
  assert.deepEqual(ids, Array.from({ length: 200 }, (_, i) => `event-e${String(i).padStart(3, '0')}`));
  assert.equal(await page.locator('svg.timeline-scale.vertical .dot').count(), 200);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  await page.locator('a.event-link').first().focus();
  await page.keyboard.press('End');
  assert.equal(await focusedId(page), 'event-e199');
  assert.deepEqual(problems, []);
  await context.close();
  await fixture.close();
});

test('on paper the timeline is its list, in the body type, with no event marked', async () => {
  const { context, page } = await open('', { viewport: { width: 1024, height: 800 }, reducedMotion: 'reduce' });
  await page.locator('#event-clothes a').focus();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('svg.timeline-scale:visible').count(), 0, 'no scale prints');
  assert.equal(await page.locator('.timeline-list > li:visible').count(), article.events.length);
  const body = await page.locator('.article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const events = await page.locator('.timeline-list').evaluate((ol) => [...ol.querySelectorAll('*')].map((el) => parseFloat(getComputedStyle(el).fontSize)));
  assert.ok(Math.max(...events) <= body, `the list prints at up to ${Math.max(...events)} px against the body's ${body} px`);
  const marked = await page.locator('.timeline-event').evaluateAll((lis) => lis.filter((li) => getComputedStyle(li).backgroundColor !== 'rgba(0, 0, 0, 0)').length);
  assert.equal(marked, 0);
  await context.close();
});
