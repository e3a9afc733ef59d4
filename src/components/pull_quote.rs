use crate::content::{Anchor, Quote};
use crate::placement::placement;
use crate::share::{self, Outcome};
use crate::status_line::StatusLine;
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
    /// Whether the quote echoes a passage on the same page or stands alone.
    #[prop(default = QuoteRole::Echo)]
    role: QuoteRole,
) -> impl IntoView {
    let id = element_id(&quote.id, role);
    let echo = role == QuoteRole::Echo;
    view! {
        <div
            class="pull-quote"
            id=id
            role="group"
            aria-label=if echo { ECHO_LABEL } else { "Pull quote" }
        >
            <PullQuoteContents quote headline role />
        </div>
    }
}

/// What a pull quote is to the page that shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteRole {
    /// An echo of a passage on the same page, hidden from screen readers, which read the
    /// passage itself.
    Echo,
    /// Shown alone, as in the quotes embed: it is read, and takes the passage's `quote-<id>`
    /// so that links to the passage land on it.
    Standalone,
}

impl QuoteRole {
    pub const ALL: [QuoteRole; 2] = [QuoteRole::Echo, QuoteRole::Standalone];
}

/// What a screen reader hears for a quote that echoes the passage it has just read.
pub const ECHO_LABEL: &str = "Pull quote from the paragraph before";

/// The id of a pull quote's element: `pull-quote-<id>` for an echo, else `quote-<id>`.
pub fn element_id(quote: &str, role: QuoteRole) -> String {
    match role {
        QuoteRole::Echo => Anchor::PullQuote(quote),
        QuoteRole::Standalone => Anchor::Quote(quote),
    }
    .id()
}

/// The contents of a [`PullQuote`], which the page hydrates on their own.
#[component]
pub fn PullQuoteContents(
    /// The quote, drawn verbatim from a body paragraph.
    quote: &'static Quote,
    /// The article's headline, for what is copied and shared.
    headline: &'static str,
    /// Whether the quote echoes a passage on the same page or stands alone.
    role: QuoteRole,
) -> impl IntoView {
    let echo = role == QuoteRole::Echo;
    let status = StatusLine::new();
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
    let placement = placement();
    let base = placement.base.clone();
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
    let base = placement.base.clone();
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
                <a href=placement.link_to(&anchor) target=placement.target() rel=placement.rel() class=if placement.new_tab() { "new-tab" } else { "in-page" }>
                    "Read in context"
                    {placement.new_tab().then(|| view! { <span class="visually-hidden">" (opens the full article in a new tab)"</span> })}
                </a>
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
