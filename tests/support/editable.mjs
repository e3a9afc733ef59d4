// Words an editor may change in a content file, for the tests and the bench that make such a
// change: found from the file itself, so that no edit of the article breaks them.
import { parse } from 'smol-toml';

/** Three plain words of a paragraph, found once in `source` and in no passage that a pull quote
 * or an event quotes, changed to `now(was)`: `{ paragraph, was, now, edited }`, where `edited`
 * is `source` with the change and the mend that records it. */
export function editable(source, now = (was) => was.replace(' ', ' newly ')) {
  const { body, quotes, events } = parse(source);
  const passages = [...quotes.map((q) => q.text), ...events.map((e) => e.source.text)];
  for (const p of body) {
    const words = p.text.split(' ');
    for (let i = 1; i + 3 <= words.length; i++) {
      const was = words.slice(i, i + 3).join(' ');
      if (/^[a-z]+ [a-z]+ [a-z]+$/.test(was) && source.split(was).length === 2 && !passages.some((t) => t.includes(was))) {
        const changed = now(was);
        const mend = `\n[[mends]]\nparagraph = "${p.id}"\nwas = "${was}"\nnow = "${changed}"\nwhy = "a test"\n`;
        return { paragraph: p.id, was, now: changed, edited: source.replace(was, changed) + mend };
      }
    }
  }
  throw new Error('no words left to change');
}
