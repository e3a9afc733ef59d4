// Applies the harmless edits an editor makes to a copy of the content file, for the tests to
// run on: a typo fixed with its [[mends]] entry, a pull quote swapped for another sentence of
// its paragraph, a timeline event added, and a paragraph's id renamed (with every reference
// to it). Whatever the article says, the edits are found from the file itself.
// Usage: node tests/harmless/edit.mjs [IN] OUT  (IN is content/article.toml by default)
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'smol-toml';

const [input, output] = process.argv.length > 3 ? process.argv.slice(2) : ['content/article.toml', process.argv[2]];
if (!output) throw new Error('usage: node tests/harmless/edit.mjs [IN] OUT');
const article = parse(readFileSync(input, 'utf8'));
const paragraph = (id) => article.body.find((p) => p.id === id);

/** The [start, end) of each passage that must stand word for word in paragraph `id`. */
const passages = (id) =>
  [...article.quotes.filter((q) => q.paragraph === id).map((q) => q.text), ...article.events.filter((e) => e.source.paragraph === id).map((e) => e.source.text)].map((text) => {
    const at = paragraph(id).text.indexOf(text);
    return [at, at + text.length];
  });
const free = (id, start, end) => passages(id).every(([s, e]) => end <= s || start >= e);

/** The sentences of paragraph `id` that no passage touches, with where they stand. */
function freeSentences(id) {
  const text = paragraph(id).text;
  const found = [];
  for (const m of text.matchAll(/[A-Z][^.!?“”"]{24,160}[.!?]/g)) {
    if (free(id, m.index, m.index + m[0].length)) found.push({ text: m[0], at: m.index });
  }
  return found;
}

const done = [];

// 1. A typo fixed: a straight apostrophe made typographic where no passage stands, recorded
//    as a mend, as the file's own comments ask.
fix: for (const p of article.body) {
  for (const m of p.text.matchAll(/\w{2,}'\w+/g)) {
    const [start, end] = [Math.max(0, m.index - 12), Math.min(p.text.length, m.index + m[0].length + 12)];
    const was = p.text.slice(start, end);
    if (!free(p.id, start, end) || p.text.indexOf(was) !== p.text.lastIndexOf(was)) continue;
    const now = was.replace("'", '’');
    p.text = p.text.replace(was, now);
    article.mends = [...(article.mends ?? []), { paragraph: p.id, was, now, why: 'a straight apostrophe' }];
    done.push(`typo fixed in ${p.id}: ${was} → ${now}`);
    break fix;
  }
}

// 2. A pull quote swapped for another sentence of its paragraph.
{
  const quote = article.quotes.find((q) => freeSentences(q.paragraph).length);
  if (!quote) throw new Error('no pull quote has another sentence of its paragraph to pull');
  const [other] = freeSentences(quote.paragraph);
  done.push(`quote ${quote.id} now pulls: ${other.text}`);
  quote.text = other.text;
}

// 3. A timeline event added after the last, its source a sentence no passage holds.
{
  const last = article.events.at(-1);
  const [source] = article.body.flatMap((p) => freeSentences(p.id).map((s) => ({ paragraph: p.id, text: s.text })));
  if (!source) throw new Error('no sentence left for a new event');
  article.events.push({ id: 'added-by-an-editor', day: last.day + 1, precision: 'day', title: 'An event an editor added', text: 'Added to try the page with one more event.', source });
  done.push(`event added on day ${last.day + 1}, from ${source.paragraph}`);
}

// 4. A paragraph's id renamed, and every reference to it.
{
  const p = article.body.find((b) => article.quotes.some((q) => q.paragraph === b.id)) ?? article.body[0];
  const [was, now] = [p.id, `${p.id}-renamed`];
  p.id = now;
  for (const item of [...article.quotes, ...(article.mends ?? [])]) if (item.paragraph === was) item.paragraph = now;
  for (const event of article.events) if (event.source.paragraph === was) event.source.paragraph = now;
  done.push(`paragraph ${was} renamed ${now}`);
}

writeFileSync(output, stringify(article));
// The supplied text the file names stands beside it.
if (article.supplied) copyFileSync(join(dirname(input), article.supplied), join(dirname(output), article.supplied));
console.log(done.map((d) => `harmless edit: ${d}`).join('\n'));
