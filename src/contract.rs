//! The names the browser program and the scripts in `assets/` share. A script never spells
//! one: it writes the name's placeholder, and the build fills in every placeholder from
//! [`placeholders`]. So a rename here reaches both sides, and a native test
//! (`tests/contract.rs`) fails on a script that spells a name by hand, and on a name that
//! nothing uses.

/// The attribute that marks a hydrated part live, and the event the part sends then: the
/// scripts hold a reader's taps on a part until it (`assets/held.js`).
pub const LIVE: &str = "data-live";
pub const LIVE_EVENT: &str = "look-back:live";

/// The loader and `widget.js` mark the synopsis's section with this attribute when a reader
/// may soon open a block, and the loader says so with this event; the wasm then fetches the
/// words.
pub const WORDS_WANTED: &str = "data-words-wanted";
pub const WORDS_EVENT: &str = "look-back:synopsis";

/// The mark of a root (the page's document element, or an element's fragment) whose every
/// part is live: for the tests and the bench, which read the names here too.
pub const HYDRATED: &str = "data-hydrated";

/// The attribute a script sets to `failed` on the page, or on an element's fragment, when the
/// wasm cannot start; the stylesheet then shows what needs it.
pub const WASM_STATE: &str = "data-wasm";

/// The parts the browser program hydrates, each in a task of its own: a pull quote's controls,
/// the timeline, the synopsis and the page's embed code. Nothing else on the page is live, so
/// the scripts hold taps on these alone.
pub const PULL_QUOTE_PART: &str = ".pull-quote";
pub const TIMELINE_PART: &str = "section.timeline";
pub const SYNOPSIS_PART: &str = "section.synopsis";
pub const EMBED_CODE_PART: &str = "section.embed-code";
pub const PARTS: [&str; 4] = [PULL_QUOTE_PART, TIMELINE_PART, SYNOPSIS_PART, EMBED_CODE_PART];

/// Each placeholder the scripts write, with the name the build puts in its place.
///
/// ```
/// let names = look_back::contract::placeholders();
/// assert!(names.contains(&("__LIVE_EVENT__", "look-back:live".to_owned())));
/// ```
pub fn placeholders() -> [(&'static str, String); 7] {
    [
        ("__LIVE__", LIVE.to_owned()),
        ("__LIVE_EVENT__", LIVE_EVENT.to_owned()),
        ("__WORDS_WANTED__", WORDS_WANTED.to_owned()),
        ("__WORDS_EVENT__", WORDS_EVENT.to_owned()),
        ("__WASM_STATE__", WASM_STATE.to_owned()),
        ("__PARTS__", PARTS.join(", ")),
        ("__SYNOPSIS_PART__", SYNOPSIS_PART.to_owned()),
    ]
}

/// `script` with every placeholder of [`placeholders`] filled in.
///
/// ```
/// assert_eq!(look_back::contract::fill("q('__SYNOPSIS_PART__')"), "q('section.synopsis')");
/// ```
pub fn fill(script: &str) -> String {
    placeholders().iter().fold(script.to_owned(), |js, (placeholder, name)| js.replace(placeholder, name))
}
