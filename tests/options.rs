//! Query-string options: good values are read, bad ones fall back to the default.

use look_back::options::{decode, PageOptions, SpoilerChoice};

fn spoilers(query: &str) -> Option<SpoilerChoice> {
    PageOptions::from_query(query).spoilers
}

#[test]
fn reads_the_two_choices_with_or_without_the_question_mark() {
    assert_eq!(spoilers("?spoilers=shown"), Some(SpoilerChoice::Shown));
    assert_eq!(spoilers("spoilers=hidden"), Some(SpoilerChoice::Hidden));
    assert_eq!(spoilers("?utm_source=x&spoilers=shown&ref=y"), Some(SpoilerChoice::Shown));
    assert_eq!(spoilers("?spoil%65rs=sh%6Fwn"), Some(SpoilerChoice::Shown));
}

#[test]
fn absent_empty_and_unknown_values_are_the_default() {
    for query in ["", "?", "?spoilers", "?spoilers=", "?spoilers=yes", "?spoilers=SHOWN", "?Spoilers=shown", "?spoilers=shown%20"] {
        assert_eq!(spoilers(query), None, "{query:?}");
    }
}

#[test]
fn a_repeated_key_counts_only_when_it_agrees() {
    assert_eq!(spoilers("?spoilers=shown&spoilers=shown"), Some(SpoilerChoice::Shown));
    assert_eq!(spoilers("?spoilers=shown&spoilers=hidden"), None);
    assert_eq!(spoilers("?spoilers=shown&spoilers="), None);
}

#[test]
fn very_long_and_malformed_values_are_the_default() {
    let long = format!("?spoilers={}", "shown".repeat(10_000));
    assert_eq!(spoilers(&long), None);
    for query in ["?spoilers=%", "?spoilers=%G1", "?spoilers=%E2%82", "?spoilers=%FF", "?%=shown", "?spoilers=<script>"] {
        assert_eq!(spoilers(query), None, "{query:?}");
    }
}

#[test]
fn decoding_takes_escapes_and_plus_signs() {
    assert_eq!(decode("a%20b+c").as_deref(), Some("a b c"));
    assert_eq!(decode("%E2%80%9C").as_deref(), Some("“"));
    assert_eq!(decode("%2").as_deref(), None);
    assert_eq!(decode("%zz").as_deref(), None);
    assert_eq!(decode("%C3%28").as_deref(), None);
}

#[test]
fn sections_come_from_the_embed_paths_only() {
    use look_back::options::Section;
    for s in Section::ALL {
        assert_eq!(Section::from_path(&format!("/{}", s.path())), Some(s));
        assert_eq!(Section::from_path(&format!("/{}index.html", s.path())), Some(s));
        assert_eq!(Section::from_path(&format!("/news/look-back/{}", s.path())), Some(s), "under a sub-path");
    }
    for path in ["/", "", "/index.html", "/embed/", "/embed/nothing/", "/timeline/", "/embed/timeline/x/", "/embed/TIMELINE/"] {
        assert_eq!(Section::from_path(path), None, "{path:?}");
    }
}

#[test]
fn themes_are_read_or_left_out() {
    use look_back::options::Theme;
    for t in Theme::ALL {
        assert_eq!(Theme::parse(t.name()), Some(t));
    }
    for name in ["auto", "", "Dark", "javascript:alert(1)", "dark "] {
        assert_eq!(Theme::parse(name), None, "{name:?}");
    }
    assert_eq!(PageOptions::from_location("/embed/quotes/", "?theme=dark").section, Some(look_back::options::Section::Quotes));
}
