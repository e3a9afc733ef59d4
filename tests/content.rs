//! The content file: the shipped article is complete, and every kind of mistake in a content
//! file is reported with its file, line and field.

mod common;

use look_back::content::{load_file, ContentError};
use look_back::content::{Date, PartOfDay, Precision};
use std::path::Path;

fn errors(fixture: &str) -> Vec<ContentError> {
    let path = Path::new("tests/fixtures").join(format!("{fixture}.toml"));
    load_file(&path).expect_err("the fixture is broken on purpose")
}

/// Asserts the one error a fixture must give, by line, field and a piece of its message.
fn expect(fixture: &str, line: usize, field: &str, says: &str) {
    let errors = errors(fixture);
    assert_eq!(errors.len(), 1, "{fixture}: {errors:#?}");
    let e = &errors[0];
    assert_eq!(e.file, format!("tests/fixtures/{fixture}.toml"));
    assert_eq!((e.line, e.field.as_str()), (line, field), "{e}");
    assert!(e.message.contains(says), "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with(&format!("tests/fixtures/{fixture}.toml:{line}:")), "{shown}");
    assert!(shown.contains(field), "{shown}");
}

#[test]
fn the_valid_fixture_loads() {
    let article = load_file(Path::new("tests/fixtures/valid.toml")).unwrap();
    assert_eq!(article.body.len(), 2);
    assert_eq!(article.events[1].part, Some(PartOfDay::Night));
}

#[test]
fn a_syntax_error_names_its_line() {
    expect("syntax", 3, "", "invalid basic string");
    assert!(errors("syntax")[0].to_string().contains(":3:23: syntax: "));
}

#[test]
fn a_missing_field_is_named() {
    expect("missing_field", 1, "headline", "missing field");
}

#[test]
fn a_wrongly_typed_field_is_named() {
    expect("wrong_type", 40, "events[0].day", "invalid type");
}

#[test]
fn a_misspelt_field_is_named() {
    expect("unknown_field", 52, "events[1].titel", "unknown field");
}

#[test]
fn a_quote_must_stand_verbatim_in_its_paragraph() {
    expect("quote_not_verbatim", 30, "quotes[0].text", "is not a verbatim part of paragraph \"one\"");
    // The editor sees what the paragraph says instead.
    expect("quote_not_verbatim", 30, "quotes[0].text", "; its closest sentence there is \"He said: “It was long.”\"");
}

#[test]
fn a_paragraph_has_room_for_one_pull_quote() {
    expect(
        "two_quotes_one_paragraph",
        35,
        "quotes[1].paragraph",
        "\"one\" already has a pull quote (quotes[0]); a paragraph has room for one",
    );
}

#[test]
fn a_reference_must_name_a_paragraph() {
    expect("unknown_reference", 29, "quotes[0].paragraph", "no body paragraph with id \"three\"");
}

#[test]
fn events_must_be_listed_oldest_first() {
    expect("events_out_of_order", 49, "events[1].day", "oldest first");
}

#[test]
fn a_part_of_the_day_must_be_named_by_the_source_or_said_to_be_inferred() {
    expect("part_not_in_source", 51, "events[1].part", "\"night\" is not named in the event's source");
}

#[test]
fn a_title_does_not_repeat_the_part_of_the_day() {
    expect("title_repeats_part", 52, "events[1].title", "names the part of the day");
}

#[test]
fn a_changed_word_of_the_supplied_text_is_named_with_the_mend_that_records_it() {
    let errors = errors("typo_without_mend");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e.field, "synopsis.blocks[0].text");
    assert!(e.message.contains(r#"words "strip every week" to "strip each week""#), "{e}");
    let entry = "[[mends]]\nparagraph = \"start\"\nwas = \"strip every week\"\nnow = \"strip each week\"\nwhy = ";
    assert!(e.message.contains(entry), "the exact entry to add: {e}");
    // The same file with that entry (and a reason) loads.
    let source = std::fs::read_to_string("tests/fixtures/typo_without_mend.toml").unwrap();
    let fixed = format!(
        "{source}\n[[mends]]\nparagraph = \"start\"\nwas = \"strip every week\"\nnow = \"strip each week\"\nwhy = \"house style\"\n"
    );
    let copy = std::env::temp_dir().join(format!("look-back-typo-{}", std::process::id()));
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::write(copy.join("supplied.txt"), include_str!("fixtures/supplied.txt")).unwrap();
    std::fs::write(copy.join("article.toml"), fixed).unwrap();
    let loaded = load_file(&copy.join("article.toml"));
    std::fs::remove_dir_all(&copy).unwrap();
    assert!(loaded.is_ok(), "{:#?}", loaded.err());
}

#[test]
fn ids_must_be_unique() {
    let errors = errors("duplicate_id");
    assert_eq!((errors[0].line, errors[0].field.as_str()), (15, "body[1].id"));
    assert!(errors[0].message.contains("used by another paragraph"));
}

#[test]
fn ids_must_be_safe_for_links() {
    expect("bad_id", 27, "quotes[0].id", "is not an id");
}

#[test]
fn a_part_of_day_needs_its_part() {
    // The key is absent, so the error points at the event's own header.
    expect("missing_part", 47, "events[1].part", "needs a part");
}

#[test]
fn text_must_not_be_blank() {
    let errors = errors("empty_text");
    assert_eq!((errors[0].line, errors[0].field.as_str()), (16, "body[1].text"));
}

#[test]
fn the_summary_must_not_spoil_the_synopsis() {
    expect("summary_spoils", 4, "summary", "spoil");
}

#[test]
fn a_mend_must_be_in_place() {
    expect("mend_not_applied", 59, "mends[0].was", "is still in paragraph");
}

#[test]
fn markup_in_the_text_is_just_text() {
    let article = load_file(Path::new("tests/fixtures/hostile.toml")).unwrap();
    assert!(article.body[0].text.contains("<script>alert(1)</script>"));
}

#[test]
fn a_missing_file_is_named() {
    let e = &load_file(Path::new("content/nothing.toml")).unwrap_err()[0];
    assert!(e.to_string().starts_with("content/nothing.toml"), "{e}");
}

mod shipped_article {
    use super::*;

    fn seed_paragraphs() -> Vec<String> {
        // The supplied article, less its page clutter.
        let seed = include_str!("../content/supplied.txt");
        seed.split("\n\n").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty() && p != "Advertisement").collect()
    }

    /// The seed with the content file's recorded mends applied, to compare word for word.
    #[test]
    fn keeps_every_word_of_the_supplied_article() {
        let article = load_file(&common::content_file()).unwrap();
        let mut seed = seed_paragraphs();
        for mend in &article.mends {
            let hits = seed.iter().filter(|p| p.contains(&mend.was)).count();
            assert_eq!(hits, 1, "mend {:?} should match the seed once", mend.was);
            for p in seed.iter_mut() {
                *p = p.replace(&mend.was, &mend.now);
            }
        }
        let mut expected = vec![article.kicker.clone(), article.headline.clone()];
        expected.extend(article.body.iter().map(|p| p.text.clone()));
        expected.push(article.synopsis.heading.clone());
        expected.extend(article.synopsis.blocks.iter().map(|b| b.text.clone()));
        expected.push(format!("Source: {}", article.source));
        expected.push(article.copyright.clone());
        assert_eq!(seed, expected);
    }

    #[test]
    fn has_pull_quotes_from_two_paragraphs_and_a_dated_timeline() {
        let article = common::article();
        let mut paragraphs: Vec<&str> = article.quotes.iter().map(|q| q.paragraph.as_str()).collect();
        paragraphs.dedup();
        assert!(paragraphs.len() >= 2, "pull quotes from {paragraphs:?}");
        assert!(!article.events.is_empty() && Date::parse(&article.timeline.day_zero_date).is_some());
        assert!(article.events.windows(2).all(|pair| pair[0].day <= pair[1].day), "oldest first");
    }

    #[test]
    fn every_place_that_shows_the_reading_time_says_the_same() {
        // The page has the synopsis's words at build time; embeds and the element never do.
        let article = common::article();
        assert_eq!(article.reading_minutes(), article.without_spoilers().reading_minutes());
    }

    #[test]
    fn reading_time_counts_230_words_a_minute_rounded_up() {
        let mut article = load_file(Path::new("tests/fixtures/valid.toml")).unwrap();
        article.synopsis.blocks.truncate(1);
        article.synopsis.blocks[0].text = "seven words that a reader opens later".into();
        article.body.truncate(1);
        article.body[0].text = "word ".repeat(230);
        assert_eq!(article.word_count(), 230, "the synopsis is not counted");
        assert_eq!(article.reading_minutes(), 1);
        article.body[0].text.push_str("and one more");
        assert_eq!(article.reading_minutes(), 2);
        article.body[0].text.clear();
        article.synopsis.blocks[0].text.clear();
        assert_eq!(article.reading_minutes(), 1, "never less than a minute");
    }
}

#[test]
fn passages_may_not_partly_overlap() {
    expect("overlapping_passages", 45, "events[0].source.text", "overlaps the passage of quotes[0].text");
}

mod passages {
    use super::*;

    #[test]
    fn a_paragraph_is_cut_into_text_and_marked_passages() {
        let article = load_file(Path::new("tests/fixtures/valid.toml")).unwrap();
        let segments = article.segments("one");
        let texts: Vec<&str> = segments.iter().map(|s| s.text).collect();
        assert_eq!(texts, ["He said: “", "It was long.", "” ", "Then he slept."]);
        assert_eq!(texts.concat(), article.body[0].text);
        let anchors: Vec<Option<&str>> = segments.iter().map(|s| s.mark.as_ref().map(|m| m.anchor.as_str())).collect();
        assert_eq!(anchors, [None, Some("quote-long"), None, Some("source-late")]);
    }

    #[test]
    fn a_passage_shared_by_a_quote_and_an_event_is_marked_once_under_the_quote() {
        // The fixture's first event comes from its quote's words; its second from words of
        // its own.
        let article = load_file(Path::new("tests/fixtures/valid.toml")).unwrap();
        let [shared, own] = [&article.events[0], &article.events[1]];
        let quote = &article.quotes[0];
        assert_eq!((&shared.source.paragraph, &shared.source.text), (&quote.paragraph, &quote.text));
        assert_eq!(article.anchor_of(&shared.source), Some(format!("quote-{}", quote.id)));
        assert_eq!(article.anchor_of(&own.source), Some(format!("source-{}", own.id)));
        for p in &article.body {
            let marks = article.marks(&p.id);
            let mut anchors: Vec<&str> = marks.iter().map(|m| m.anchor.as_str()).collect();
            let count = anchors.len();
            anchors.dedup();
            assert_eq!(anchors.len(), count, "a passage marked twice in {}", p.id);
        }
    }

    #[test]
    fn every_paragraph_reads_the_same_once_cut() {
        let article = common::article();
        for p in &article.body {
            let whole: String = article.segments(&p.id).iter().map(|s| s.text).collect();
            assert_eq!(whole, p.text);
        }
    }
}

#[test]
fn day_zero_must_be_a_real_date() {
    expect("bad_date", 34, "timeline.day_zero_date", "is not a date");
}

#[test]
fn precisions_and_parts_of_day_have_the_names_serde_gives_them() {
    // The browser reads these names without serde; both must agree with the content file.
    for p in Precision::ALL {
        assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.name()));
    }
    for p in PartOfDay::ALL {
        assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.name()));
    }
}
