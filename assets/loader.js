// Starts the interactive article. The text is already on the page; if WebAssembly cannot
// start, the page says which controls need it instead of leaving them silent. The build
// fills in the module and the wasm, with its integrity, and names this file by its digest.

// No lost input: a tap, or an arrow, Home or End key, on a control whose part is not live yet
// is held, shown as pending (aria-busy), and replayed once that part is live (the wasm marks
// it data-live, then sends look-back:live), in order and once. Enter and Space reach a button
// as its click. Links are never held; an input older than a few seconds is dropped; a key is
// replayed only if its control still has focus, so replay never moves the reader.
const PARTS = '.pull-quote, section';
const CONTROLS = 'button, input[type=checkbox]';
const KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const MAX_AGE_MS = 5000;
const held = [];
const hold = (event) => {
  if (event.type === 'keydown' && !KEYS.has(event.key)) return;
  const control = event.target.closest?.(CONTROLS);
  const part = control?.closest(PARTS);
  if (!part || part.hasAttribute('data-live')) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  control.setAttribute('aria-busy', 'true');
  held.push({ control, part, key: event.type === 'keydown' ? event.key : null, at: performance.now() });
};
document.addEventListener('click', hold, true);
document.addEventListener('keydown', hold, true);
document.addEventListener('look-back:live', ({ target: part }) => {
  const inputs = held.filter((i) => i.part === part);
  for (const input of inputs) held.splice(held.indexOf(input), 1);
  for (const { control } of inputs) control.removeAttribute('aria-busy');
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

const failed = () => {
  document.documentElement.setAttribute('data-wasm', 'failed');
  for (const control of document.querySelectorAll(`:is(${PARTS}) :is(${CONTROLS})`)) control.setAttribute('aria-disabled', 'true');
  // Nothing held will be replayed.
  for (const { control } of held.splice(0)) control.removeAttribute('aria-busy');
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
