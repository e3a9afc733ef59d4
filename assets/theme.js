// Applies a host page's ?theme=light or ?theme=dark before the first paint, so an embed never
// flashes the wrong colours. Anything else leaves the reader's system setting in charge.
(() => {
  const values = new URLSearchParams(location.search).getAll('theme');
  if (values.length === 1 && (values[0] === 'light' || values[0] === 'dark')) {
    document.documentElement.setAttribute('data-theme', values[0]);
  }
})();
