//! The names the browser program and the scripts in `assets/` share. A script never spells
//! one: it writes the name's placeholder, and the build fills in every placeholder from
//! [`placeholders`]. So a rename here reaches both sides, and a native test
//! (`tests/contract.rs`) fails on a script that spells a shared name by hand, and on a name
//! that nothing uses. Files the scripts fetch are named by the build too, by their digests.

/// The attribute that marks a hydrated part live, and the event the part sends then: the
/// scripts hold a reader's taps on a part until it (`assets/held.js`).
pub const LIVE: &str = "data-live";
pub const LIVE_EVENT: &str = "look-back:live";

/// The loader and `widget.js` mark the synopsis's section with this attribute when a reader
/// may soon open a block, and the loader says so with this event; the wasm then fetches the
/// words.
pub const WORDS_WANTED: &str = "data-words-wanted";
pub const WORDS_EVENT: &str = "look-back:synopsis";

/// The event the program sends from a root whose article data is bad: if the root is marked
/// [`HYDRATED`], the parts that are not live needed a bad item; if not, the whole root is
/// failed. The scripts mark what failed with [`WASM_STATE`] and let go of the taps held there.
pub const FAILED_EVENT: &str = "look-back:failed";

/// The mark of a root (the page's document element, or an element's fragment) whose every
/// part is live, or failed: for `assets/held.js`, and for the tests and the bench.
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

/// The body's paragraphs (each `p` with an id inside this class), and the ¶ link in each:
/// `assets/passages.js` makes links to passages of these, and the loader holds a ¶ tapped
/// before that script has come.
pub const ARTICLE_BODY: &str = "article-body";
pub const PARAGRAPH_LINK: &str = "paragraph-link";
/// The mark a quoted passage ends with, the link to its pull quote: never part of a passage's
/// words.
pub const PASSAGE_MARK: &str = "❞";

/// Links to a passage (`components::PassageLinks`, worked by `assets/passages.js`): the holder,
/// which names the article's address and, in the page, the script with its integrity; its
/// offer with its two buttons, its status line and the field a link is copied from where the
/// clipboard is blocked.
pub const PASSAGE_LINKS: &str = "passage-links";
pub const ARTICLE_ADDRESS: &str = "data-article";
pub const PASSAGES_SCRIPT: &str = "data-script";
pub const PASSAGES_INTEGRITY: &str = "data-integrity";
pub const PASSAGE_OFFER: &str = "passage-offer";
pub const OFFER_COPY: &str = "passage-offer-copy";
pub const OFFER_CLOSE: &str = "passage-offer-close";
pub const PASSAGE_STATUS: &str = "passage-status";
pub const PASSAGE_FALLBACK: &str = "passage-fallback";
/// Classes only `passages.js` sets, which the stylesheet draws: a paragraph that makes room
/// for the offer below itself, and a status line that has something to say.
pub const OFFER_BELOW: &str = "offer-below";
pub const STATUS_SAID: &str = "said";

/// The note that tells a reader why a tapped control did not answer (`assets/held.js`), and
/// its class while it is shown: set by the scripts alone, and drawn by the stylesheet.
pub const CONTROL_NOTE: &str = "control-note";
pub const NOTE_SHOWN: &str = "shown";

/// An embed's iframe, as the snippet marks it with its id, and the messages between the frame
/// (`assets/frame.js`) and its host (`assets/embed.js`): the frame's height, and the host's
/// request to measure again. A message of another version is not ours to read.
pub const FRAME: &str = "data-look-back";
pub const HEIGHT_MESSAGE: &str = "look-back:height";
pub const MEASURE_MESSAGE: &str = "look-back:measure";
pub const MESSAGE_VERSION: u32 = 1;

/// The theme an embed's `?theme=` asks for, on its document element (`assets/theme.js`).
pub const THEME: &str = "data-theme";

/// The custom element for publishers' pages, which is also the name of its Trusted Types
/// policy; the part an `anchor=` names inside it (`:target` cannot reach a shadow root); the
/// snippet's first height, which the element's reset would drop; and the stylesheet's `rem`,
/// which inside a shadow root would be the host page's.
pub const ELEMENT: &str = "look-back-article";
pub const TARGET: &str = "is-target";
pub const FIRST_HEIGHT: &str = "--look-back-first-height";
pub const REM: &str = "--look-back-rem";

/// The classes only the scripts set, which the stylesheet draws: no component emits them.
pub const SCRIPT_CLASSES: [&str; 5] = [OFFER_BELOW, STATUS_SAID, CONTROL_NOTE, NOTE_SHOWN, TARGET];

/// Each placeholder the scripts write, with the name the build puts in its place.
///
/// ```
/// let names = look_back::contract::placeholders();
/// assert!(names.contains(&("__LIVE_EVENT__", "look-back:live".to_owned())));
/// ```
pub fn placeholders() -> [(&'static str, String); 34] {
    [
        ("__LIVE__", LIVE.to_owned()),
        ("__LIVE_EVENT__", LIVE_EVENT.to_owned()),
        ("__WORDS_WANTED__", WORDS_WANTED.to_owned()),
        ("__WORDS_EVENT__", WORDS_EVENT.to_owned()),
        ("__WASM_STATE__", WASM_STATE.to_owned()),
        ("__FAILED_EVENT__", FAILED_EVENT.to_owned()),
        ("__HYDRATED__", HYDRATED.to_owned()),
        ("__PARTS__", PARTS.join(", ")),
        ("__SYNOPSIS_PART__", SYNOPSIS_PART.to_owned()),
        ("__ARTICLE_BODY__", ARTICLE_BODY.to_owned()),
        ("__PARAGRAPH_LINK__", PARAGRAPH_LINK.to_owned()),
        ("__PASSAGE_MARK__", PASSAGE_MARK.to_owned()),
        ("__PASSAGE_LINKS__", PASSAGE_LINKS.to_owned()),
        ("__ARTICLE_ADDRESS__", ARTICLE_ADDRESS.to_owned()),
        ("__PASSAGES_SCRIPT__", PASSAGES_SCRIPT.to_owned()),
        ("__PASSAGES_INTEGRITY__", PASSAGES_INTEGRITY.to_owned()),
        ("__PASSAGE_OFFER__", PASSAGE_OFFER.to_owned()),
        ("__OFFER_COPY__", OFFER_COPY.to_owned()),
        ("__OFFER_CLOSE__", OFFER_CLOSE.to_owned()),
        ("__PASSAGE_STATUS__", PASSAGE_STATUS.to_owned()),
        ("__PASSAGE_FALLBACK__", PASSAGE_FALLBACK.to_owned()),
        ("__OFFER_BELOW__", OFFER_BELOW.to_owned()),
        ("__STATUS_SAID__", STATUS_SAID.to_owned()),
        ("__CONTROL_NOTE__", CONTROL_NOTE.to_owned()),
        ("__NOTE_SHOWN__", NOTE_SHOWN.to_owned()),
        ("__FRAME__", FRAME.to_owned()),
        ("__HEIGHT_MESSAGE__", HEIGHT_MESSAGE.to_owned()),
        ("__MEASURE_MESSAGE__", MEASURE_MESSAGE.to_owned()),
        ("__MESSAGE_VERSION__", MESSAGE_VERSION.to_string()),
        ("__THEME__", THEME.to_owned()),
        ("__ELEMENT__", ELEMENT.to_owned()),
        ("__TARGET__", TARGET.to_owned()),
        ("__FIRST_HEIGHT__", FIRST_HEIGHT.to_owned()),
        ("__REM__", REM.to_owned()),
    ]
}

/// `script` with every placeholder of [`placeholders`] filled in. A placeholder is never a
/// part of another, so the order does not matter.
///
/// ```
/// assert_eq!(look_back::contract::fill("q('__SYNOPSIS_PART__')"), "q('section.synopsis')");
/// ```
pub fn fill(script: &str) -> String {
    placeholders().iter().fold(script.to_owned(), |js, (placeholder, name)| js.replace(placeholder, name))
}
