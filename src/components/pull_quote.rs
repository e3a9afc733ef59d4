use crate::components::Status;
use crate::content::{Anchor, Quote};
use crate::share::{self, Outcome};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A pull quote set between paragraphs, with a link to its passage, "Copy quote" and "Share".
///
/// Screen readers meet the quote's words once, in the body: the quote itself is
/// `aria-hidden`, a visual echo of the passage just read, and its group says so. Its controls
/// stay reachable. A quote shown alone is read in full, and its group is just a pull quote.
#[component]
pub fn PullQuote(
    /// The quote, drawn verbatim from a body paragraph.
    quote: &'static Quote,
    /// The article's headline, for what is copied and shared.
    headline: &'static str,
    /// Whether the quote echoes a passage on the same page. An echo is hidden from screen
    /// readers, which read the passage; a quote shown alone (in an embed) is read, and takes
    /// the passage's `quote-<id>` so that links to the passage land on it.
    #[prop(default = true)]
    echo: bool,
) -> impl IntoView {
    let id = element_id(&quote.id, echo);
    view! {
        <div
            class="pull-quote"
            id=id
            role="group"
            aria-label=if echo { ECHO_LABEL } else { "Pull quote" }
        >
            <PullQuoteContents quote headline echo />
        </div>
    }
}

/// What a screen reader hears for a quote that echoes the passage it has just read.
pub const ECHO_LABEL: &str = "Pull quote from the paragraph before";

/// The id of a pull quote's element: `pull-quote-<id>` for an echo, else `quote-<id>`.
pub fn element_id(quote: &str, echo: bool) -> String {
    if echo { Anchor::PullQuote(quote) } else { Anchor::Quote(quote) }.id()
}

/// The contents of a [`PullQuote`], which the page hydrates on their own.
#[component]
pub fn PullQuoteContents(
    /// The quote, drawn verbatim from a body paragraph.
    quote: &'static Quote,
    /// The article's headline, for what is copied and shared.
    headline: &'static str,
    /// Whether the quote echoes a passage on the same page (see [`PullQuote`]).
    echo: bool,
) -> impl IntoView {
    let status = Status::new();
    let fallback = RwSignal::new(None::<String>);
    let field_ref = NodeRef::<leptos::html::Textarea>::new();
    // The fallback is for copying by hand, so it arrives focused with its text selected.
    let offer = move |text: String| {
        fallback.set(Some(text));
        request_animation_frame(move || {
            if let Some(field) = field_ref.get() {
                let _ = field.focus();
                field.select();
            }
        });
    };
    let words = format!("“{}”", quote.text);
    let anchor = Anchor::Quote(&quote.id).id();
    let links = super::links();
    let base = links.base.clone();
    let to_share = StoredValue::new((headline.to_owned(), format!("{words} — {}", quote.speaker), anchor.clone()));

    let copy = move |_| {
        let (headline, line, anchor) = to_share.get_value();
        let text = format!("{line}, in “{headline}”\n{}#{anchor}", share::article_url(&base));
        spawn_local(async move {
            match share::copy(&text).await {
                Outcome::Done => {
                    fallback.set(None);
                    status.say_briefly("Quote copied.");
                }
                _ => {
                    status.say("Copying is blocked here. The text below is selected: copy it.");
                    offer(text);
                }
            }
        });
    };
    let base = links.base.clone();
    let share_it = move |_| {
        let (headline, line, anchor) = to_share.get_value();
        let url = format!("{}#{anchor}", share::article_url(&base));
        spawn_local(async move {
            match share::share(&headline, &line, &url).await {
                Outcome::Done => status.say_briefly("Shared."),
                Outcome::Cancelled => status.say(""),
                Outcome::Unavailable => {
                    status.say("Sharing is not available here. The link below is selected: copy it.");
                    offer(url);
                }
            }
        });
    };
    let field = format!("{}-text", Anchor::PullQuote(&quote.id).id());
    // Share is offered only where the browser has a share sheet; the page is rendered without
    // it and learns once live, as no server can know.
    let can_share = RwSignal::new(false);
    Effect::new(move |_| can_share.set(share::available()));
    let copy_ref = NodeRef::<leptos::html::Button>::new();
    // Done with the text to copy by hand: it goes, and focus returns to where the reader was.
    let dismiss = move |_| {
        fallback.set(None);
        status.say("");
        if let Some(button) = copy_ref.get() {
            let _ = button.focus();
        }
    };
    view! {
            <blockquote aria-hidden=echo.then_some("true")>
                <p>{words}</p>
                <footer>{format!("— {}", quote.speaker)}</footer>
            </blockquote>
            <div class="pull-quote-actions">
                <a href=links.to(&anchor) target=links.target() rel=links.rel()>"Read in context"</a>
                <button type="button" node_ref=copy_ref on:click=copy>"Copy quote"</button>
                {move || can_share.get().then(|| view! { <button type="button" on:click=share_it.clone()>"Share"</button> })}
            </div>
            <p class="pull-quote-status" role="status">{move || status.get()}</p>
            {move || fallback.get().map(|text| view! {
                <label class="pull-quote-fallback" for=field.clone()>"Text to copy"</label>
                <textarea id=field.clone() class="pull-quote-fallback copy-field" node_ref=field_ref readonly rows="3" prop:value=text></textarea>
                <button type="button" class="control" on:click=dismiss>"Done"</button>
            })}
    }
}
