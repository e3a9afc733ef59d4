//! Day arithmetic, and the wording of dates and of the time between them.

use look_back::content::Date;
use look_back::content::{Event, PartOfDay, Passage, Precision};

fn event(day: i32, precision: Precision, part: Option<PartOfDay>, about: Option<&str>) -> Event {
    Event {
        id: format!("e{day}"),
        day,
        precision,
        part,
        about: about.map(str::to_owned),
        title: "t".into(),
        text: "t".into(),
        source: Passage { paragraph: "p".into(), text: "t".into() },
        inferred: None,
    }
}

#[test]
fn dates_count_days_across_months_and_leap_years() {
    let day_zero = Date::parse("2024-06-28").unwrap();
    assert_eq!(day_zero.plus_days(-1), Date { year: 2024, month: 6, day: 27 });
    assert_eq!(day_zero.plus_days(-76), Date { year: 2024, month: 4, day: 13 });
    assert_eq!(Date::parse("2024-03-01").unwrap().plus_days(-1), Date { year: 2024, month: 2, day: 29 });
    assert_eq!(Date::parse("2023-03-01").unwrap().plus_days(-1), Date { year: 2023, month: 2, day: 28 });
    assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
    assert_eq!(Date::parse("2000-01-01").unwrap().to_days(), 10_957);
    assert_eq!(Date::from_days(-1), Date { year: 1969, month: 12, day: 31 });
}

#[test]
fn only_real_dates_parse() {
    for bad in ["2024-02-30", "2023-02-29", "2024-13-01", "2024-6-28", "28/06/2024", "", "2024-06-28T12:00", "2024-06-28-01"] {
        assert_eq!(Date::parse(bad), None, "{bad}");
    }
    assert!(Date::parse("2024-02-29").is_some());
}

#[test]
fn an_estimate_is_said_with_about_and_dated_only_to_its_month() {
    let day_zero = Date::parse("2024-06-28").unwrap();
    let e = event(-76, Precision::Approximate, None, Some("2½ months before"));
    assert_eq!(e.when(), "about 2½ months before");
    assert_eq!(e.datetime(day_zero), "2024-04");
}

#[test]
fn exact_days_and_parts_of_days_are_said_as_the_article_says_them() {
    let day_zero = Date::parse("2024-06-28").unwrap();
    let noon = event(-1, Precision::PartOfDay, Some(PartOfDay::Noon), None);
    assert_eq!(noon.when(), "the day before, at noon");
    assert_eq!(noon.datetime(day_zero), "2024-06-27");
    assert_eq!(event(0, Precision::Day, None, None).when(), "the day of the event");
    assert_eq!(event(-3, Precision::Day, None, None).when(), "3 days before");
}

#[test]
fn the_time_between_days_is_said_in_the_units_a_reader_would_use() {
    let day = |d| event(d, Precision::Day, None, None);
    let guess = event(-76, Precision::Approximate, None, Some("2½ months before"));
    assert_eq!(guess.time_until(&day(-1)).as_deref(), Some("about 2½ months later"));
    assert_eq!(day(-1).time_until(&day(0)), None, "the next day needs no break");
    assert_eq!(day(-3).time_until(&day(-3)), None);
    assert_eq!(day(-5).time_until(&day(0)).as_deref(), Some("5 days later"));
    assert_eq!(day(-21).time_until(&day(0)).as_deref(), Some("3 weeks later"));
    assert_eq!(day(-30).time_until(&day(0)).as_deref(), Some("4 weeks later"));
    assert_eq!(day(-61).time_until(&day(0)).as_deref(), Some("2 months later"));
    assert_eq!(day(-365).time_until(&day(0)).as_deref(), Some("12 months later"));
}

#[test]
fn events_share_a_day_only_when_both_are_or_neither_is_a_guess() {
    let noon = event(-1, Precision::PartOfDay, Some(PartOfDay::Noon), None);
    let night = event(-1, Precision::PartOfDay, Some(PartOfDay::Night), None);
    assert!(noon.same_day(&night));
    assert_eq!(noon.day_words(), "the day before");
    assert!(!noon.same_day(&event(-1, Precision::Approximate, None, Some("a day before"))));
    assert!(!noon.same_day(&event(0, Precision::Day, None, None)));
}
