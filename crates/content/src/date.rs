//! Calendar arithmetic for the timeline: days relative to day 0, and the dates they stand for.

use crate::model::{Event, Precision};

/// A calendar date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`; none for anything else or a day the month does not have.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Self { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        (Self::from_days(date.to_days()) == date).then_some(date)
    }

    /// Days since 1970-01-01 (after Howard Hinnant's `days_from_civil`).
    pub fn to_days(self) -> i64 {
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Self { year: yoe + era * 400 + i64::from(month <= 2), month, day }
    }

    pub fn plus_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }
}

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

    /// The `datetime` of its `<time>`: the day, or only the month for an estimate, so that
    /// no machine reads a guess as an exact date.
    pub fn datetime(&self, day_zero: Date) -> String {
        let date = day_zero.plus_days(i64::from(self.day));
        if self.precision == Precision::Approximate {
            format!("{:04}-{:02}", date.year, date.month)
        } else {
            format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
        }
    }
}
