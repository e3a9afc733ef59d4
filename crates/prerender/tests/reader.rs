//! The wasm's reader of the data block (`look_back::article_data`), run natively on what the
//! build writes: it reads back the article the build put there, and says where a corrupted
//! block went wrong, skipping a bad item of a list and keeping the rest.

mod common;

use look_back::article_data::{read_article, read_synopsis, Json};
use serde_json::{json, Value};

/// serde_json's values as the reader asks for them, as the browser's are in the wasm.
struct Parsed(Value);

impl Json for Parsed {
    fn member(&self, key: &str) -> Option<Self> {
        self.0.as_object()?.get(key).filter(|v| !v.is_null()).cloned().map(Parsed)
    }
    fn string(&self) -> Option<String> {
        self.0.as_str().map(str::to_owned)
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn items(&self) -> Option<impl Iterator<Item = Self> + use<>> {
        Some(self.0.as_array()?.clone().into_iter().map(Parsed))
    }
}

/// The data block the build writes, parsed.
fn written() -> Value {
    let block = look_back_prerender::article_data(common::article());
    let json = block.split_once('>').and_then(|(_, rest)| rest.strip_suffix("</script>")).expect("a script element");
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_reader_reads_back_what_the_build_writes() {
    let reading = read_article(&Parsed(written())).unwrap();
    assert_eq!(reading.article, common::article().without_body_text().without_spoilers());
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    let synopsis = serde_json::from_str(&look_back_prerender::synopsis_json(common::article())).unwrap();
    assert_eq!(read_synopsis(&Parsed(synopsis)).unwrap(), common::article().synopsis);
}

#[test]
fn a_bad_item_is_skipped_and_named_and_its_list_is_marked_incomplete() {
    let article = common::article();
    let mut data = written();
    data["events"][1]["day"] = json!("the second day");
    data["quotes"][0].as_object_mut().unwrap().remove("speaker");
    let reading = read_article(&Parsed(data)).unwrap();
    assert_eq!(reading.problems, ["quotes[0].speaker", "events[1].day"]);
    assert!(!reading.complete("quotes") && !reading.complete("events"));
    assert_eq!(reading.article.events.len(), article.events.len() - 1);
    assert!(reading.article.events.iter().all(|e| e.id != article.events[1].id));
    assert_eq!(reading.article.quotes, article.quotes[1..]);
    assert!(reading.complete("synopsis.blocks") && reading.complete("body"));
}

#[test]
fn a_block_that_cannot_be_read_says_where() {
    let mut data = written();
    data["timeline"].as_object_mut().unwrap().remove("heading");
    assert_eq!(read_article(&Parsed(data)).unwrap_err(), "timeline.heading");
    let mut data = written();
    data["events"] = json!({});
    assert_eq!(read_article(&Parsed(data)).unwrap_err(), "events");
    let mut data = written();
    data["headline"] = json!(7);
    assert_eq!(read_article(&Parsed(data)).unwrap_err(), "headline");
    assert_eq!(read_article(&Parsed(json!([1, 2]))).unwrap_err(), "kicker");
    let mut data = written();
    data["events"][0]["precision"] = json!("fortnight");
    let problems = read_article(&Parsed(data)).unwrap().problems;
    assert_eq!(problems, ["events[0].precision"]);
}
