use leptos::prelude::*;

/// What a reader is told where the browser did not start the interactive parts: shown by
/// `style/base.css` only under `[data-wasm="failed"]`, which the loader sets on the page and
/// `widget.js` on an element's fragment.
#[component]
pub fn WasmNote() -> impl IntoView {
    view! {
        <p class="wasm-note" role="note">
            "This browser did not start the page's interactive parts, so the spoiler, copy, share and timeline controls do not respond. The article itself is complete."
        </p>
    }
}
