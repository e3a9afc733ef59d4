// Starts the interactive article. The text is already on the page; if WebAssembly cannot
// start, the page says which controls need it instead of leaving them silent. The build
// fills in the module and the wasm, with its integrity, and names this file by its digest.

// No lost input: a tap, or an arrow, Home or End key, on a control whose part is not live yet
// is held, shown as pending (aria-busy), and replayed once that part is live (the wasm marks
// it data-live, then sends look-back:live), in order and once. Enter and Space reach a button
// as its click. Links are never held; a key is replayed only if its control still has focus,
// so replay never moves the reader. An input that will not be replayed (older than a few
// seconds, or the wasm failed) lets go of its pending state at once, and the reader is told
// why beside the control; once the wasm has failed nothing is held any more.
const PARTS = '.pull-quote, section';
const CONTROLS = 'button, input[type=checkbox]';
const KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const MAX_AGE_MS = 5000;
const STILL_STARTING = 'This control is still starting, so that tap was not kept. Try again in a moment.';
const CANNOT_START =
  'This control needs the page\'s script, which did not start in this browser. The article itself is complete.';
const held = [];
let gone = false;

// What a control the reader touched could not do, said beside it, and by its live region to
// screen readers. It stands outside every part, so that it never changes what the wasm
// takes over; it goes with the reader's next tap or key.
const note = document.createElement('p');
note.className = 'control-note';
note.setAttribute('role', 'status');
document.body.append(note);
const tell = (control, text) => {
  const box = control.getBoundingClientRect();
  note.style.top = `${Math.round(box.bottom + scrollY + 6)}px`;
  note.style.left = `${Math.round(Math.max(8, Math.min(box.left + scrollX, innerWidth - 328)))}px`;
  note.textContent = text;
  note.classList.add('shown');
};
const untell = (event) => {
  if (event.target !== note && !note.contains(event.target)) note.classList.remove('shown');
};
document.addEventListener('pointerdown', untell, true);
document.addEventListener('keydown', untell, true);

const letGo = (input, text) => {
  const at = held.indexOf(input);
  if (at < 0) return;
  held.splice(at, 1);
  input.control.removeAttribute('aria-busy');
  clearTimeout(input.timer);
  if (text) tell(input.control, text);
};
const hold = (event) => {
  if (event.type === 'keydown' && !KEYS.has(event.key)) return;
  const control = event.target.closest?.(CONTROLS);
  const part = control?.closest(PARTS);
  if (!part || part.hasAttribute('data-live')) return;
  if (gone) {
    if (event.type === 'click') queueMicrotask(() => tell(control, CANNOT_START));
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  control.setAttribute('aria-busy', 'true');
  const input = { control, part, key: event.type === 'keydown' ? event.key : null, at: performance.now() };
  input.timer = setTimeout(() => letGo(input, STILL_STARTING), MAX_AGE_MS);
  held.push(input);
};
document.addEventListener('click', hold, true);
document.addEventListener('keydown', hold, true);
document.addEventListener('look-back:live', ({ target: part }) => {
  const inputs = held.filter((i) => i.part === part);
  for (const input of inputs) letGo(input);
  // Keys go where the focus is, as each one moves it: only if the reader is still on the
  // control of the last key they pressed.
  const keys = inputs.filter((i) => i.key);
  const stayed = keys.length > 0 && document.activeElement === keys.at(-1).control;
  const now = performance.now();
  for (const input of inputs) {
    if (now - input.at > MAX_AGE_MS) continue;
    if (!input.key) input.control.click();
    else if (stayed && part.contains(document.activeElement)) {
      document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: input.key, bubbles: true, cancelable: true }));
    }
  }
});

// Links to a passage (passages.js, named with its integrity on the page's .passage-links) are
// fetched on the reader's first sign of wanting one: words selected, a ¶ link pointed at or
// focused, or an address that asks for words where the browser cannot find them itself. Most
// readers never do, and the first load is that much lighter. A ¶ tapped before the script has
// come is held, and replayed once it has, like the controls above.
const passages = document.querySelector('.passage-links[data-script]');
if (passages) {
  // Until the script has come: 'none' (not asked for), 'coming', then 'ready' or 'failed'.
  let state = 'none';
  const taps = [];
  const release = (replay) => {
    const now = performance.now();
    for (const { link, at } of taps.splice(0)) {
      link.removeAttribute('aria-busy');
      if (replay && now - at <= MAX_AGE_MS) link.click();
    }
  };
  const fetchPassages = () => {
    if (state !== 'none') return;
    state = 'coming';
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.integrity = passages.dataset.integrity;
    script.src = passages.dataset.script;
    script.onload = () => {
      state = 'ready';
      release(true);
    };
    // Without the script, a ¶ is a plain link to its paragraph.
    script.onerror = () => {
      state = 'failed';
      release(false);
    };
    document.head.append(script);
  };
  const paragraphLink = (event) => event.target.closest?.('a.paragraph-link');
  document.addEventListener('selectionchange', () => getSelection().isCollapsed || fetchPassages());
  for (const type of ['pointerover', 'focusin']) document.addEventListener(type, (event) => paragraphLink(event) && fetchPassages());
  document.addEventListener(
    'click',
    (event) => {
      const link = paragraphLink(event);
      if (!link || state === 'ready' || state === 'failed') return;
      fetchPassages();
      event.preventDefault();
      link.setAttribute('aria-busy', 'true');
      taps.push({ link, at: performance.now() });
    },
    true,
  );
  const opened = [location.hash, performance.getEntriesByType?.('navigation')[0]?.name ?? ''];
  if (!('fragmentDirective' in document) && opened.some((address) => address.includes(':~:'))) fetchPassages();
}

// The synopsis's words are never in the page: the wasm fetches them (synopsis.json) into its
// own memory when a reader may soon open a block, that is when the synopsis nears the screen
// or is reached by keyboard or touch first. This marks the section data-words-wanted and says
// so with look-back:synopsis; src/article_data.rs knows them by the same names.
const synopsis = document.querySelector('section.synopsis');
if (synopsis) {
  const want = () => {
    if (synopsis.hasAttribute('data-words-wanted')) return;
    near.disconnect();
    synopsis.setAttribute('data-words-wanted', '');
    synopsis.dispatchEvent(new Event('look-back:synopsis'));
  };
  // A screen ahead: on Slow 4G the words take about a second.
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), { rootMargin: '100% 0px' });
  near.observe(synopsis);
  for (const type of ['focusin', 'pointerdown']) synopsis.addEventListener(type, want);
}

const failed = () => {
  gone = true;
  document.documentElement.setAttribute('data-wasm', 'failed');
  for (const control of document.querySelectorAll(`:is(${PARTS}) :is(${CONTROLS})`)) control.setAttribute('aria-disabled', 'true');
  // Nothing held will be replayed: the last control touched says why.
  const last = held.at(-1);
  for (const input of [...held]) letGo(input);
  if (last) tell(last.control, CANNOT_START);
};
// After the first paint: on a fast connection the wasm can arrive before the text is
// painted and would hold it back. A frame that never paints (an embed out of view) goes on
// after 200 ms.
const painted = new Promise((ok) => {
  requestAnimationFrame(() => setTimeout(ok));
  setTimeout(ok, 200);
});
painted
  .then(() => Promise.all([import('__MODULE__'), '__WASM__']))
  .then(([bindings, wasm]) => bindings.default({ module_or_path: wasm }))
  .catch(failed);
