// Tells the page that frames an embed how tall the embed's content is, on load and whenever
// that changes, in the three ways that host pages listen for. Plain JavaScript, so a frame
// whose WebAssembly is blocked is still sized to what it shows.
//
// - Our own embed.js: {type: "__HEIGHT_MESSAGE__", version: __MESSAGE_VERSION__, id, height}, where id is the
//   frame's ?id=.
// - Pym.js (NPR's library), when pym.Parent opened this frame (it adds ?childId=): Pym's own
//   "pymxPYMx<childId>xPYMxheightxPYMx<height>" string.
// - AMP's amp-iframe (with `resizable`): {sentinel: "amp", type: "embed-size", height}.
//
// Each goes to the parent with target origin "*": a height is nothing private, and a sandboxed
// frame cannot know its host's origin. Heights are whole CSS pixels.
//
// Engines pause rendering in a cross-origin frame out of view, and its ResizeObserver with it.
// So a change of the content is also seen by a MutationObserver, which still runs there, and a
// host whose width changes asks: embed.js sends {type: "__MEASURE_MESSAGE__", version: __MESSAGE_VERSION__}, and
// Pym.js parents send their width. Either makes the frame measure at once.
(() => {
  if (window.parent === window) return;
  const params = new URLSearchParams(location.search);
  const single = (key, pattern) => {
    const values = params.getAll(key);
    return values.length === 1 && pattern.test(values[0]) ? values[0] : null;
  };
  const id = single('id', /^[A-Za-z0-9_-]{1,64}$/);
  const pymId = single('childId', /^[A-Za-z0-9_-]{1,64}$/);
  let last = -1;
  const post = (again = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last && !again) return;
    last = height;
    const parent = window.parent;
    parent.postMessage({ type: '__HEIGHT_MESSAGE__', version: __MESSAGE_VERSION__, id: id ?? '', height }, '*');
    parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    if (pymId) parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
  };
  new ResizeObserver(() => post()).observe(document.documentElement);
  new MutationObserver(() => post()).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('load', () => post());
  addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    const asked =
      (data && typeof data === 'object' && data.type === '__MEASURE_MESSAGE__' && data.version === __MESSAGE_VERSION__) ||
      (pymId !== null && typeof data === 'string' && data.startsWith(`pymxPYMx${pymId}xPYMxwidthxPYMx`));
    if (asked) post(true);
  });
})();
