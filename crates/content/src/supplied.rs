//! The check that the article keeps every word of the text it was supplied as: each field
//! that holds supplied words must equal the supplied paragraph with the recorded mends
//! applied. A difference is shown as the words that changed and the `[[mends]]` entry that
//! would record it, so that an editor's typo fix is one paste away from passing.

use crate::model::Article;
use crate::validate::{FieldPath, Problem, Step};

/// The supplied text's paragraphs, less the page's clutter around the article.
pub fn paragraphs(supplied: &str) -> Vec<String> {
    supplied.split("\n\n").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty() && p != "Advertisement").collect()
}

/// The fields that hold supplied words, in the supplied text's order, with their paths and
/// the names a mend knows them by: a paragraph's or block's id, or `kicker` and `headline`.
fn fields(article: &Article) -> Vec<(Vec<Step>, Option<&str>, &str)> {
    use Step::{Index, Key};
    let mut out = vec![
        (vec![Key("kicker")], Some("kicker"), article.kicker.as_str()),
        (vec![Key("headline")], Some("headline"), article.headline.as_str()),
    ];
    for (i, p) in article.body.iter().enumerate() {
        out.push((vec![Key("body"), Index(i), Key("text")], Some(p.id.as_str()), p.text.as_str()));
    }
    out.push((vec![Key("synopsis"), Key("heading")], None, article.synopsis.heading.as_str()));
    for (i, b) in article.synopsis.blocks.iter().enumerate() {
        out.push((vec![Key("synopsis"), Key("blocks"), Index(i), Key("text")], Some(b.id.as_str()), b.text.as_str()));
    }
    out
}

/// Every difference between the article and its supplied text, mends applied.
pub fn check(article: &Article, supplied: &str) -> Vec<Problem> {
    let mut expected = paragraphs(supplied);
    let mut problems = Vec::new();
    for (i, mend) in article.mends.iter().enumerate() {
        let hits = expected.iter().filter(|p| p.contains(&mend.was)).count();
        if hits != 1 {
            let at = FieldPath(vec![Step::Key("mends"), Step::Index(i), Step::Key("was")]);
            let times = if hits == 0 { "nowhere" } else { "more than once" };
            problems.push(Problem {
                field: at,
                message: format!("{:?} stands {times} in the supplied text: a mend names words it has once", mend.was),
            });
            continue;
        }
        for p in &mut expected {
            *p = p.replace(&mend.was, &mend.now);
        }
    }
    // The credits close the supplied text: "Source: …" and the copyright line.
    let source = expected.iter().position(|p| p.starts_with("Source: "));
    let tail = source.map(|at| expected.split_off(at)).unwrap_or_default();
    let credits = [(Step::Key("source"), format!("Source: {}", article.source)), (Step::Key("copyright"), article.copyright.clone())];
    for (at, (step, text)) in credits.into_iter().enumerate() {
        if tail.get(at).is_some_and(|want| *want != text) {
            problems.push(Problem { field: FieldPath(vec![step]), message: format!("differs from the supplied text: {:?}", tail[at]) });
        }
    }
    let fields = fields(article);
    for (at, (path, id, text)) in fields.iter().enumerate() {
        let Some(want) = expected.get(at) else {
            problems.push(Problem { field: FieldPath(path.clone()), message: "is not in the supplied text".into() });
            continue;
        };
        if want != text {
            problems.push(Problem { field: FieldPath(path.clone()), message: changed(want, text, *id) });
        }
    }
    if expected.len() > fields.len() {
        let missing = &expected[fields.len()];
        problems.push(Problem {
            field: FieldPath(vec![Step::Key("body")]),
            message: format!("a paragraph of the supplied text is missing: {:?}", missing),
        });
    }
    problems
}

/// What changed, in the editor's words: the smallest run of words that differs, with a word
/// either side, and the mend that would record it.
fn changed(supplied: &str, now: &str, id: Option<&str>) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (supplied.split(' ').collect(), now.split(' ').collect());
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let same_end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count().min(a.len().min(b.len()) - same_start);
    let from = same_start.saturating_sub(1);
    let was = a[from..(a.len() - same_end + 1).min(a.len())].join(" ");
    let now_words = b[from..(b.len() - same_end + 1).min(b.len())].join(" ");
    let entry = match id {
        Some(id) => {
            format!("\n[[mends]]\nparagraph = {id:?}\nwas = {was:?}\nnow = {now_words:?}\nwhy = \"(say why: a typo, a quotation mark…)\"")
        }
        None => String::new(),
    };
    let how = if id.is_some() { "if this is a fix, record it by adding to the file:" } else { "this text is kept as supplied" };
    format!("changes the supplied article's words {was:?} to {now_words:?}; {how}{entry}")
}
