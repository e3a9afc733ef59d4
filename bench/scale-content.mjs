// Writes a content file 100 times the article's length, for the bench's scale case: the
// body's paragraphs repeated, each copy with ids and words of its own (identical copies would
// be stored once in the wasm and flatter it). Usage: node bench/scale-content.mjs OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'smol-toml';

const TIMES = 100;
const article = parse(readFileSync(new URL('../content/article.toml', import.meta.url), 'utf8'));
const body = [];
for (let copy = 0; copy < TIMES; copy++) {
  for (const p of article.body) body.push(copy === 0 ? p : { ...p, id: `${p.id}-${copy + 1}`, text: `${p.text} (Copy ${copy + 1}.)` });
}
// Its body is not the supplied text, so it names none to be checked against.
const { supplied, ...rest } = article;
writeFileSync(process.argv[2], stringify({ ...rest, body }));
