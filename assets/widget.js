// <look-back-article section="article|timeline|quotes|synopsis" theme="light|dark"
//                    anchor="event-<id>|quote-<id>"><a href="…">Headline</a></look-back-article>
//
// The article, or one part of it, for publishers who do not want an iframe. Each element
// mounts the article's wasm view into its own shadow root, styled only by the article's own
// stylesheets, so the host page's CSS cannot restyle it. `anchor` does what a #event-… or
// #quote-… fragment does on the page: highlights that part. On load the host page's scroll
// is left alone; a later change of `anchor` is a request to go there, which brings the part
// into view and moves focus to it. The host's own #fragment is the host's. Unknown
// attribute values fall back to the defaults (the whole article, the reader's system theme,
// no anchor) with a console warning.
// The build fills in the hashed file names, and the sections, themes and anchors that the
// Rust side knows, below.
const here = new URL('.', import.meta.url);
const STYLES = ['__STYLES__'].map((href) => new URL(href, here).href);
const SECTIONS = ['__SECTIONS__'];
const THEMES = ['__THEMES__'];
const ANCHOR = /__ANCHOR__/;

let started;
const start = () =>
  (started ??= import(new URL('__MODULE__', here).href).then(async (bindings) => {
    // The build records the wasm's digest; a changed wasm is refused. The words come apart
    // from the wasm, so one wasm serves any article.
    const [, article] = await Promise.all([
      bindings.default({ module_or_path: fetch(new URL('__WASM__', here), { integrity: '__WASM_INTEGRITY__' }) }),
      fetch(new URL('article.json', here)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`article.json: HTTP ${r.status}`)))),
    ]);
    if (!bindings.set_article(article)) throw new Error('article.json is not an article');
    return bindings;
  }));

// What the host page's console hears when the widget cannot start (its wasm or article.json
// blocked, a 404, an old browser): one warning for the page, never an uncaught error. Each
// element then keeps showing what the publisher put inside it, a link to the article.
let warned = false;
const failed = (reason) => {
  if (warned) return;
  warned = true;
  console.warn(`<look-back-article>: could not start (${reason?.message ?? reason}); showing the link inside each element instead`);
};

class LookBackArticle extends HTMLElement {
  static observedAttributes = ['section', 'theme', 'anchor'];
  #widget = null;
  #mount = null;
  #styled = null;

  connectedCallback() {
    this.#render().catch(failed);
  }

  disconnectedCallback() {
    this.#widget?.unmount();
    this.#widget = null;
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'anchor') {
      if (value !== null && !ANCHOR.test(value)) console.warn(`<look-back-article>: anchor="${value}" is not event-<id> or quote-<id>; ignored`);
      if (this.#widget) this.#land(true);
      return;
    }
    const known = name === 'section' ? SECTIONS : THEMES;
    if (value !== null && !known.includes(value)) {
      console.warn(`<look-back-article>: ${name}="${value}" is not one of ${known.join(', ')}; using the default`);
    }
    // The theme is pure CSS (:host([theme])); only a new section needs a new view.
    if (name === 'section' && old !== value && this.#widget) this.#render().catch(failed);
  }

  async #render() {
    const bindings = await start();
    if (!this.isConnected) return;
    if (!this.#mount) {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      // Mounted once styled, so that no reader sees the article unstyled for a moment; a
      // stylesheet that cannot load still leaves the words to read.
      this.#styled = Promise.all(
        STYLES.map((href) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
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
      this.#mount = document.createElement('div');
      // The container of the widget's type scale and layout (style/base.css).
      this.#mount.className = 'look-back-root';
      root.append(this.#mount);
      root.addEventListener('click', (event) => this.#followInPage(event));
    }
    await this.#styled;
    if (!this.isConnected) return;
    this.#widget?.unmount();
    this.#widget = bindings.mount_widget(this.#mount, this.getAttribute('section') ?? 'article', here.href) ?? null;
    this.#land(false);
  }

  // :target does not reach into a shadow root, so the highlight is a class.
  #land(requested) {
    const root = this.shadowRoot;
    if (!root) return;
    const anchor = this.getAttribute('anchor');
    const target = anchor && ANCHOR.test(anchor) ? root.getElementById(anchor) : null;
    this.#mark(target, requested);
  }

  #mark(target, requested) {
    for (const old of this.shadowRoot.querySelectorAll('.is-target')) old.classList.remove('is-target');
    if (!target) return;
    target.classList.add('is-target');
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

if (!customElements.get('look-back-article')) customElements.define('look-back-article', LookBackArticle);
