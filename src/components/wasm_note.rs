use leptos::prelude::*;

/// What a reader is told where the browser did not start the interactive parts: shown by
/// `style/base.css` only under `[data-wasm="failed"]`, which the loader sets on the page and
/// `widget.js` on an element's fragment. Where only some parts failed (their part is marked
/// instead, as the article's data had a bad item), the note says so: the other parts work.
#[component]
pub fn WasmNote() -> impl IntoView {
    view! {
        <p class="wasm-note" role="note">
            <span class="wasm-note-all">
                "This browser did not start the page's interactive parts, so the spoiler, copy, share and timeline controls do not respond. The article itself is complete."
            </span>
            <span class="wasm-note-some">
                "Some of the page's interactive parts did not start, so their controls do not respond; the others work. The article itself is complete."
            </span>
        </p>
    }
}
