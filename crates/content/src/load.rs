//! Reads a content file and answers every mistake with its file, line and field.
//! Native only: the browser never parses TOML; the pre-renderer hands it the article as JSON.

use crate::model::Article;
use crate::validate::{validate, FieldPath, Problem, Step};
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A mistake in a content file, pointed at for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// 1-based, as editors count.
    pub line: usize,
    pub column: usize,
    /// The field at fault, as in `quotes[2].text`; empty for a syntax error.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = if self.field.is_empty() { "syntax" } else { &self.field };
        write!(f, "{}:{}:{}: {}: {}", self.file, self.line, self.column, field, self.message)
    }
}

/// Parses and checks a content file; `file` names it in the errors. Its supplied text, if it
/// names one, is not read: [`load_file`] reads it from beside the file.
pub fn load_str(file: &str, source: &str) -> Result<Article, Vec<ContentError>> {
    load(file, source, None)
}

fn load(file: &str, source: &str, dir: Option<&std::path::Path>) -> Result<Article, Vec<ContentError>> {
    let error = |span: Range<usize>, field: String, message: String| {
        let (line, column) = line_column(source, span.start);
        ContentError { file: file.to_owned(), line, column, field, message }
    };
    let tree = DeTable::parse(source).map_err(|e| vec![error(e.span().unwrap_or(0..0), String::new(), first_line(e.message()))])?;
    let article: Article = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let mut field = path_at(&tree, &span);
        // serde names a missing or unknown field only in its message; the span is its table.
        let named = backticked(e.message(), "missing field `").or_else(|| backticked(e.message(), "unknown field `"));
        if let Some(name) = named {
            field = if field.is_empty() { name } else { format!("{field}.{name}") };
        }
        vec![error(span, field, first_line(e.message()))]
    })?;
    let mut problems = validate(&article);
    if let (Some(name), Some(dir)) = (&article.supplied, dir) {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => problems.extend(crate::supplied::check(&article, &text)),
            Err(e) => problems.push(Problem { field: FieldPath(vec![Step::Key("supplied")]), message: format!("{name}: {e}") }),
        }
    }
    if problems.is_empty() {
        return Ok(article);
    }
    Err(problems.into_iter().map(|p| error(span_of(&tree, &p.field), p.field.to_string(), p.message)).collect())
}

/// Reads and checks a content file from disk.
pub fn load_file(path: &std::path::Path) -> Result<Article, Vec<ContentError>> {
    let file = path.display().to_string();
    let source = std::fs::read_to_string(path)
        .map_err(|e| vec![ContentError { file: file.clone(), line: 0, column: 0, field: String::new(), message: e.to_string() }])?;
    load(&file, &source, Some(path.parent().unwrap_or(std::path::Path::new(""))))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().to_owned()
}

fn backticked(message: &str, prefix: &str) -> Option<String> {
    let rest = message.split_once(prefix)?.1;
    Some(rest.split('`').next()?.to_owned())
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The span of the deepest part of `path` that the file has: a missing field is pointed at
/// through the table that lacks it.
fn span_of(tree: &Spanned<DeTable<'_>>, path: &FieldPath) -> Range<usize> {
    let mut span = tree.span();
    let mut value: Option<&DeValue<'_>> = None;
    let mut table = Some(tree.get_ref());
    for step in &path.0 {
        let next = match (step, table, value) {
            (Step::Key(k), Some(t), _) => t.iter().find(|(key, _)| key.get_ref() == k).map(|(_, v)| v),
            (Step::Index(i), _, Some(DeValue::Array(items))) => items.get(*i),
            _ => None,
        };
        let Some(next) = next else { break };
        span = next.span();
        value = Some(next.get_ref());
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
    }
    span
}

/// The field whose key or value holds `span`, as deep as it goes. A table written as a
/// `[header]` spans only its header, so past exact matches the nearest header above wins.
fn path_at(tree: &Spanned<DeTable<'_>>, span: &Range<usize>) -> String {
    let inside = |s: Range<usize>| s.start <= span.start && span.end <= s.end;
    let nearest = |s: Range<usize>| (s.start <= span.start).then_some(s.start);
    let mut path = String::new();
    let mut value: Option<&DeValue<'_>> = None;
    let mut table = Some(tree.get_ref());
    loop {
        let candidates: Vec<(String, &Spanned<DeValue<'_>>)> = match (table, value) {
            (Some(t), _) => {
                t.iter().map(|(k, v)| (if path.is_empty() { k.get_ref().to_string() } else { format!(".{}", k.get_ref()) }, v)).collect()
            }
            (None, Some(DeValue::Array(items))) => items.iter().enumerate().map(|(i, v)| (format!("[{i}]"), v)).collect(),
            _ => Vec::new(),
        };
        let exact = candidates.iter().position(|(_, v)| inside(v.span()));
        let header = || {
            candidates
                .iter()
                .enumerate()
                .filter(|(_, (_, v))| matches!(v.get_ref(), DeValue::Table(_) | DeValue::Array(_)))
                .filter_map(|(i, (_, v))| nearest(v.span()).map(|start| (start, i)))
                .max()
                .map(|(_, i)| i)
        };
        let Some(found) = exact.or_else(header) else { break };
        let (step, next) = &candidates[found];
        path.push_str(step);
        value = Some(next.get_ref());
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
    }
    path
}
