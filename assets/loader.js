// Starts the interactive article. The text is already on the page; if WebAssembly cannot
// start, the page says which controls need it instead of leaving them silent, and no input is
// lost while it starts (assets/held.js). The build
// fills in the module and the wasm, with its integrity, and names this file by its digest.

// Held inputs: the build puts assets/held.js here.
/* __HELD_INPUTS__ */
const failInputs = holdInputs(document, document.body);

// Links to a passage (passages.js, named with its integrity on the page's passage links) are
// fetched on the reader's first sign of wanting one: words selected, a ¶ link pointed at or
// focused, or an address that asks for words where the browser cannot find them itself. Most
// readers never do, and the first load is that much lighter. A ¶ tapped before the script has
// come is held, and replayed once it has, like the controls above.
const passages = document.querySelector('.__PASSAGE_LINKS__[__PASSAGES_SCRIPT__]');
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
    script.integrity = passages.getAttribute('__PASSAGES_INTEGRITY__');
    script.src = passages.getAttribute('__PASSAGES_SCRIPT__');
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
  const paragraphLink = (event) => event.target.closest?.('a.__PARAGRAPH_LINK__');
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
// or is reached by keyboard or touch first. This marks the section and says so with an event,
// by the names in src/contract.rs, which the build fills in.
const synopsis = document.querySelector('__SYNOPSIS_PART__');
if (synopsis) {
  const want = () => {
    if (synopsis.hasAttribute('__WORDS_WANTED__')) return;
    near.disconnect();
    synopsis.setAttribute('__WORDS_WANTED__', '');
    synopsis.dispatchEvent(new Event('__WORDS_EVENT__'));
  };
  // A screen ahead: on Slow 4G the words take about a second.
  const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), { rootMargin: '100% 0px' });
  near.observe(synopsis);
  for (const type of ['focusin', 'pointerdown']) synopsis.addEventListener(type, want);
}

const failed = () => {
  document.documentElement.setAttribute('__WASM_STATE__', 'failed');
  failInputs();
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
