//! The article as plain data. Editors write it in `content/article.toml`; the build checks it
//! (see `validate`) when it renders the page; the browser gets what its interactive parts need
//! as JSON (see [`Article::without_body_text`] and [`Article::without_spoilers`]).

use crate::Anchor;
use serde::{Deserialize, Serialize};

/// One news article with its synopsis, pull quotes and production timeline.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The section line above the headline.
    pub kicker: String,
    pub headline: String,
    /// A spoiler-free summary for search results and link previews.
    pub summary: String,
    /// BCP 47 language of the article text.
    pub lang: String,
    /// Who published the article first; shown as "Source: …".
    pub source: String,
    pub copyright: String,
    /// Language of the copyright line, which is not the article's.
    pub copyright_lang: String,
    /// The file, beside this one, that holds the text the article was supplied as. The build
    /// checks every word against it, with the mends applied. Build time only.
    #[serde(default, skip_serializing)]
    pub supplied: Option<String>,
    /// The day the article was first published, `YYYY-MM-DD`, if known. Without it the page
    /// claims no date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub body: Vec<Paragraph>,
    pub synopsis: Synopsis,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    pub timeline: Timeline,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub mends: Vec<Mend>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
}

/// The film's story, kept apart from the body because it spoils the film.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Synopsis {
    pub heading: String,
    pub blocks: Vec<SpoilerBlock>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SpoilerBlock {
    pub id: String,
    /// What the block spoils, told without spoiling it, as in "how the story begins".
    pub label: String,
    pub text: String,
}

/// Words that stand verbatim in one body paragraph.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// The id of a [`Paragraph`].
    pub paragraph: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    pub speaker: String,
    /// The id of the body paragraph that holds the quote.
    pub paragraph: String,
    /// The quoted words, exactly as they stand in the paragraph.
    pub text: String,
}

impl Quote {
    pub fn passage(&self) -> Passage {
        Passage { paragraph: self.paragraph.clone(), text: self.text.clone() }
    }
}

/// What the timeline's day 0 is, and the outside date it stands for.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub heading: String,
    /// Day 0 as a calendar date, `YYYY-MM-DD`: added context, not from the article.
    pub day_zero_date: String,
    /// Says that the date is added context, and how sure it is.
    pub day_zero_note: String,
    /// Where the date comes from.
    pub day_zero_source: String,
}

/// How much of an event's date the article actually tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    PartOfDay,
    Approximate,
}

impl Precision {
    pub const ALL: [Precision; 3] = [Self::Day, Self::PartOfDay, Self::Approximate];

    /// Its name in the content file, as serde reads and writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::PartOfDay => "part-of-day",
            Self::Approximate => "approximate",
        }
    }
}

/// Parts of a day, in the order they pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartOfDay {
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 5] = [Self::Morning, Self::Noon, Self::Afternoon, Self::Evening, Self::Night];

    /// Its name in the content file, as serde reads and writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Morning => "morning",
            Self::Noon => "noon",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
            Self::Night => "night",
        }
    }

    /// As said after a day, as in "the day before, at noon".
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Morning => "in the morning",
            Self::Noon => "at noon",
            Self::Afternoon => "in the afternoon",
            Self::Evening => "in the evening",
            Self::Night => "at night",
        }
    }
}

/// One moment of the production, dated relative to the day of the event where the director
/// spoke (day 0).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// Days from day 0; a best guess when the precision is approximate.
    pub day: i32,
    pub precision: Precision,
    /// Required with [`Precision::PartOfDay`], and only there.
    #[serde(default)]
    pub part: Option<PartOfDay>,
    /// The estimate in words, as in "2½ months before"; required with
    /// [`Precision::Approximate`], and only there.
    #[serde(default)]
    pub about: Option<String>,
    pub title: String,
    pub text: String,
    /// The sentence of the article the event comes from.
    pub source: Passage,
    /// What the event says beyond its source, said to the reader beside it ("Inferred: …"),
    /// so that the timeline never states as fact what the article does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
}

/// A typographic repair of the supplied text, kept on record.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mend {
    /// The id of the body paragraph or synopsis block mended, or `kicker` or `headline`.
    pub paragraph: String,
    pub was: String,
    pub now: String,
    pub why: String,
}

/// Words per minute of an adult reading English on a screen.
const READING_SPEED: usize = 230;

impl Article {
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.body.iter().find(|p| p.id == id)
    }

    /// The words of the body: the article every reader reads. The synopsis, hidden until a
    /// reader asks for it and absent from what embeds are given, is not counted, so that every
    /// place that shows the reading time says the same.
    pub fn word_count(&self) -> usize {
        self.body.iter().map(|p| p.text.split_whitespace().count()).sum()
    }

    /// Whole minutes to read the body, never less than one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(READING_SPEED).max(1)
    }
}

/// A run of a paragraph that quotes or events point at, found once however many point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    /// The element id readers and links reach it by: `quote-<id>` when a pull quote points at
    /// it, else `source-<event id>`.
    pub anchor: String,
    /// The pull quote drawn from it, if any.
    pub quote: Option<String>,
    /// The first timeline event drawn from it, if any, for a way back to the timeline.
    pub event: Option<String>,
}

/// A piece of a paragraph: plain text, or a marked passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub mark: Option<Mark>,
}

impl Article {
    /// The passages of one paragraph, in reading order. Validation guarantees that passages
    /// are found in their paragraph and never overlap unless they are the same words.
    pub fn marks(&self, paragraph: &str) -> Vec<Mark> {
        let Some(text) = self.paragraph(paragraph).map(|p| p.text.as_str()) else { return Vec::new() };
        let quotes =
            self.quotes.iter().filter(|q| q.paragraph == paragraph).map(|q| (&q.text, Anchor::Quote(&q.id).id(), Some(q.id.clone()), None));
        let events = self
            .events
            .iter()
            .filter(|e| e.source.paragraph == paragraph)
            .map(|e| (&e.source.text, Anchor::Source(&e.id).id(), None, Some(e.id.clone())));
        let mut marks: Vec<Mark> = Vec::new();
        for (words, anchor, quote, event) in quotes.chain(events) {
            let Some(start) = text.find(words.as_str()) else { continue };
            let end = start + words.len();
            match marks.iter_mut().find(|m| m.start == start && m.end == end) {
                Some(same) => same.event = same.event.take().or(event),
                None => marks.push(Mark { start, end, anchor, quote, event }),
            }
        }
        marks.sort_by_key(|m| m.start);
        marks
    }

    /// The id by which a timeline event's link reaches its passage: `source-<id>` of the first
    /// event drawn from those words. It is the passage's own id where no pull quote shares the
    /// words, and otherwise an anchor at its start, so that the address says the reader came
    /// from the timeline, not from the quote.
    pub fn event_anchor_of(&self, passage: &Passage) -> Option<String> {
        let same = |e: &&Event| e.source.paragraph == passage.paragraph && e.source.text == passage.text;
        self.events.iter().find(same).map(|e| Anchor::Source(&e.id).id())
    }

    /// The id of the element that holds a passage, for links to it: the mark that
    /// [`Article::marks`] makes of the same words, a quote's before an event's. Checked passages
    /// never overlap, so the same words in the same paragraph are the same mark, and the
    /// paragraph's text is not needed: the page's wasm gets none (see [`Article::without_body_text`]).
    pub fn anchor_of(&self, passage: &Passage) -> Option<String> {
        let same = |paragraph: &str, text: &str| paragraph == passage.paragraph && text == passage.text;
        let quote = self.quotes.iter().find(|q| same(&q.paragraph, &q.text)).map(|q| Anchor::Quote(&q.id).id());
        quote.or_else(|| self.events.iter().find(|e| same(&e.source.paragraph, &e.source.text)).map(|e| Anchor::Source(&e.id).id()))
    }

    /// A paragraph cut into plain runs and marked passages, in order.
    pub fn segments(&self, paragraph: &str) -> Vec<Segment<'_>> {
        let Some(text) = self.paragraph(paragraph).map(|p| p.text.as_str()) else { return Vec::new() };
        let mut out = Vec::new();
        let mut at = 0;
        for mark in self.marks(paragraph) {
            if mark.start < at {
                continue;
            }
            if mark.start > at {
                out.push(Segment { text: &text[at..mark.start], mark: None });
            }
            at = mark.end;
            out.push(Segment { text: &text[mark.start..mark.end], mark: Some(mark) });
        }
        if at < text.len() {
            out.push(Segment { text: &text[at..], mark: None });
        }
        out
    }

    /// The article less every word of the synopsis, for anything a reader gets before asking
    /// to see it: the blocks keep their ids and labels, and the record of mends, which may
    /// quote the synopsis, goes.
    pub fn without_spoilers(&self) -> Article {
        let mut article = self.clone();
        for block in &mut article.synopsis.blocks {
            block.text.clear();
        }
        article.mends.clear();
        // The supplied text is the build's to check, and holds the synopsis too.
        article.supplied = None;
        article
    }

    /// The article less its body's words, which the page has already rendered as static text;
    /// the paragraphs keep their ids.
    pub fn without_body_text(&self) -> Article {
        let mut article = self.clone();
        for paragraph in &mut article.body {
            paragraph.text.clear();
        }
        article
    }

    /// The pull quote set beside a paragraph, or after it on a narrow screen: the one drawn
    /// from it, as checked content has at most one.
    pub fn quote_of(&self, paragraph: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.paragraph == paragraph)
    }
}
