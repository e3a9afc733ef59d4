//! Property tests: every parser answers any input without panicking, and what a writer writes
//! its reader reads back.
#![cfg(not(target_arch = "wasm32"))]

use look_back::content::load_str;
use look_back::content::Date;
use look_back::options::{decode, PageOptions, SpoilerChoice};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() }
}

/// Percent-encodes every byte, the most a writer can do to a component.
fn encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn only_one_exact_word_makes_a_choice(
        pairs in prop::collection::vec(
            (
                prop::sample::select(vec!["spoilers", "spoiler", "SPOILERS", "theme"]),
                prop::sample::select(vec!["shown", "hidden", "Shown", "show", "", "shown ", "%3Cb%3E"]),
            ),
            0..5,
        )
    ) {
        let query = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
        // The key exactly, every time with the same one of the two words; else no choice.
        let values: Vec<&str> = pairs.iter().filter(|(k, _)| *k == "spoilers").map(|(_, v)| *v).collect();
        let agreed = |word: &str| !values.is_empty() && values.iter().all(|v| *v == word);
        let expected = if agreed("shown") {
            Some(SpoilerChoice::Shown)
        } else if agreed("hidden") {
            Some(SpoilerChoice::Hidden)
        } else {
            None
        };
        prop_assert_eq!(PageOptions::from_query(&format!("?{query}")).spoilers, expected);
    }


    #[test]
    fn query_strings_of_the_query_alphabet_never_panic(query in "[?&=%+a-z0-9A-F<>\"'#]{0,200}") {
        let _ = PageOptions::from_query(&query);
        let _ = decode(&query);
    }

    #[test]
    fn decoding_reads_back_what_encoding_wrote(text in ".{0,100}") {
        prop_assert_eq!(decode(&encode(&text)), Some(text));
    }

    #[test]
    fn an_encoded_choice_reads_back(shown in any::<bool>(), noise in "[a-z]{1,8}") {
        let word = if shown { "shown" } else { "hidden" };
        let query = format!("?{noise}=1&{}={}", encode("spoilers"), encode(word));
        let expected = if shown { SpoilerChoice::Shown } else { SpoilerChoice::Hidden };
        prop_assert_eq!(PageOptions::from_query(&query).spoilers, Some(expected));
    }

    #[test]
    fn any_text_is_a_date_or_none(text in ".{0,20}") {
        let _ = Date::parse(&text);
    }

    #[test]
    fn dates_read_back_what_they_write(days in -1_000_000i64..1_000_000) {
        let date = Date::from_days(days);
        prop_assert_eq!(date.to_days(), days);
        let written = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
        if (1000..=9999).contains(&date.year) {
            prop_assert_eq!(Date::parse(&written), Some(date));
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_content_file_loads_or_names_its_line(source in "(.{0,40}\n){0,12}") {
        if let Err(errors) = load_str("fuzz.toml", &source) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(e.line >= 1 && e.line <= source.lines().count().max(1) + 1, "{}", e);
            }
        }
    }
}
