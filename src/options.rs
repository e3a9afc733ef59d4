//! What a link or an embedding page may ask of the page through its query string. Anything
//! unknown, malformed, repeated with different values or overlong falls back to the default.

/// A link's say over the synopsis, as in `?spoilers=shown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpoilerChoice {
    Shown,
    Hidden,
}

impl SpoilerChoice {
    fn parse(value: &str) -> Option<Self> {
        match value {
            "shown" => Some(Self::Shown),
            "hidden" => Some(Self::Hidden),
            _ => None,
        }
    }
}

/// The page's options; `None` means the reader's own choice or the default applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageOptions {
    pub spoilers: Option<SpoilerChoice>,
}

/// Values longer than this are not options but noise.
const MAX_VALUE: usize = 64;

impl PageOptions {
    /// Reads a query string, with or without its leading `?`.
    ///
    /// ```
    /// use look_back::options::{PageOptions, SpoilerChoice};
    /// assert_eq!(PageOptions::from_query("?spoilers=shown").spoilers, Some(SpoilerChoice::Shown));
    /// assert_eq!(PageOptions::from_query("?spoilers=%3Cb%3E").spoilers, None);
    /// ```
    pub fn from_query(query: &str) -> Self {
        Self { spoilers: single(query, "spoilers").and_then(|v| SpoilerChoice::parse(&v)) }
    }
}

/// The one value of `key`; none if it is absent, or given twice with different values.
fn single(query: &str, key: &str) -> Option<String> {
    let mut found: Option<String> = None;
    for pair in query.strip_prefix('?').unwrap_or(query).split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if decode(k).as_deref() != Some(key) {
            continue;
        }
        let v = decode(v)?;
        if v.len() > MAX_VALUE || found.as_ref().is_some_and(|f| *f != v) {
            return None;
        }
        found = Some(v);
    }
    found
}

/// Percent-decodes a query component (`+` is a space); none if it is not valid UTF-8 or
/// holds a broken escape.
pub fn decode(component: &str) -> Option<String> {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
