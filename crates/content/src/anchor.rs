//! The element ids by which links and the page's own scripts reach the article's parts, as in
//! `#quote-triathlon`. Links from other sites depend on them, so each is built here and only
//! here.

/// A part of the article that has an element id of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor<'a> {
    /// A body paragraph: `p-<id>`.
    Paragraph(&'a str),
    /// A pull quote's passage in the body, or a quote shown alone in an embed: `quote-<id>`.
    Quote(&'a str),
    /// A pull quote set beside the body, echoing its passage: `pull-quote-<id>`.
    PullQuote(&'a str),
    /// The sentence a timeline event comes from, when no pull quote claims it: `source-<id>`.
    Source(&'a str),
    /// A timeline event: `event-<id>`.
    Event(&'a str),
    /// A spoiler block's region: `spoiler-<id>`.
    Spoiler(&'a str),
}

impl Anchor<'_> {
    /// Every prefix, for host scripts that check an anchor they are given.
    pub const PREFIXES: [&'static str; 6] = ["p-", "quote-", "pull-quote-", "source-", "event-", "spoiler-"];

    /// What an id may be once its prefix is taken off, as a regular expression: what the
    /// content checks allow (1 to 64 lowercase letters, digits and dashes, not led by a dash).
    pub const ID_PATTERN: &'static str = "[a-z0-9][a-z0-9-]{0,63}";

    /// The element id.
    ///
    /// ```
    /// use look_back_content::Anchor;
    /// assert_eq!(Anchor::Quote("crew").id(), "quote-crew");
    /// assert_eq!(Anchor::PullQuote("crew").id(), "pull-quote-crew");
    /// ```
    pub fn id(self) -> String {
        let (prefix, id) = match self {
            Self::Paragraph(id) => (Self::PREFIXES[0], id),
            Self::Quote(id) => (Self::PREFIXES[1], id),
            Self::PullQuote(id) => (Self::PREFIXES[2], id),
            Self::Source(id) => (Self::PREFIXES[3], id),
            Self::Event(id) => (Self::PREFIXES[4], id),
            Self::Spoiler(id) => (Self::PREFIXES[5], id),
        };
        format!("{prefix}{id}")
    }
}
