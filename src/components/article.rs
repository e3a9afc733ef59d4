use crate::components::{PassageLinks, PullQuote, SynopsisSection, TimelineSection};
use crate::content::{Anchor, Article, Date, Segment};
use crate::contract;
use crate::options::SpoilerChoice;
use crate::placement::placement;
use leptos::either::Either;
use leptos::prelude::*;

/// The whole article: kicker, headline, standfirst, reading time, body with its pull quotes,
/// timeline, synopsis and credits.
#[component]
pub fn ArticleView(
    /// The checked article to show.
    article: &'static Article,
    /// A link's say over the synopsis spoilers.
    #[prop(default = None)]
    spoilers: Option<SpoilerChoice>,
    /// What the page adds after the credits, such as its embed code.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let minutes = article.reading_minutes();
    let published = article.published.as_deref().and_then(|p| Date::parse(p).map(|d| (p.to_owned(), d.words())));
    view! {
        <article id="article" aria-labelledby="headline" tabindex="-1">
            <header class="article-header">
                <p class="kicker">{article.kicker.clone()}</p>
                <h1 id="headline">{article.headline.clone()}</h1>
                <p class="standfirst">{article.summary.clone()}</p>
                <p class="meta">
                    <span class="byline">{article.source.clone()}</span>
                    {published.map(|(datetime, words)| view! { " · " <time datetime=datetime>{words}</time> })}
                    " · "
                    <span class="reading-time">{format!("{minutes} min read, synopsis not included")}</span>
                </p>
            </header>
            <div class=contract::ARTICLE_BODY>
                <ArticleBody article />
            </div>
            <TimelineSection article />
            <SynopsisSection synopsis=&article.synopsis choice=spoilers />
            <footer class="article-footer">
                <p class="source">{format!("Source: {}", article.source)}</p>
                <p class="copyright" lang=article.copyright_lang.clone()>{phrases(&article.copyright)}</p>
            </footer>
            {children.map(|children| children())}
            <PassageLinks />
        </article>
    }
}

/// The body's paragraphs, each followed by its pull quote, if it has one.
#[component]
pub fn ArticleBody(
    /// The checked article.
    article: &'static Article,
) -> impl IntoView {
    let placement = placement();
    article
        .body
        .iter()
        .map(|p| {
            let segments = runs(article.segments(&p.id)).collect_view();
            let quote = article.quote_of(&p.id).map(|quote| view! { <PullQuote quote headline=&article.headline /> });
            let id = Anchor::Paragraph(&p.id).id();
            // The keyboard's way to a link to a passage (see `PassageLinks`); its mark is drawn
            // by the stylesheet, so the paragraph's text stays the article's own.
            let link = view! {
                <a class=contract::PARAGRAPH_LINK href=placement.link_to(&id) target=placement.target() rel=placement.rel() aria-label="Link to this paragraph"></a>
            };
            view! {
                <p id=id>{link}{segments}</p>
                {quote}
            }
        })
        .collect_view()
}

/// A line's phrases, each to be kept whole, with a break opportunity (`<wbr>`) between them.
/// The stylesheet keeps words whole (`word-break: keep-all`), so Japanese breaks only here and
/// at spaces, never inside a word such as 製作委員会; browsers that could find such phrases
/// themselves (`word-break: auto-phrase`) are too few. A phrase ends after a closing bracket or
/// a slash, and a new one starts at an opening bracket or ©.
fn phrases(line: &str) -> impl IntoView {
    let mut pieces: Vec<String> = vec![String::new()];
    for c in line.chars() {
        let current = pieces.last_mut().expect("never empty");
        if matches!(c, '「' | '『' | '（' | '©') && !current.trim().is_empty() {
            pieces.push(c.to_string());
        } else {
            current.push(c);
            if matches!(c, '」' | '』' | '）' | '/' | '／' | '、') {
                pieces.push(String::new());
            }
        }
    }
    pieces.retain(|p| !p.is_empty());
    let last = pieces.len().saturating_sub(1);
    pieces.into_iter().enumerate().map(|(i, piece)| view! { {piece} {(i < last).then(|| view! { <wbr /> })} }).collect_view()
}

/// The name of a passage's link back to its timeline event; article.css shows the same words.
const BACK_TO_TIMELINE: &str = "Back to the timeline";

/// The closing punctuation that belongs with the words before it: a quoted passage's link
/// back to its pull quote goes after it, never between the words and their closing mark.
const CLOSERS: &[char] = &['”', '’', '"', '\'', '»', ')', ',', '.', ';', ':', '!', '?'];

/// A paragraph's segments as the reader sees them: plain text, and passages that links can
/// reach and highlight. A quoted passage ends with its closing punctuation and a link back to
/// its pull quote, held together so that the link never starts a line on its own.
fn runs<'a>(segments: Vec<Segment<'a>>) -> impl Iterator<Item = impl IntoView> + 'a {
    let mut taken = 0;
    let mut segments = segments.into_iter().peekable();
    std::iter::from_fn(move || {
        let segment = segments.next()?;
        let text = &segment.text[std::mem::take(&mut taken)..];
        // Text taken whole by the passage before it leaves nothing, not an empty text node.
        let Some(mark) = segment.mark else { return Some(Either::Left((!text.is_empty()).then(|| text.to_owned()))) };
        // Shown only once a link has brought the reader to the passage (see article.css). Its
        // words are drawn by the stylesheet, so the paragraph's text stays the article's own.
        let back = mark.event.as_deref().map(|event| {
            view! { <a class="back-to-timeline" href=format!("#{}", Anchor::Event(event).id()) aria-label=BACK_TO_TIMELINE></a> }
        });
        let Some(quote) = mark.quote.as_deref() else {
            return Some(Either::Right(Either::Left(view! { <span class="passage" id=mark.anchor>{text.to_owned()}</span> {back} })));
        };
        let follows = segments.peek().filter(|s| s.mark.is_none()).map_or("", |s| s.text);
        let closing = &follows[..follows.len() - follows.trim_start_matches(CLOSERS).len()];
        taken = closing.len();
        // The timeline's links reach a quoted passage by an anchor of their own at its start.
        let from_timeline = mark.event.as_deref().map(|event| view! { <span class="passage-anchor" id=Anchor::Source(event).id()></span> });
        Some(Either::Right(Either::Right(view! {
            <span class="passage quoted" id=mark.anchor>{from_timeline}{text.to_owned()}</span>
            <span class="passage-end">
                {(!closing.is_empty()).then(|| closing.to_owned())}
                <a class="passage-quote-link" href=format!("#{}", Anchor::PullQuote(quote).id()) aria-label="To the pull quote">
                    {contract::PASSAGE_MARK}
                </a>
            </span>
            {back}
        })))
    })
}
