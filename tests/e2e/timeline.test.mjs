// The production timeline: in order, dated honestly, labels beside what they label at every
// width, dots that choose, one notion of the chosen event, a way to the sentence and back,
// and still usable with 200 events.
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
// The events the tests choose: the third of those whose sentence is no pull quote's (so the
// sentence is marked as theirs), another, and one whose words say how they are inferred.
const own = events.filter((e) => !article.quotes.some((q) => q.paragraph === e.source.paragraph && q.text === e.source.text));
const picked = own[Math.min(2, own.length - 1)];
const PICKED = `event-${picked.id}`;
const OTHER = `event-${events.find((e) => e !== picked).id}`;
const INFERRED = `event-${(events.find((e) => e.inferred) ?? events.at(-1)).id}`;
const site = useSite();

const { open } = site;
const focusedId = (page) => page.evaluate(() => document.activeElement?.closest('li')?.id);
const chosenIds = (page) => page.locator('.event-pick[aria-pressed="true"]').evaluateAll((bs) => bs.map((b) => b.closest('li').id));
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
  // Each event's date is day zero's plus its day; an approximate one names only its month,
  // and says "about". The words for each day are the content crate's, tested natively.
  const dayZero = Date.parse(`${article.timeline.day_zero_date}T00:00:00Z`);
  for (const [i, e] of events.entries()) {
    const date = new Date(dayZero + e.day * 86_400_000).toISOString().slice(0, 10);
    assert.equal(rows[i].datetime, e.precision === 'approximate' ? date.slice(0, 7) : date, e.id);
    if (e.precision === 'approximate') assert.equal(rows[i].when, `about ${e.about}`, e.id);
    else assert.ok(rows[i].when.trim(), e.id);
  }
  assert.equal(await page.locator('.timeline-list').evaluate((ol) => ol.tagName), 'OL');
  // Every event's own words are there to read, in place.
  for (const e of events) assert.ok(await page.locator(`#event-${e.id} .event-text`).isVisible(), e.id);
  await context.close();
});

for (const width of [320, 390, 1440]) {
  test(`at ${width} px each label sits beside what it labels, and the rail spends its length on the events`, async () => {
    const { context, page, problems } = await open('', { viewport: { width, height: 800 }, reducedMotion: 'reduce' });
    const rows = await page.locator('.timeline-event').evaluateAll((lis) =>
      lis.map((li) => {
        const box = (el) => el && el.getBoundingClientRect().toJSON();
        return {
          id: li.id,
          dot: box(li.querySelector('.event-dot')),
          title: box(li.querySelector('.event-title')),
          part: box(li.querySelector('.when-part')),
          day: box(li.querySelector('.timeline-day')),
          dayText: li.querySelector('.timeline-day')?.textContent,
          gap: box(li.querySelector('.timeline-gap')),
          numberPx: parseFloat(getComputedStyle(li.querySelector('.event-dot')).fontSize),
        };
      }),
    );
    const middle = (b) => b.top + b.height / 2;
    for (const r of rows) {
      // The part of the day and the title share the dot's line, starting just right of it.
      const labels = [r.part, r.title].filter(Boolean);
      for (const label of labels) assert.ok(label.top < middle(r.dot) && label.bottom > middle(r.dot), `${r.id}: a label beside its dot, not on another line`);
      assert.ok(labels[0].left >= r.dot.right && labels[0].left - r.dot.right < 32, `${r.id}: its label starts ${labels[0].left - r.dot.right} px from its dot`);
      // A day's heading sits just above its first dot.
      if (r.day) {
        assert.ok(r.dot.top - r.day.bottom >= 0 && r.dot.top - r.day.bottom < 16, `${r.id}: "${r.dayText}" ${r.dot.top - r.day.bottom} px above its dot`);
        assert.ok(r.day.left >= r.dot.right - 4, `${r.id}: the heading lines up with the labels`);
      }
      assert.ok(r.numberPx >= 12, `${r.id}: its number is ${r.numberPx} px`);
      assert.ok(r.dot.right <= width && r.title.right <= width);
    }
    // One heading for each day, over its first event.
    const firsts = events.filter((e, i) => i === 0 || events[i - 1].day !== e.day).map((e) => `event-${e.id}`);
    assert.deepEqual(rows.filter((r) => r.day).map((r) => r.id), firsts);
    assert.ok(rows.every((r) => !r.day || r.dayText.trim()), 'a heading says its day');
    // The months between are a short break with words, not bare line.
    const list = await page.locator('.timeline-list').boundingBox();
    const gaps = rows.filter((r) => r.gap);
    assert.ok(gaps.length <= firsts.length - 1);
    for (const { gap } of gaps) assert.ok(gap.height < list.height / 10, `the break takes ${gap.height} of ${list.height} px`);
    for (const text of await page.locator('.timeline-gap').allInnerTexts()) assert.match(text, /later$/);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a dot is a target of 24 px or more, and choosing it shows the event in place', async () => {
  const { context, page, problems } = await open('', { viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
  for (const dot of await page.locator('.event-dot').all()) {
    const box = await dot.boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, `a dot of ${box.width} by ${box.height} px`);
  }
  const dot = page.locator(`#${PICKED} .event-dot`);
  await dot.scrollIntoViewIfNeeded();
  const box = await dot.boundingBox();
  const before = await page.evaluate(() => scrollY);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.deepEqual(await chosenIds(page), [PICKED]);
  assert.equal(await page.evaluate(() => scrollY), before, 'choosing moves nothing');
  const read = page.locator(`#${PICKED}`).getByRole('link', { name: 'Read it in the article' });
  assert.ok(await read.isVisible());
  assert.ok(await page.locator(`#${PICKED} .event-text`).isVisible());
  assert.equal(await page.getByRole('link', { name: 'Read it in the article' }).count(), 1, 'only the chosen event offers its sentence');
  // Choosing it again lets it go.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.deepEqual(await chosenIds(page), []);
  assert.ok(await read.isHidden());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the events are one tab stop: arrows, Home and End move and choose together', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  assert.equal(await page.locator('.event-pick:not([tabindex="-1"])').count(), 1);
  await page.locator('.event-pick').first().focus();
  assert.deepEqual(await chosenIds(page), [], 'focus alone chooses nothing');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(page), `event-${events[1].id}`);
  assert.deepEqual(await chosenIds(page), [`event-${events[1].id}`], 'the choice follows the focus');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedId(page), `event-${events[2].id}`);
  assert.deepEqual(await chosenIds(page), [`event-${events[2].id}`]);
  await page.keyboard.press('End');
  assert.equal(await focusedId(page), `event-${events.at(-1).id}`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedId(page), `event-${events.at(-1).id}`, 'End is the end');
  await page.keyboard.press('Home');
  assert.equal(await focusedId(page), `event-${events[0].id}`);
  assert.deepEqual(await chosenIds(page), [`event-${events[0].id}`]);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedId(page), `event-${events[0].id}`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('.event-pick:not([tabindex="-1"])').count(), 1, 'still one tab stop');
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(focusRing, 'solid');
  assert.deepEqual(problems, []);
  await context.close();
});

test('nothing is chosen until the reader chooses: scrolling through the text chooses nothing', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  for (const { id } of own) await page.locator(`#source-${id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.timeline-event.chosen, .event-pick[aria-pressed="true"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Read it in the article" lands on the sentence, and "Back to the timeline" returns to the event', async () => {
  const { context, page, problems } = await open('', { reducedMotion: 'reduce' });
  assert.equal(await page.getByRole('link', { name: 'Back to the timeline' }).count(), 0, 'no way back before a way there');
  await page.locator(`#${PICKED} .event-pick`).click();
  await page.locator(`#${PICKED}`).getByRole('link', { name: 'Read it in the article' }).click();
  const passage = page.locator(`#source-${picked.id}`);
  assert.equal(await passage.innerText(), picked.source.text);
  assert.ok(await passage.evaluate((el) => el.matches(':target')));
  assert.ok(await onScreen(passage));
  const back = page.getByRole('link', { name: 'Back to the timeline' });
  assert.equal(await back.count(), 1, 'one way back, by the sentence');
  const [sentence, link] = [await passage.boundingBox(), await back.boundingBox()];
  assert.ok(Math.abs(link.y - (sentence.y + sentence.height)) < 60 && (link.y > sentence.y - 10), 'the way back sits by the sentence');
  await back.click();
  await page.waitForFunction((hash) => location.hash === hash, `#${PICKED}`);
  assert.ok(await onScreen(page.locator(`#${PICKED} .event-pick`)));
  assert.deepEqual(await chosenIds(page), [PICKED]);
  assert.equal(await focusedId(page), PICKED, 'focus is back on the event');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link #event-<id> lands on the event and chooses it', async () => {
  const { context, page, problems } = await open(`#${INFERRED}`, { reducedMotion: 'reduce' });
  const event = page.locator(`#${INFERRED}`);
  assert.ok(await event.evaluate((el) => el.matches(':target')));
  assert.ok(await onScreen(event));
  assert.deepEqual(await chosenIds(page), [INFERRED]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link to any event lands with room above it, its day and title in view', async () => {
  const { context, page } = await watchedPage(site.browser, { viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
  for (const e of events) {
    await page.goto(`${site.url}#event-${e.id}`);
    const seen = await page.locator(`#event-${e.id}`).evaluate((li) => ({
      time: li.querySelector('time').getBoundingClientRect().top,
      title: li.querySelector('.event-title').getBoundingClientRect().bottom,
      room: innerHeight / 10,
      bottom: innerHeight,
    }));
    assert.ok(seen.time >= seen.room, `${e.id} lands flush with the top: ${JSON.stringify(seen)}`);
    assert.ok(seen.title <= seen.bottom, `${e.id}: the title is in view`);
  }
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations in the timeline, ${colorScheme}`, async () => {
    const { context, page } = await open(`#${OTHER}`, { colorScheme, reducedMotion: 'reduce' });
    await page.locator(`#${PICKED} .event-pick`).click();
    await page.waitForSelector('.timeline-event.chosen .event-read:not([hidden])');
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
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);
  await page.locator('.event-pick').first().focus();
  await page.keyboard.press('End');
  assert.equal(await focusedId(page), 'event-e199');
  assert.deepEqual(problems, []);
  await context.close();
  await fixture.close();
});

test('on paper the timeline is a clean list, in the body type, with no event marked', async () => {
  const { context, page } = await open('', { viewport: { width: 1024, height: 800 }, reducedMotion: 'reduce' });
  await page.locator(`#${PICKED} .event-pick`).click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.timeline-list > li:visible').count(), article.events.length);
  assert.equal(await page.locator('.event-read:visible').count(), 0, 'no links to follow on paper');
  const body = await page.locator('.article-body p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const sizes = await page.locator('.timeline-list').evaluate((ol) => [...ol.querySelectorAll('*')].filter((el) => el.checkVisibility()).map((el) => parseFloat(getComputedStyle(el).fontSize)));
  assert.ok(Math.max(...sizes) <= body, `the list prints at up to ${Math.max(...sizes)} px against the body's ${body} px`);
  const marked = await page.locator('.timeline-event').evaluateAll((lis) =>
    lis.filter((li) => getComputedStyle(li, '::before').display !== 'none' && getComputedStyle(li, '::before').content !== 'none').length,
  );
  assert.equal(marked, 0);
  await context.close();
});
