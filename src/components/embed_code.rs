use crate::embed_code::{element_snippet, iframe_snippet};
use crate::options::{Section, Theme};
use crate::share::{self, Outcome};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Embed this article": the iframe and custom-element snippets for a chosen section and
/// theme, ready to copy.
#[component]
pub fn EmbedCode(
    /// The article's headline, for the iframe's title.
    headline: String,
) -> impl IntoView {
    view! {
        <section class="embed-code" aria-labelledby="embed-code-toggle">
            <EmbedCodeParts headline />
        </section>
    }
}

/// What [`EmbedCode`] holds, which the page hydrates on its own (see [`crate::islands`]).
#[component]
pub fn EmbedCodeParts(
    /// The article's headline, for the iframe's title.
    headline: String,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let section = RwSignal::new(Section::Article);
    let theme = RwSignal::new(None::<Theme>);
    let status = RwSignal::new(String::new());
    let base = move || share::article_url("");
    let iframe = Memo::new(move |_| iframe_snippet(&base(), section.get(), theme.get(), &headline));
    let element = Memo::new(move |_| element_snippet(&base(), section.get(), theme.get()));
    let copy = move |text: String| {
        spawn_local(async move {
            status.set(match share::copy(&text).await {
                Outcome::Done => "Copied.".into(),
                _ => "Copying is blocked here: select the code and copy it.".into(),
            });
        });
    };
    let pick_section = move |ev| {
        let name = event_target_value(&ev);
        section.set(Section::parse(&name).unwrap_or(Section::Article));
    };
    let pick_theme = move |ev| {
        theme.set(match event_target_value(&ev).as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        });
    };
    view! {
            <button
                type="button"
                id="embed-code-toggle"
                class="control embed-code-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="embed-code-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Embed this article"
            </button>
            <div id="embed-code-panel" class="embed-code-panel">
                {move || open.get().then(|| view! {
                    <div class="embed-code-choices">
                        <label>"Show " <select on:change=pick_section>
                            <option value="article">"the whole article"</option>
                            <option value="timeline">"the timeline"</option>
                            <option value="quotes">"the pull quotes"</option>
                            <option value="synopsis">"the synopsis, behind spoilers"</option>
                        </select></label>
                        <label>"Theme " <select on:change=pick_theme>
                            <option value="auto">"the reader's"</option>
                            <option value="light">"light"</option>
                            <option value="dark">"dark"</option>
                        </select></label>
                    </div>
                    <label class="embed-code-label" for="embed-iframe">"Iframe, sized by embed.js"</label>
                    <textarea id="embed-iframe" readonly rows="4" prop:value=move || iframe.get()></textarea>
                    <button type="button" class="control" on:click=move |_| copy(iframe.get_untracked())>"Copy iframe code"</button>
                    <label class="embed-code-label" for="embed-element">"Web component, no iframe"</label>
                    <textarea id="embed-element" readonly rows="2" prop:value=move || element.get()></textarea>
                    <button type="button" class="control" on:click=move |_| copy(element.get_untracked())>"Copy element code"</button>
                })}
                <p class="embed-code-status" role="status">{move || status.get()}</p>
            </div>
    }
}
