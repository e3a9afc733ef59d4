// Findable and well-formed: the served and the hydrated HTML pass the Nu HTML Checker,
// Lighthouse gives full marks for accessibility, best practices and SEO, and what link
// previews and installs use (social image, manifest, icons) is there and spoiler-free.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, dist, useSite } from '../support/site.mjs';
import { CSP } from '../support/server.mjs';
import { htmlErrors } from '../support/vnu.mjs';
import { audit } from '../support/lighthouse.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import metascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperPublisher from 'metascraper-publisher';

const site = useSite({ gzip: true, headers: { 'content-security-policy': CSP } });
const SECTIONS = ['article', 'timeline', 'quotes', 'synopsis'];
const served = async (path) => (await fetch(site.url + path)).text();

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('the served HTML of the page and of every embed passes the Nu HTML Checker', async () => {
  const documents = { '/': await served('') };
  for (const section of SECTIONS) documents[`/embed/${section}/`] = await served(`embed/${section}/`);
  assert.deepEqual(await htmlErrors(documents), []);
});

test('the hydrated DOM passes the Nu HTML Checker in every state a reader can reach', async () => {
  const { context, page, problems } = await site.open('');
  const documents = { hydrated: await page.content() };
  await page.getByRole('button', { name: 'Show all spoilers' }).click();
  await page.getByRole('button', { name: /embed this article/i }).click();
  documents['spoilers shown, embed code open'] = await page.content();
  const embed = await site.open('embed/timeline/?spoilers=shown');
  documents['timeline embed, hydrated'] = await embed.page.content();
  assert.deepEqual(await htmlErrors(documents), []);
  assert.deepEqual([...problems, ...embed.problems], []);
  await context.close();
  await embed.context.close();
});

test('Lighthouse (mobile) scores 100 for accessibility, best practices and SEO', async () => {
  const { scores, failing } = await audit(site.url, ['accessibility', 'best-practices', 'seo']);
  assert.deepEqual(failing, []);
  assert.deepEqual(scores, { accessibility: 100, 'best-practices': 100, seo: 100 });
});

test('Lighthouse scores an embed 100 for accessibility and best practices', async () => {
  const { scores, failing } = await audit(`${site.url}embed/timeline/`, ['accessibility', 'best-practices']);
  assert.deepEqual(failing, []);
  assert.deepEqual(scores, { accessibility: 100, 'best-practices': 100 });
});

test('link previews get a 1200×630 image that the site serves, described without spoilers', async () => {
  const html = await served('');
  const meta = (key) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
  assert.equal(meta('twitter:card'), 'summary_large_image');
  const image = new URL(meta('og:image'));
  assert.equal(meta('twitter:image'), image.href);
  assert.deepEqual([meta('og:image:width'), meta('og:image:height')], ['1200', '630']);
  const response = await fetch(site.url + image.pathname.slice(1));
  assert.equal(response.headers.get('content-type'), 'image/png');
  assert.deepEqual(pngSize(Buffer.from(await response.arrayBuffer())), { width: 1200, height: 630 });
  const alt = meta('og:image:alt');
  assert.ok(alt.includes(article.headline), alt);
  for (const block of article.synopsis.blocks) assert.ok(!alt.includes(block.text.slice(0, 30)));
  const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)[1]);
  assert.equal(jsonLd.image, image.href);
  assert.equal(jsonLd.headline, article.headline);
  assert.equal(jsonLd.sourceOrganization.name, article.source);
});

test('Reader View and link previews name the site and credit the source, and date the article only if it has a date', async () => {
  const html = await served('');
  // The build's one setting for the site's name, as the oEmbed files give it too.
  const siteName = JSON.parse(await readFile(join(dist, 'oembed/article.json'), 'utf8')).provider_name;
  const reader = new Readability(new JSDOM(html, { url: site.url }).window.document).parse();
  assert.equal(reader.byline, article.source, 'Reader View shows the credit as the byline');
  assert.equal(reader.siteName, siteName);
  const preview = await metascraper([metascraperPublisher(), metascraperAuthor(), metascraperDate()])({ html, url: site.url });
  assert.equal(preview.publisher, siteName, 'never the kicker, which is a section');
  assert.equal(preview.author, article.source);
  // A date only where the content file gives one: never the day the preview was made.
  assert.equal(preview.date, article.published ? new Date(article.published).toISOString() : null);
  assert.equal(reader.publishedTime ?? null, article.published ?? null);
});

test('the page links a web app manifest whose icons are served at their stated sizes', async () => {
  const html = await served('');
  const href = html.match(/<link rel="manifest" href="([^"]+)"/)[1];
  const response = await fetch(new URL(href, site.url));
  assert.equal(response.headers.get('content-type'), 'application/manifest+json');
  const manifest = await response.json();
  assert.equal(manifest.name, article.headline);
  assert.equal(manifest.start_url, '/');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'any'));
  for (const icon of manifest.icons) {
    const bytes = Buffer.from(await (await fetch(new URL(icon.src, site.url))).arrayBuffer());
    const { width, height } = pngSize(bytes);
    assert.equal(`${width}x${height}`, icon.sizes, icon.src);
  }
  const touch = html.match(/<link rel="apple-touch-icon" href="([^"]+)"/)[1];
  assert.deepEqual(pngSize(Buffer.from(await (await fetch(new URL(touch, site.url))).arrayBuffer())), { width: 180, height: 180 });
});
