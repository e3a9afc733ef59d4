//! The article as plain data. Editors write it in `content/article.toml`; the build checks it
//! (see [`super::validate`]) and bakes it into the program (see [`super::bake`]).

use serde::Deserialize;

/// One news article with its synopsis, pull quotes and production timeline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    pub body: Vec<Paragraph>,
    pub synopsis: Synopsis,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub mends: Vec<Mend>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
}

/// The film's story, kept apart from the body because it spoils the film.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synopsis {
    pub heading: String,
    pub blocks: Vec<SpoilerBlock>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpoilerBlock {
    pub id: String,
    /// What the block spoils, told without spoiling it, as in "how the story begins".
    pub label: String,
    pub text: String,
}

/// Words that stand verbatim in one body paragraph.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// The id of a [`Paragraph`].
    pub paragraph: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
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

/// How much of an event's date the article actually tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    PartOfDay,
    Approximate,
}

/// Parts of a day, in the order they pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartOfDay {
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub fn name(self) -> &'static str {
        match self {
            Self::Morning => "morning",
            Self::Noon => "noon",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
            Self::Night => "night",
        }
    }
}

/// One moment of the production, dated relative to the day of the event where the director
/// spoke (day 0).
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
}

/// A typographic repair of the supplied text, kept on record.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mend {
    /// The id of the body paragraph or synopsis block mended.
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

    /// Every word a reader may read: the body and, once revealed, the synopsis.
    pub fn word_count(&self) -> usize {
        let body = self.body.iter().map(|p| p.text.as_str());
        let synopsis = self.synopsis.blocks.iter().map(|b| b.text.as_str());
        body.chain(synopsis).map(|t| t.split_whitespace().count()).sum()
    }

    /// Whole minutes to read the article, never less than one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(READING_SPEED).max(1)
    }
}
