// Look Back widgets for host pages: sizes every <iframe __FRAME__="ID"> to its content.
//
// The widget posts {type: "__HEIGHT_MESSAGE__", version: __MESSAGE_VERSION__, id: "ID", height: <CSS pixels>} to
// its parent on load and whenever its content changes size (assets/frame.js); a message of
// another version is not ours to read. A message counts only when it comes from
// that very iframe's window (event.source) and from the widget's origin, or from the opaque
// origin "null" when the iframe is sandboxed without allow-same-origin.
//
// Engines pause rendering in cross-origin frames out of view, so a frame cannot see its own
// width change there: when a frame's width changes, this asks it to measure again
// ({type: "__MEASURE_MESSAGE__", version: __MESSAGE_VERSION__}). A frame wholly above the reader's view that
// changes height keeps what the reader is looking at where it was.
(() => {
  const MAX_HEIGHT = 20000;
  const FRAMES = 'iframe[__FRAME__]';

  const sandboxed = (frame) => frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
  const accepts = (frame, event) => {
    if (event.source !== frame.contentWindow) return false;
    if (sandboxed(frame)) return event.origin === 'null';
    try {
      return event.origin === new URL(frame.src, location.href).origin;
    } catch {
      return false;
    }
  };

  // The request holds nothing private, and a frame not yet loaded has another origin still.
  const ask = (frame) => frame.contentWindow?.postMessage({ type: '__MEASURE_MESSAGE__', version: __MESSAGE_VERSION__ }, '*');
  const widths = new WeakMap();
  // Called once for each frame as it is first observed, which also asks a frame that reported
  // its height before this script ran; then at each change of width.
  const resized = new ResizeObserver((entries) => {
    for (const { target: frame, contentRect } of entries) {
      const width = Math.round(contentRect.width);
      if (widths.get(frame) === width) continue;
      widths.set(frame, width);
      ask(frame);
    }
  });
  const watch = (frame) => {
    if (!widths.has(frame)) resized.observe(frame);
  };
  document.querySelectorAll(FRAMES).forEach(watch);

  const resize = (frame, height) => {
    const css = `${Math.ceil(height)}px`;
    if (frame.style.height === css) return;
    const { bottom } = frame.getBoundingClientRect();
    frame.style.height = css;
    if (bottom > 0) return;
    // Where the browser did not keep the reader's place itself (Safari has no scroll anchoring).
    const drift = frame.getBoundingClientRect().bottom - bottom;
    if (drift) scrollBy(0, drift);
  };

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== '__HEIGHT_MESSAGE__') return;
    if (data.version !== undefined && data.version !== __MESSAGE_VERSION__) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll(FRAMES)) {
      if (accepts(frame, event) && frame.getAttribute('__FRAME__') === data.id) {
        watch(frame);
        resize(frame, height);
      }
    }
  });
})();
