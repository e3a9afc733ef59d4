//! Checks that an [`Article`] is consistent: what serde's types cannot say on their own.

use crate::model::{Article, Passage, Precision};
use std::collections::HashSet;
use std::fmt;

/// One step of the way to a field of the content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// Where a field stands in the content file, as in `quotes[2].text`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    fn at(steps: &[Step]) -> Self {
        Self(steps.to_vec())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Key(k) if i == 0 => write!(f, "{k}")?,
                Key(k) => write!(f, ".{k}")?,
                Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A field that is present and well typed but wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: FieldPath,
    pub message: String,
}

/// Every problem found, in the order of the file's sections.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut v = Validator::default();
    v.check(article);
    v.problems
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    ids: HashSet<(&'static str, String)>,
}

use Step::{Index, Key};

impl Validator {
    fn report(&mut self, steps: &[Step], message: impl Into<String>) {
        self.problems.push(Problem { field: FieldPath::at(steps), message: message.into() });
    }

    fn not_blank(&mut self, steps: &[Step], value: &str) {
        if value.trim().is_empty() {
            self.report(steps, "must not be empty");
        }
    }

    /// Ids become URL fragments and element ids, so they are kept to a safe alphabet, and
    /// each must be unique among its kind.
    fn id(&mut self, kind: &'static str, steps: &[Step], id: &str) {
        let safe = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if id.is_empty() || id.len() > 64 || !id.chars().all(safe) || id.starts_with('-') {
            self.report(steps, format!("{id:?} is not an id: use 1 to 64 lowercase letters, digits and dashes"));
        } else if !self.ids.insert((kind, id.to_owned())) {
            self.report(steps, format!("{id:?} is used by another {kind}"));
        }
    }

    fn passage(&mut self, article: &Article, steps: &[Step], passage: &Passage) {
        let mut para_steps = steps.to_vec();
        para_steps.push(Key("paragraph"));
        let Some(paragraph) = article.paragraph(&passage.paragraph) else {
            self.report(&para_steps, format!("there is no body paragraph with id {:?}", passage.paragraph));
            return;
        };
        let mut text_steps = steps.to_vec();
        text_steps.push(Key("text"));
        if passage.text.trim().is_empty() {
            self.report(&text_steps, "must not be empty");
        } else if !paragraph.text.contains(&passage.text) {
            let mut message = format!("{:?} is not a verbatim part of paragraph {:?}", passage.text, passage.paragraph);
            if let Some(sentence) = closest_sentence(&paragraph.text, &passage.text) {
                message.push_str(&format!("; its closest sentence there is {sentence:?}"));
            }
            self.report(&text_steps, message);
        }
    }

    fn check(&mut self, a: &Article) {
        for (steps, value) in [
            (Key("kicker"), &a.kicker),
            (Key("headline"), &a.headline),
            (Key("summary"), &a.summary),
            (Key("lang"), &a.lang),
            (Key("source"), &a.source),
            (Key("copyright"), &a.copyright),
            (Key("copyright_lang"), &a.copyright_lang),
        ] {
            self.not_blank(&[steps], value);
        }
        if let Some(published) = &a.published {
            if crate::Date::parse(published).is_none() {
                self.report(&[Key("published")], format!("{published:?} is not a date: write YYYY-MM-DD"));
            }
        }
        if a.body.is_empty() {
            self.report(&[Key("body")], "the article needs at least one paragraph");
        }
        for (i, p) in a.body.iter().enumerate() {
            self.id("paragraph", &[Key("body"), Index(i), Key("id")], &p.id);
            self.not_blank(&[Key("body"), Index(i), Key("text")], &p.text);
        }
        self.not_blank(&[Key("synopsis"), Key("heading")], &a.synopsis.heading);
        if a.synopsis.blocks.is_empty() {
            self.report(&[Key("synopsis"), Key("blocks")], "the synopsis needs at least one block");
        }
        for (i, b) in a.synopsis.blocks.iter().enumerate() {
            let at = |k| [Key("synopsis"), Key("blocks"), Index(i), Key(k)];
            self.id("spoiler block", &at("id"), &b.id);
            self.not_blank(&at("label"), &b.label);
            self.not_blank(&at("text"), &b.text);
            // The label is read before consent, so it must not quote the story.
            if !b.label.trim().is_empty() && b.text.contains(b.label.trim()) {
                self.report(&at("label"), "must not repeat words of the block it hides");
            }
        }
        self.summary_spoils(a);
        for (i, q) in a.quotes.iter().enumerate() {
            self.id("quote", &[Key("quotes"), Index(i), Key("id")], &q.id);
            self.not_blank(&[Key("quotes"), Index(i), Key("speaker")], &q.speaker);
            self.passage(a, &[Key("quotes"), Index(i)], &q.passage());
            // The page sets each quote beside its paragraph, or after it on a phone: a second
            // one would sit below its paragraph, or two would come in a row.
            if let Some(first) = a.quotes[..i].iter().position(|o| o.paragraph == q.paragraph) {
                self.report(
                    &[Key("quotes"), Index(i), Key("paragraph")],
                    format!("\"{}\" already has a pull quote (quotes[{first}]); a paragraph has room for one", q.paragraph),
                );
            }
        }
        self.events(a);
        self.overlaps(a);
        for (i, m) in a.mends.iter().enumerate() {
            self.mend(a, i, m);
        }
    }

    /// The summary is public before consent: it may not carry a run of the synopsis.
    fn summary_spoils(&mut self, a: &Article) {
        const RUN: usize = 6;
        let words = |t: &str| t.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
        let summary = words(&a.summary);
        let leaks = a.synopsis.blocks.iter().any(|b| {
            let story = words(&b.text);
            story.windows(RUN).any(|run| summary.windows(RUN).any(|s| s == run))
        });
        if leaks {
            self.report(&[Key("summary")], format!("repeats {RUN} or more words of the synopsis, which would spoil it"));
        }
    }

    fn events(&mut self, a: &Article) {
        let t = &a.timeline;
        self.not_blank(&[Key("timeline"), Key("heading")], &t.heading);
        self.not_blank(&[Key("timeline"), Key("day_zero_note")], &t.day_zero_note);
        self.not_blank(&[Key("timeline"), Key("day_zero_source")], &t.day_zero_source);
        if crate::Date::parse(&t.day_zero_date).is_none() {
            self.report(&[Key("timeline"), Key("day_zero_date")], format!("{:?} is not a date: write YYYY-MM-DD", t.day_zero_date));
        }
        let mut previous: Option<(i32, u8)> = None;
        for (i, e) in a.events.iter().enumerate() {
            let at = |k| [Key("events"), Index(i), Key(k)];
            self.id("event", &at("id"), &e.id);
            self.not_blank(&at("title"), &e.title);
            self.not_blank(&at("text"), &e.text);
            self.passage(a, &[Key("events"), Index(i), Key("source")], &e.source);
            match (e.precision, e.part, &e.about) {
                (Precision::PartOfDay, None, _) => self.report(&at("part"), "precision \"part-of-day\" needs a part"),
                (Precision::Day | Precision::Approximate, Some(_), _) => {
                    self.report(&at("part"), "a part of the day goes only with precision \"part-of-day\"")
                }
                (Precision::Approximate, _, None) => {
                    self.report(&at("about"), "precision \"approximate\" needs about, the estimate in words")
                }
                (Precision::Day | Precision::PartOfDay, _, Some(_)) => {
                    self.report(&at("about"), "about goes only with precision \"approximate\"")
                }
                (Precision::Approximate, _, Some(about)) if about.trim().is_empty() => self.report(&at("about"), "must not be empty"),
                _ => {}
            }
            if let Some(part) = e.part {
                let named = |text: &str| text.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == part.name());
                if named(&e.title) {
                    self.report(
                        &at("title"),
                        format!("{:?} names the part of the day, which the timeline already shows beside it", e.title),
                    );
                }
                if !named(&e.source.text) && e.inferred.is_none() {
                    self.report(
                        &at("part"),
                        format!(
                            "{:?} is not named in the event's source: quote a sentence that names it, or say in inferred how it follows",
                            part.name()
                        ),
                    );
                }
            }
            if e.inferred.as_deref().is_some_and(|note| note.trim().is_empty()) {
                self.report(&at("inferred"), "must not be empty");
            }
            if !(-3650..=3650).contains(&e.day) {
                self.report(&at("day"), format!("{} is more than ten years from day 0", e.day));
            }
            let when = (e.day, e.part.map_or(0, |p| p as u8 + 1));
            if previous.is_some_and(|p| when < p) {
                self.report(&at("day"), format!("event {:?} comes before the event listed above it: list events oldest first", e.id));
            }
            previous = Some(when);
        }
    }

    /// A passage is one highlight and one link target, so two may share words only by being
    /// the very same words.
    fn overlaps(&mut self, a: &Article) {
        let quotes = a.quotes.iter().enumerate().map(|(i, q)| (vec![Key("quotes"), Index(i), Key("text")], q.passage()));
        let events =
            a.events.iter().enumerate().map(|(i, e)| (vec![Key("events"), Index(i), Key("source"), Key("text")], e.source.clone()));
        let mut seen: Vec<(String, usize, usize, FieldPath)> = Vec::new();
        for (steps, passage) in quotes.chain(events) {
            let Some(start) = a.paragraph(&passage.paragraph).and_then(|p| p.text.find(&passage.text)) else { continue };
            let end = start + passage.text.len();
            let clash = seen.iter().find(|(p, s, e, _)| *p == passage.paragraph && start < *e && *s < end && (*s, *e) != (start, end));
            if let Some((_, _, _, other)) = clash {
                let message = format!("overlaps the passage of {other} without being the same words");
                self.report(&steps, message);
            }
            seen.push((passage.paragraph, start, end, FieldPath::at(&steps)));
        }
    }

    fn mend(&mut self, a: &Article, i: usize, m: &crate::model::Mend) {
        let at = |k| [Key("mends"), Index(i), Key(k)];
        let text = a
            .body
            .iter()
            .map(|p| (&p.id, &p.text))
            .chain(a.synopsis.blocks.iter().map(|b| (&b.id, &b.text)))
            .find(|(id, _)| **id == m.paragraph)
            .map(|(_, t)| t)
            .or(match m.paragraph.as_str() {
                // The supplied lines that are not paragraphs are named by their field.
                "kicker" => Some(&a.kicker),
                "headline" => Some(&a.headline),
                _ => None,
            });
        let Some(text) = text else {
            self.report(&at("paragraph"), format!("there is no paragraph, synopsis block, kicker or headline named {:?}", m.paragraph));
            return;
        };
        if !text.contains(&m.now) {
            self.report(&at("now"), format!("{:?} is not in paragraph {:?}", m.now, m.paragraph));
        }
        if m.was != m.now && text.contains(&m.was) {
            self.report(&at("was"), format!("{:?} is still in paragraph {:?}", m.was, m.paragraph));
        }
        self.not_blank(&at("why"), &m.why);
    }
}

/// The sentence of `paragraph` that shares the most words with `text`, so that an editor who
/// mistyped a quote sees what the paragraph actually says; none when no word is shared.
pub(crate) fn closest_sentence<'a>(paragraph: &'a str, text: &str) -> Option<&'a str> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let wanted = words(text);
    sentences(paragraph)
        .map(|sentence| (words(sentence).iter().filter(|w| wanted.contains(w)).count(), sentence))
        .filter(|(shared, _)| *shared > 0)
        // The most shared words; among equals, the first.
        .fold(None, |best: Option<(usize, &str)>, (shared, sentence)| match best {
            Some((most, _)) if most >= shared => best,
            _ => Some((shared, sentence)),
        })
        .map(|(_, sentence)| sentence)
}

/// A paragraph's sentences: each ends at `.`, `?` or `!` and any closing quotation mark.
fn sentences(paragraph: &str) -> impl Iterator<Item = &str> {
    let mut rest = paragraph;
    std::iter::from_fn(move || {
        let rest_trimmed = rest.trim_start();
        if rest_trimmed.is_empty() {
            return None;
        }
        let mut end = rest_trimmed.len();
        let mut chars = rest_trimmed.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '.' | '?' | '!') {
                let mut stop = i + c.len_utf8();
                while let Some(&(j, q)) = chars.peek() {
                    if !matches!(q, '”' | '’' | '"' | '\'' | '»' | ',') {
                        break;
                    }
                    stop = j + q.len_utf8();
                    chars.next();
                }
                if chars.peek().is_none_or(|&(_, next)| next.is_whitespace()) {
                    end = stop;
                    break;
                }
            }
        }
        let (sentence, after) = rest_trimmed.split_at(end);
        rest = after;
        Some(sentence.trim_start_matches(['“', '"', '«']))
    })
}

#[cfg(test)]
mod tests {
    use super::closest_sentence;

    const PARAGRAPH: &str = "He drew until noon. “It felt like a tough triathlon,” he said. Then he slept! Was it over?";

    #[test]
    fn a_mistyped_quote_is_shown_its_closest_sentence() {
        assert_eq!(closest_sentence(PARAGRAPH, "It felt like a triathlon."), Some("It felt like a tough triathlon,” he said."));
        assert_eq!(closest_sentence(PARAGRAPH, "he slept"), Some("Then he slept!"));
        assert_eq!(closest_sentence(PARAGRAPH, "Is it over?"), Some("Was it over?"));
    }

    #[test]
    fn words_the_paragraph_never_uses_have_no_closest_sentence() {
        assert_eq!(closest_sentence(PARAGRAPH, "Quantum chromodynamics"), None);
        assert_eq!(closest_sentence("", "anything"), None);
    }
}
