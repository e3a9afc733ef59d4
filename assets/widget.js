// <__ELEMENT__ section="article|timeline|quotes|synopsis" theme="light|dark"
//                    anchor="event-<id>|quote-<id>"><a href="…">Headline</a></__ELEMENT__>
//
// The article, or one part of it, for publishers who do not want an iframe. Each element shows
// its section's fragment, pre-rendered by the build, in its own shadow root, styled only by the
// article's own stylesheet, so the host page's CSS cannot restyle it. The words show as soon
// as the fragment has come; the page's own wasm then brings the controls to life, and a tap
// before that is held and replayed (held.js). Without the wasm the words stay, and the
// controls say why they do not answer.
//
// `anchor` does what a #event-… or #quote-… fragment does on the page: highlights that part.
// On load the host page's scroll is left alone; a later change of `anchor` is a request to go
// there, which brings the part into view and moves focus to it. The host's own #fragment is
// the host's. Unknown attribute values fall back to the defaults (the whole article, the
// reader's system theme, no anchor) with a console warning.
//
// A host that enforces Trusted Types allows the policy named below: it passes on only the
// fragments this script fetched with their integrity.
// The build fills in the hashed file names with their integrity, and the sections, themes and
// anchors that the Rust side knows, below.
const here = new URL('.', import.meta.url);
const STYLES = ['__STYLES__'].map((href) => new URL(href, here).href);
const FRAGMENTS = { __FRAGMENTS__ };
const SECTIONS = ['__SECTIONS__'];
const THEMES = ['__THEMES__'];
const ANCHOR = /__ANCHOR__/;

// Held inputs: the build puts assets/held.js here.
/* __HELD_INPUTS__ */

const asWritten = { createHTML: (html) => html };
let policy = asWritten;
try {
  policy = globalThis.trustedTypes?.createPolicy('__ELEMENT__', asWritten) ?? asWritten;
} catch {
  // A host that enforces Trusted Types without allowing the policy: each element keeps its link.
}

// Each section's fragment, fetched once for every element on the page.
const fetched = new Map();
const fragment = (section) => {
  if (!fetched.has(section)) {
    const [href, integrity] = FRAGMENTS[section];
    const text = fetch(new URL(href, here), { integrity }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${href}: HTTP ${r.status}`))));
    // A failed fetch is tried again by the next element that asks.
    text.catch(() => fetched.delete(section));
    fetched.set(section, text);
  }
  return fetched.get(section);
};

// The page's own program, started once for every element on the page. The build records the
// wasm's digest; a changed wasm is refused.
let started;
const start = () =>
  (started ??= import(new URL('__MODULE__', here).href).then(async (bindings) => {
    await bindings.default({ module_or_path: fetch(new URL('__WASM__', here), { integrity: '__WASM_INTEGRITY__' }) });
    return bindings;
  }));

// What the host page's console hears when the element cannot start (its files blocked, a
// 404, an old browser): one warning for the page, never an uncaught error. Each element keeps
// showing what it has: the section's words, or the link the publisher put inside it.
let warned = false;
const failed = (reason) => {
  if (warned) return;
  warned = true;
  console.warn(`<__ELEMENT__>: could not start (${reason?.message ?? reason}); showing what each element has instead`);
};

class LookBackArticle extends HTMLElement {
  static observedAttributes = ['section', 'theme', 'anchor'];
  // The section's fragment in the shadow root, its live parts, and what it is being asked to show.
  #shown = null;
  #hydrated = null;
  #showing = 0;
  #styled = null;
  #failInputs = null;

  connectedCallback() {
    this.#show().catch(failed);
  }

  disconnectedCallback() {
    this.#hydrated?.free();
    this.#hydrated = null;
    this.#shown?.remove();
    this.#shown = null;
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'anchor') {
      if (value !== null && !ANCHOR.test(value)) console.warn(`<__ELEMENT__>: anchor="${value}" is not event-<id> or quote-<id>; ignored`);
      if (this.#shown) this.#land(true);
      return;
    }
    const known = name === 'section' ? SECTIONS : THEMES;
    if (value !== null && !known.includes(value)) {
      console.warn(`<__ELEMENT__>: ${name}="${value}" is not one of ${known.join(', ')}; using the default`);
    }
    // The theme is pure CSS (:host([theme])); only a new section needs a new fragment.
    if (name === 'section' && old !== value && this.#shown) this.#show().catch(failed);
  }

  #root() {
    if (this.shadowRoot) return this.shadowRoot;
    // The snippet's first height, which the stylesheet's reset of the host would drop.
    this.style.setProperty('__FIRST_HEIGHT__', this.style.minHeight || '0');
    const root = this.attachShadow({ mode: 'open' });
    // Shown once styled, so that no reader sees the article unstyled for a moment; a
    // stylesheet that cannot load still leaves the words to read.
    this.#styled = Promise.all(
      STYLES.map((href) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.crossOrigin = 'anonymous';
        link.href = href;
        root.append(link);
        return new Promise((ok) => {
          link.onload = ok;
          link.onerror = ok;
        });
      }),
    );
    // The stylesheet's rem is the reader's default size, never the host page's root size.
    const probe = document.createElement('span');
    probe.style.fontSize = 'medium';
    root.append(probe);
    this.style.setProperty('__REM__', getComputedStyle(probe).fontSize);
    probe.remove();
    // The publisher's link shows until the words do, and for good if they cannot come.
    root.append(document.createElement('slot'));
    this.#failInputs = holdInputs(root, root);
    root.addEventListener('click', (event) => this.#followInPage(event));
    return root;
  }

  async #show() {
    const asked = ++this.#showing;
    const name = this.getAttribute('section');
    const section = SECTIONS.includes(name) ? name : SECTIONS[0];
    const root = this.#root();
    const [html] = await Promise.all([fragment(section), this.#styled]);
    if (!this.isConnected || asked !== this.#showing) return;
    const template = document.createElement('template');
    template.innerHTML = policy.createHTML(html);
    const shown = template.content.firstElementChild;
    // The synopsis's words come with the wasm, at once: a reader of the element is at it.
    shown.querySelector('__SYNOPSIS_PART__')?.setAttribute('__WORDS_WANTED__', '');
    this.#hydrated?.free();
    this.#hydrated = null;
    if (this.#shown) this.#shown.replaceWith(shown);
    else root.querySelector('slot').replaceWith(shown);
    this.#shown = shown;
    // The snippet's first height held the host's layout until now.
    this.style.removeProperty('min-height');
    this.style.removeProperty('__FIRST_HEIGHT__');
    this.#land(false);
    try {
      const bindings = await start();
      if (this.#shown !== shown) return;
      this.#hydrated = bindings.hydrate_element(shown, section, here.href) ?? null;
    } catch (reason) {
      shown.setAttribute('__WASM_STATE__', 'failed');
      this.#failInputs();
      throw reason;
    }
  }

  // :target does not reach into a shadow root, so the highlight is a class.
  #land(requested) {
    const anchor = this.getAttribute('anchor');
    const target = anchor && ANCHOR.test(anchor) ? this.shadowRoot.getElementById(anchor) : null;
    this.#mark(target, requested);
  }

  #mark(target, requested) {
    for (const old of this.shadowRoot.querySelectorAll('.__TARGET__')) old.classList.remove('__TARGET__');
    if (!target) return;
    target.classList.add('__TARGET__');
    if (!requested) return;
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }

  // A section that holds the part a link leads to keeps a plain click on it inside the
  // element, as the page does; the link still names the article, for a new tab or a copy.
  #followInPage(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest?.('a[href]');
    if (!link || link.target) return;
    // `#…` alone names a part of this element, where a browser would take it as the host page's.
    const href = link.getAttribute('href');
    const url = new URL(href, here);
    const ours = href.startsWith('#') || (url.origin === here.origin && url.pathname === here.pathname);
    if (!ours || !url.hash) return;
    const target = this.shadowRoot.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!target) return;
    event.preventDefault();
    this.#mark(target, true);
  }
}

if (!customElements.get('__ELEMENT__')) customElements.define('__ELEMENT__', LookBackArticle);
