//! Day arithmetic, wording of dates, and the proportional scale.

mod common;

use look_back::components::scale::{Axis, LONG_END, WIDTH, ZOOM_START};
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
    assert_eq!(event(-1, Precision::PartOfDay, Some(PartOfDay::Night), None).hours(), -2);
}

#[test]
fn the_scale_draws_the_long_stretch_to_scale_and_zooms_the_last_36_hours() {
    let article = common::article();
    let axis = Axis::new(&article.events).unwrap();
    assert!(axis.broken());
    assert_eq!((axis.zoom_from, axis.zoom_to), (-24, 12));
    let x: Vec<f64> = article.events.iter().map(|e| axis.position(e.hours())).collect();
    assert_eq!(x[0], 0.0, "the stretch starts at the left edge");
    assert!(x[1..].iter().all(|&x| (ZOOM_START..=WIDTH).contains(&x)), "{x:?}");
    assert!(x.windows(2).all(|w| w[0] <= w[1]), "in order: {x:?}");
    // Noon and night of the last day are far enough apart to read: over a tenth of the scale.
    assert!(x[3] - x[1] > WIDTH / 10.0, "{x:?}");
    const { assert!(LONG_END < ZOOM_START) };
}

#[test]
fn events_all_within_a_day_and_a_half_need_no_break() {
    let events = [event(-1, Precision::Day, None, None), event(0, Precision::Day, None, None)];
    let axis = Axis::new(&events).unwrap();
    assert!(!axis.broken());
    assert_eq!(axis.position(events[0].hours()), 0.0 + (events[0].hours() - axis.zoom_from) as f64 / 36.0 * WIDTH);
    assert!(Axis::new(&[]).is_none());
}

#[test]
fn close_dots_stack_in_lanes_and_far_ones_share_the_first() {
    use look_back::components::scale::{lanes, MAX_LANES};
    assert_eq!(lanes(&[0.0, 100.0, 105.0, 106.0, 300.0], 20.0), [0, 0, 1, 2, 0]);
    let crowded: Vec<f64> = (0..200).map(|i| f64::from(i) * 0.5).collect();
    assert!(lanes(&crowded, 20.0).iter().all(|&l| l < MAX_LANES));
}
