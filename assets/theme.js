// Applies a host page's ?theme=light or ?theme=dark before the first paint, so an embed never
// flashes the wrong colours. Anything else leaves the reader's system setting in charge. The
// build fills in the themes the Rust side knows.
(() => {
  const THEMES = ['__THEMES__'];
  const values = new URLSearchParams(location.search).getAll('theme');
  if (values.length === 1 && THEMES.includes(values[0])) {
    document.documentElement.setAttribute('__THEME__', values[0]);
  }
})();
