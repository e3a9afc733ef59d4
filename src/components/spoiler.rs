use crate::content::{SpoilerBlock, Synopsis};
use leptos::prelude::*;

/// The film's synopsis, every block hidden until the reader asks for it.
#[component]
pub fn SynopsisSection(
    /// The synopsis from the content file.
    synopsis: Synopsis,
) -> impl IntoView {
    let blocks = synopsis.blocks.into_iter().map(|block| view! { <Spoiler block /> }).collect_view();
    // data-nosnippet keeps search engines from quoting the story, even once a reader opens it.
    view! {
        <section class="synopsis" aria-labelledby="synopsis-heading" data-nosnippet="">
            <h2 id="synopsis-heading">{synopsis.heading}</h2>
            {blocks}
        </section>
    }
}

/// One spoiler block, after the WAI-ARIA disclosure pattern. Its text is not in the page at
/// all until it is revealed, so neither find-in-page, text fragments nor assistive technology
/// can reach it before the reader consents.
#[component]
pub fn Spoiler(
    /// The block to hide; its label says what it spoils.
    block: SpoilerBlock,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let region = format!("spoiler-{}", block.id);
    let text = block.text;
    view! {
        <div class="spoiler">
            <button
                type="button"
                class="spoiler-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls=region.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="spoiler-label">{format!("Spoiler: {}", block.label)}</span>
                <span class="spoiler-action" aria-hidden="true">{move || if open.get() { "Hide" } else { "Show" }}</span>
            </button>
            <div id=region class="spoiler-body" class:open=move || open.get()>
                {move || open.get().then(|| view! { <p>{text.clone()}</p> })}
            </div>
        </div>
    }
}
