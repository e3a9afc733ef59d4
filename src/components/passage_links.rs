use crate::contract;
use crate::placement::placement;
use leptos::prelude::*;

/// What the offer's button says, and what a reader selecting text is offered.
pub const OFFER: &str = "Copy link to this passage";

/// Links to any passage of the article's body: the offer that selecting words brings up, and
/// the answers to it and to each paragraph's ¶ link. Rendered here, worked by
/// `assets/passages.js`, which the page's loader fetches when a reader first selects words or
/// reaches for a ¶ (the build names the script here); where that script does not run (the
/// `<look-back-article>` element, or no scripts at all) the offer stays hidden and a
/// paragraph's ¶ is a plain link to it.
#[component]
pub fn PassageLinks() -> impl IntoView {
    // In an embed, the links lead to the full article.
    let base = placement().base;
    view! {
        <div class=contract::PASSAGE_LINKS data-article=base>
            <div class=contract::PASSAGE_OFFER hidden>
                <button type="button" class=[contract::OFFER_COPY, "control"].join(" ")>{OFFER}</button>
                <button type="button" class=[contract::OFFER_CLOSE, "control"].join(" ") aria-label="Close">"×"</button>
            </div>
            <p class=contract::PASSAGE_STATUS role="status"></p>
            <div class=contract::PASSAGE_FALLBACK hidden>
                <label for="passage-link-text">"Link to copy"</label>
                <textarea id="passage-link-text" class="copy-field" readonly rows="2"></textarea>
                <button type="button" class="control">"Done"</button>
            </div>
        </div>
    }
}
