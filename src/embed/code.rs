use super::{element_snippet, iframe_snippet, FirstHeights};
use crate::options::{Section, Theme};
use crate::share::{self, Outcome};
use crate::status_line::StatusLine;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The attribute of the embed code's section that carries the iframes' first heights to the
/// browser, which hydrates only the section's contents.
pub const FIRST_HEIGHTS: &str = "data-first-heights";

/// "Embed this article": the iframe and custom-element snippets for a chosen section and
/// theme, ready to copy.
#[component]
pub fn EmbedCode(
    /// The article's headline, for the iframe's title.
    headline: &'static str,
    /// The iframes' first heights, as the build estimated them.
    heights: FirstHeights,
) -> impl IntoView {
    view! {
        <section class="embed-code" aria-labelledby="embed-code-toggle" data-first-heights=heights.to_attribute().to_owned()>
            <EmbedCodeContents headline heights=heights.clone() />
        </section>
    }
}

/// The contents of an [`EmbedCode`], which the page hydrates on their own.
#[component]
pub fn EmbedCodeContents(
    /// The article's headline, for the iframe's title.
    headline: &'static str,
    /// The iframes' first heights, as the build estimated them.
    heights: FirstHeights,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let section = RwSignal::new(Section::Article);
    let theme = RwSignal::new(None::<Theme>);
    let status = StatusLine::new();
    let base = move || share::article_url("");
    let element_heights = heights.clone();
    let iframe = Memo::new(move |_| iframe_snippet(&base(), section.get(), theme.get(), headline, heights.of(section.get())));
    let element = Memo::new(move |_| element_snippet(&base(), section.get(), theme.get(), headline, element_heights.of(section.get())));
    let copy = move |text: String| {
        spawn_local(async move {
            match share::copy(&text).await {
                Outcome::Done => status.say_briefly("Copied."),
                _ => status.say("Copying is blocked here: select the code and copy it."),
            }
        });
    };
    let pick_section = move |ev| {
        let name = event_target_value(&ev);
        section.set(Section::parse(&name).unwrap_or(Section::Article));
    };
    let pick_theme = move |ev| {
        theme.set(Theme::parse(&event_target_value(&ev)));
    };
    view! {
            <button
                type="button"
                id="embed-code-toggle"
                class="control"
                aria-expanded=move || open.get().to_string()
                aria-controls="embed-code-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Embed this article"
            </button>
            <div id="embed-code-panel">
                // In the page from the start, hidden until opened: the wasm only hydrates the
                // panel, and carries no code to build it.
                <div hidden=move || !open.get()>
                    <div class="embed-code-choices">
                        <label>"Show " <select on:change=pick_section>
                            <option value=Section::Article.name()>"the whole article"</option>
                            <option value=Section::Timeline.name()>"the timeline"</option>
                            <option value=Section::Quotes.name()>"the pull quotes"</option>
                            <option value=Section::Synopsis.name()>"the synopsis, behind spoilers"</option>
                        </select></label>
                        <label>"Theme " <select on:change=pick_theme>
                            <option value="auto">"the reader's"</option>
                            <option value=Theme::Light.name()>"light"</option>
                            <option value=Theme::Dark.name()>"dark"</option>
                        </select></label>
                    </div>
                    <label class="embed-code-label" for="embed-iframe">"Iframe, sized by embed.js"</label>
                    <textarea id="embed-iframe" class="copy-field" readonly rows="4" prop:value=move || iframe.get()></textarea>
                    <button type="button" class="control" on:click=move |_| copy(iframe.get_untracked())>"Copy iframe code"</button>
                    <label class="embed-code-label" for="embed-element">"Web component, no iframe"</label>
                    <textarea id="embed-element" class="copy-field" readonly rows="2" prop:value=move || element.get()></textarea>
                    <button type="button" class="control" on:click=move |_| copy(element.get_untracked())>"Copy element code"</button>
                </div>
                <p class="embed-code-status" role="status">{move || status.get()}</p>
            </div>
    }
}
