//! The timeline's English: when an event happened, and the time between two, in the words a
//! reader sees. Never more exact than the article.

use crate::calendar::Date;
use crate::model::{Event, Precision};

impl Event {
    /// When it happened, in words, never more exact than the article: "about 2½ months
    /// before", "the day before, at noon", "the day of the event".
    pub fn when(&self) -> String {
        match self.part {
            Some(part) if self.precision != Precision::Approximate => format!("{}, {}", self.day_words(), part.phrase()),
            _ => self.day_words(),
        }
    }

    /// The day alone, in words, which the timeline shows once for all of that day's events.
    pub fn day_words(&self) -> String {
        if self.precision == Precision::Approximate {
            return format!("about {}", self.about.as_deref().unwrap_or_default());
        }
        match self.day {
            0 => "the day of the event".to_owned(),
            -1 => "the day before".to_owned(),
            1 => "the day after".to_owned(),
            d if d < 0 => format!("{} days before", -d),
            d => format!("{d} days after"),
        }
    }

    /// Whether the timeline shows both under one day: the same day, and both or neither a guess.
    pub fn same_day(&self, other: &Event) -> bool {
        self.day == other.day && (self.precision == Precision::Approximate) == (other.precision == Precision::Approximate)
    }

    /// The time that passes before `later`, in words, where it is more than a day: "about 2½
    /// months later". The timeline draws it as a break instead of drawing it to scale.
    pub fn time_until(&self, later: &Event) -> Option<String> {
        let days = i64::from(later.day) - i64::from(self.day);
        let about = if [self, later].iter().any(|e| e.precision == Precision::Approximate) { "about " } else { "" };
        let span = match days {
            ..=1 => return None,
            2..=13 => format!("{days} days"),
            14..=59 => format!("{} weeks", (days + 3) / 7),
            _ => {
                // Months to the nearest half, at 30.44 days a month.
                let halves = (days * 200 + 1522) / 3044;
                let half = if halves % 2 == 1 { "½" } else { "" };
                match halves / 2 {
                    0 => "½ month".to_owned(),
                    1 if half.is_empty() => "1 month".to_owned(),
                    whole => format!("{whole}{half} months"),
                }
            }
        };
        Some(format!("{about}{span} later"))
    }
}

impl Date {
    /// The date as a reader reads it: "28 June 2024".
    pub fn words(self) -> String {
        const MONTHS: [&str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        let month = MONTHS.get((self.month as usize).wrapping_sub(1)).copied().unwrap_or_default();
        format!("{} {month} {}", self.day, self.year)
    }
}
