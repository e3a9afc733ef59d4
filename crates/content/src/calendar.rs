//! Calendar arithmetic for the timeline: days relative to day 0, and the dates they stand for.
//! The words a reader sees for them are in `wording`.

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
