// Links to any passage of the article's body. Selecting words there offers "Copy link to
// this passage": a link with a text fragment (#p-<id>:~:text=…), which browsers scroll to and
// highlight, and which this script finds by itself where they do not. Each paragraph's ¶ link
// is the keyboard's way to the same; it copies the paragraph's address. Nothing outside the
// body's paragraphs is offered: not the pull quotes, and never the synopsis's spoilers.
//
// Plain JavaScript, like frame.js: written in Rust it made the page's wasm larger by many times
// its own size. The functions below are exported for the tests.

/** Words of context before a passage, so that the same words elsewhere are not found first. */
const PREFIX_WORDS = 3;
/** A passage longer than this many words is given by its first and last words alone. */
const WHOLE_WORDS = 10;
const END_WORDS = 4;
/** The mark that passages carry (the link to a pull quote); the page's, not the article's. */
const MARK = '__PASSAGE_MARK__';
/** How long the offer outlasts its selection: a tap on it clears the selection first. */
const LINGER_MS = 1500;
/** Where the offer stands below its paragraph, and a paragraph link's answer above its paragraph. */
const BELOW_PX = 8;
const ABOVE_PX = 48;

const word = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const clean = (text) => text.replaceAll(MARK, '').split(/\s+/).filter(Boolean);

/**
 * The text directive for a selection: `selected`, with its paragraph's text before and after
 * it; a word cut by the selection is taken whole. Null for a selection of no words.
 */
export function directiveFor(before, selected, after) {
  if (word(before.at(-1)) && word(selected[0])) {
    const cut = before.search(/[\p{L}\p{N}]+$/u);
    selected = before.slice(cut) + selected;
    before = before.slice(0, cut);
  }
  if (word(selected.at(-1)) && word(after[0])) selected += after.match(/^[\p{L}\p{N}]+/u)[0];
  const words = clean(selected);
  if (!words.length) return null;
  const prefix = clean(before).slice(-PREFIX_WORDS).join(' ') || null;
  return words.length > WHOLE_WORDS
    ? { prefix, start: words.slice(0, END_WORDS).join(' '), end: words.slice(-END_WORDS).join(' ') }
    : { prefix, start: words.join(' '), end: null };
}

/** Percent-encodes a part of a directive, `-`, `,` and `&` included. */
const encode = (text) => encodeURIComponent(text).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `:~:text=[prefix-,]start[,end]`. */
export function fragmentOf({ prefix, start, end }) {
  return `:~:text=${prefix ? `${encode(prefix)}-,` : ''}${encode(start)}${end ? `,${encode(end)}` : ''}`;
}

/** The element id and text directive of a fragment such as `#p-one:~:text=a-,b,c`, or null. */
export function parse(fragment) {
  const [id, directives] = fragment.replace(/^#/, '').split(':~:');
  const text = directives?.split('&').find((d) => d.startsWith('text='))?.slice(5);
  if (!text) return null;
  try {
    const parts = text.split(',');
    const prefix = parts[0].endsWith('-') ? decodeURIComponent(parts.shift().slice(0, -1)) : null;
    // A suffix ("-,suffix") is allowed; this page never writes one.
    if (parts.at(-1)?.startsWith('-')) parts.pop();
    if (parts.length < 1 || parts.length > 2 || !parts[0]) return null;
    return { id, directive: { prefix, start: decodeURIComponent(parts[0]), end: parts[1] ? decodeURIComponent(parts[1]) : null } };
  } catch {
    return null;
  }
}

/**
 * Where a directive's words stand in `text` (a paragraph's text, marks and all), as
 * [start, end) offsets: the first match whose prefix fits, with marks skipped and runs of
 * white space read as one space, as the directive was written. Null if nowhere.
 */
export function find({ prefix, start, end }, text) {
  // The text as the directive sees it, and where each of its characters came from.
  let seen = '';
  const from = [];
  for (let i = 0; i < text.length; i++) {
    const c = /\s/.test(text[i]) ? ' ' : text[i];
    if (c === MARK || (c === ' ' && seen.endsWith(' '))) continue;
    seen += c;
    from.push(i);
  }
  const boundary = (before, next) => !(word(before.at(-1)) && word(next[0]));
  for (let at = seen.indexOf(start); at >= 0; at = seen.indexOf(start, at + 1)) {
    const head = seen.slice(0, at).trimEnd();
    const fits = !prefix || (head.endsWith(prefix) && boundary(head.slice(0, -prefix.length), prefix));
    const after = at + start.length;
    const stop = end ? seen.indexOf(end, after) : after;
    if (fits && boundary(seen.slice(0, at), start) && stop >= 0) return [from[at], from[(end ? stop + end.length : stop) - 1] + 1];
  }
  return null;
}

/** The body's paragraph that holds `node`, if any. */
const paragraphOf = (node) => (node?.nodeType === Node.ELEMENT_NODE ? node : node?.parentElement)?.closest('.__ARTICLE_BODY__ > p[id]');

/** The link to the selection `range`, cut to its first paragraph, or null. */
function linkTo(range, base) {
  const paragraph = paragraphOf(range.startContainer);
  if (!paragraph) return null;
  const selected = range.cloneRange();
  if (paragraphOf(range.endContainer) !== paragraph) selected.setEnd(paragraph, paragraph.childNodes.length);
  const before = document.createRange();
  before.selectNodeContents(paragraph);
  before.setEnd(selected.startContainer, selected.startOffset);
  const after = document.createRange();
  after.selectNodeContents(paragraph);
  after.setStart(selected.endContainer, selected.endOffset);
  const directive = directiveFor(before.toString(), selected.toString(), after.toString());
  return directive && `${base}#${paragraph.id}${fragmentOf(directive)}`;
}

/** The fragment the page was opened with. Some browsers take a directive off location.hash
 * even where they do not act on it; the navigation's own record keeps it. */
function openingFragment() {
  if (location.hash.includes(':~:')) return location.hash;
  const url = performance.getEntriesByType?.('navigation')[0]?.name ?? '';
  return url.includes('#') ? url.slice(url.indexOf('#')) : '';
}

/** Where the browser has no text fragments, finds the opening link's words and selects them. */
function land(body) {
  if ('fragmentDirective' in document) return;
  const link = parse(openingFragment());
  if (!link) return;
  const paragraphs = [...body.querySelectorAll(':scope > p[id]')].sort((a, b) => (b.id === link.id) - (a.id === link.id));
  for (const paragraph of paragraphs) {
    const found = find(link.directive, paragraph.textContent);
    if (!found) continue;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let started = false;
    for (let seen = 0, node; (node = walker.nextNode()); seen += node.length) {
      if (!started && found[0] <= seen + node.length) {
        range.setStart(node, found[0] - seen);
        started = true;
      }
      if (started && found[1] <= seen + node.length) {
        range.setEnd(node, found[1] - seen);
        break;
      }
    }
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    paragraph.scrollIntoView({ block: 'start' });
    return;
  }
}

function start(holder) {
  const article = holder.closest('article');
  const body = article?.querySelector('.__ARTICLE_BODY__');
  if (!body) return;
  const offer = holder.querySelector('.__PASSAGE_OFFER__');
  const status = holder.querySelector('.__PASSAGE_STATUS__');
  const fallback = holder.querySelector('.__PASSAGE_FALLBACK__');
  const field = fallback.querySelector('textarea');
  const url = new URL(holder.getAttribute('__ARTICLE_ADDRESS__') || '', location.href);
  url.search = url.hash = '';
  const base = url.href;
  let offered = null;
  let linger;
  let quiet;
  const place = (y) => holder.style.setProperty('top', `${Math.round(y - article.getBoundingClientRect().top)}px`);
  // The offer stands in room its paragraph makes below itself, so that it covers no words.
  let roomy = null;
  const show = (link, paragraph = null) => {
    offered = link;
    offer.hidden = !link;
    if (roomy !== paragraph) roomy?.classList.remove('__OFFER_BELOW__');
    roomy = link ? paragraph : null;
    roomy?.classList.add('__OFFER_BELOW__');
  };
  const say = (text, briefly) => {
    clearTimeout(quiet);
    status.textContent = text;
    status.classList.toggle('__STATUS_SAID__', !!text);
    if (briefly) quiet = setTimeout(() => say(''), 4000);
  };
  const copy = async (link, done) => {
    show(null);
    try {
      await navigator.clipboard.writeText(link);
      fallback.hidden = true;
      say(done, true);
    } catch {
      say('Copying is blocked here. The link below is selected: copy it.');
      field.value = link;
      fallback.hidden = false;
      field.focus();
      field.select();
    }
  };
  // Pressing the offer must not drop the selection before the click lands.
  offer.addEventListener('mousedown', (event) => event.preventDefault());
  offer.querySelector('.__OFFER_COPY__').addEventListener('click', () => offered && copy(offered, 'Link copied.'));
  offer.querySelector('.__OFFER_CLOSE__').addEventListener('click', () => show(null));
  fallback.querySelector('button').addEventListener('click', () => {
    fallback.hidden = true;
    say('');
  });
  body.addEventListener('click', (event) => {
    const link = event.target.closest?.('a.__PARAGRAPH_LINK__');
    if (!link) return;
    event.preventDefault();
    place(link.parentElement.getBoundingClientRect().top - ABOVE_PX);
    copy(`${base}#${link.parentElement.id}`, 'Link to this paragraph copied.');
  });
  const offerForSelection = () => {
    const selection = getSelection();
    const range = selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    const link = range && linkTo(range, base);
    if (link) {
      clearTimeout(linger);
      linger = undefined;
      const node = range.endContainer;
      const paragraph = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest('.__ARTICLE_BODY__ > p');
      show(link, paragraph);
      place((paragraph ?? range).getBoundingClientRect().bottom + BELOW_PX);
    } else if (offered && !linger) {
      linger = setTimeout(() => {
        show(null);
        linger = undefined;
      }, LINGER_MS);
    }
  };
  document.addEventListener('selectionchange', offerForSelection);
  // Escape dismisses the offer, as it does any such menu; the words stay selected.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !offered) return;
    clearTimeout(linger);
    linger = undefined;
    show(null);
  });
  // The page fetches this script when words are first selected: they are offered at once.
  offerForSelection();
  land(body);
}

if (typeof document !== 'undefined') {
  const holder = document.querySelector('.__PASSAGE_LINKS__');
  if (holder) start(holder);
}
