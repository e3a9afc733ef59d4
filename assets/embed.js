// Look Back widgets for host pages: sizes every <iframe data-look-back="ID"> to its content.
//
// The widget posts {type: "look-back:height", version: 1, id: "ID", height: <CSS pixels>} to
// its parent on load and whenever its content changes size (assets/frame.js); a message of
// another version is not ours to read. A message counts only when it comes from
// that very iframe's window (event.source) and from the widget's origin, or from the opaque
// origin "null" when the iframe is sandboxed without allow-same-origin.
(() => {
  const MAX_HEIGHT = 20000;

  const accepts = (frame, event) => {
    if (event.source !== frame.contentWindow) return false;
    const sandboxed = frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
    if (sandboxed) return event.origin === 'null';
    try {
      return event.origin === new URL(frame.src, location.href).origin;
    } catch {
      return false;
    }
  };

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'look-back:height') return;
    if (data.version !== undefined && data.version !== 1) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll('iframe[data-look-back]')) {
      if (accepts(frame, event) && frame.dataset.lookBack === data.id) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    }
  });
})();
