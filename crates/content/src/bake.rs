//! Writes a checked [`Article`] as a Rust expression, so that the browser build carries the
//! article as plain data: no parser, and nothing but the text grows with the content.

use crate::model::{Article, Event, Mend, Paragraph, PartOfDay, Passage, Precision, Quote, SpoilerBlock, Synopsis, Timeline};

/// A value that can be written as a Rust expression of itself.
pub trait Bake {
    fn bake(&self) -> String;
}

impl Bake for String {
    fn bake(&self) -> String {
        // Debug quoting of a str is a valid Rust string literal.
        format!("String::from({self:?})")
    }
}

impl Bake for i32 {
    fn bake(&self) -> String {
        self.to_string()
    }
}

impl<T: Bake> Bake for Vec<T> {
    fn bake(&self) -> String {
        let items: Vec<String> = self.iter().map(Bake::bake).collect();
        format!("vec![{}]", items.join(", "))
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self) -> String {
        self.as_ref().map_or_else(|| "None".into(), |v| format!("Some({})", v.bake()))
    }
}

impl Bake for Precision {
    fn bake(&self) -> String {
        format!("Precision::{self:?}")
    }
}

impl Bake for PartOfDay {
    fn bake(&self) -> String {
        format!("PartOfDay::{self:?}")
    }
}

macro_rules! bake_struct {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl Bake for $ty {
            fn bake(&self) -> String {
                let fields: Vec<String> = vec![$(format!("{}: {}", stringify!($field), self.$field.bake())),*];
                format!("{} {{ {} }}", stringify!($ty), fields.join(", "))
            }
        }
    )*};
}

bake_struct! {
    Article { kicker, headline, summary, lang, source, copyright, copyright_lang, body, synopsis, quotes, timeline, events, mends }
    Timeline { heading, day_zero_date, day_zero_note, day_zero_source }
    Paragraph { id, text }
    Synopsis { heading, blocks }
    SpoilerBlock { id, label, text }
    Passage { paragraph, text }
    Quote { id, speaker, paragraph, text }
    Event { id, day, precision, part, about, title, text, source }
    Mend { paragraph, was, now, why }
}
