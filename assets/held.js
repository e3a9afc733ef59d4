// No lost input, on the article page (assets/loader.js) and inside each custom element
// (assets/widget.js), which the build both give this text: a tap, or an arrow, Home or End
// key, on a control whose part is not live yet is held, shown as pending (aria-busy), and
// replayed once that part is live (the wasm marks it live, then says so with an event), in
// order and once. Enter and Space reach a button as its click. Links are never held; a key is
// replayed only if its control still has focus, so replay never moves the reader. An input that
// will not be replayed (older than a few seconds, or the wasm failed) lets go of its pending
// state at once, and the reader is told why beside the control; once the wasm has failed
// nothing is held any more.
//
// `root` is the document or an element's shadow root; the note that tells the reader goes into
// `noteParent`, whose box (or the page's) it is placed in. Returns `fail()`, for when the wasm
// will not come.
const PARTS = '__PARTS__';
const CONTROLS = 'button, input[type=checkbox]';
const KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const MAX_AGE_MS = 5000;
const STILL_STARTING = 'This control is still starting, so that tap was not kept. Try again in a moment.';
const CANNOT_START = "This control needs the page's script, which did not start in this browser. The article itself is complete.";
const PART_FAILED = 'This part of the page did not start, so this control does not respond. The rest of the page works.';

const holdInputs = (root, noteParent) => {
  const held = [];
  let gone = false;

  // What a control the reader touched could not do, said beside it, and by its live region to
  // screen readers. It stands outside every part, so that it never changes what the wasm
  // takes over; it goes with the reader's next tap or key.
  const note = document.createElement('p');
  note.className = '__CONTROL_NOTE__';
  note.setAttribute('role', 'status');
  noteParent.append(note);
  const tell = (control, text) => {
    const box = control.getBoundingClientRect();
    const origin = note.offsetParent?.getBoundingClientRect() ?? { top: -scrollY, left: -scrollX, width: innerWidth };
    note.style.top = `${Math.round(box.bottom - origin.top + 6)}px`;
    note.style.left = `${Math.round(Math.max(8, Math.min(box.left - origin.left, Math.min(origin.width, innerWidth) - 328)))}px`;
    note.textContent = text;
    note.classList.add('__NOTE_SHOWN__');
  };
  const untell = (event) => {
    if (event.target !== note && !note.contains(event.target)) note.classList.remove('__NOTE_SHOWN__');
  };
  root.addEventListener('pointerdown', untell, true);
  root.addEventListener('keydown', untell, true);

  const letGo = (input, text) => {
    const at = held.indexOf(input);
    if (at < 0) return;
    held.splice(at, 1);
    input.control.removeAttribute('aria-busy');
    clearTimeout(input.timer);
    if (text) tell(input.control, text);
  };
  const hold = (event) => {
    if (event.type === 'keydown' && !KEYS.has(event.key)) return;
    const control = event.target.closest?.(CONTROLS);
    const part = control?.closest(PARTS);
    if (!part || part.hasAttribute('__LIVE__')) return;
    const partFailed = part.getAttribute('__WASM_STATE__') === 'failed';
    if (gone || partFailed) {
      if (event.type === 'click') queueMicrotask(() => tell(control, gone ? CANNOT_START : PART_FAILED));
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    control.setAttribute('aria-busy', 'true');
    const input = { control, part, key: event.type === 'keydown' ? event.key : null, at: performance.now() };
    input.timer = setTimeout(() => letGo(input, STILL_STARTING), MAX_AGE_MS);
    held.push(input);
  };
  root.addEventListener('click', hold, true);
  root.addEventListener('keydown', hold, true);
  root.addEventListener('__LIVE_EVENT__', ({ target: part }) => {
    const inputs = held.filter((i) => i.part === part);
    for (const input of inputs) letGo(input);
    // Keys go where the focus is, as each one moves it: only if the reader is still on the
    // control of the last key they pressed.
    const keys = inputs.filter((i) => i.key);
    const stayed = keys.length > 0 && root.activeElement === keys.at(-1).control;
    const now = performance.now();
    for (const input of inputs) {
      if (now - input.at > MAX_AGE_MS) continue;
      if (!input.key) input.control.click();
      else if (stayed && part.contains(root.activeElement)) {
        root.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: input.key, bubbles: true, cancelable: true }));
      }
    }
  });

  // Nothing held on `scope` (a part, or the whole root) will be replayed: the last control
  // touched there says why.
  const failIn = (scope) => {
    const part = scope.matches?.(PARTS);
    const controls = part ? scope.querySelectorAll(CONTROLS) : root.querySelectorAll(`:is(${PARTS}) :is(${CONTROLS})`);
    for (const control of controls) control.setAttribute('aria-disabled', 'true');
    const inputs = held.filter((i) => scope.contains(i.control));
    for (const input of inputs) letGo(input);
    if (inputs.length) tell(inputs.at(-1).control, part ? PART_FAILED : CANNOT_START);
  };
  // The wasm gives up where the article's data is bad: on the whole root, or, once it has
  // hydrated the rest, on each part that is not live.
  root.addEventListener('__FAILED_EVENT__', ({ target }) => {
    if (!target.hasAttribute('__HYDRATED__')) {
      gone = true;
      return failIn(target);
    }
    for (const part of target.querySelectorAll(PARTS)) {
      if (part.hasAttribute('__LIVE__')) continue;
      part.setAttribute('__WASM_STATE__', 'failed');
      failIn(part);
    }
  });

  return () => {
    gone = true;
    failIn(root);
  };
};
