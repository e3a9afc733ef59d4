// Starts the interactive article. The text is already on the page; if WebAssembly cannot
// start, the page says which controls need it instead of leaving them silent. The build
// fills in the module and the wasm, with its integrity, and names this file by its digest.
const failed = () => {
  document.documentElement.setAttribute('data-wasm', 'failed');
  for (const control of document.querySelectorAll('button, input')) control.setAttribute('aria-disabled', 'true');
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
