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

/// What an embed shows: the whole article or one part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Article,
    Timeline,
    Quotes,
    Synopsis,
}

impl Section {
    pub const ALL: [Section; 4] = [Self::Article, Self::Timeline, Self::Quotes, Self::Synopsis];

    /// Its name in URLs, as in `/embed/timeline/`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Timeline => "timeline",
            Self::Quotes => "quotes",
            Self::Synopsis => "synopsis",
        }
    }

    /// The section a URL or an attribute names; none for anything else.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The section of a path like `/embed/timeline/`; none for the full page or anything else.
    ///
    /// ```
    /// use look_back::options::Section;
    /// assert_eq!(Section::from_path("/embed/quotes/"), Some(Section::Quotes));
    /// assert_eq!(Section::from_path("/"), None);
    /// ```
    pub fn from_path(path: &str) -> Option<Self> {
        let rest = path.trim_end_matches("index.html").trim_end_matches('/');
        let (dir, name) = rest.rsplit_once('/')?;
        dir.ends_with("/embed").then(|| Self::parse(name)).flatten()
    }

    /// Where its pre-rendered page lives, from the site's root.
    pub fn path(self) -> String {
        format!("embed/{}/", self.name())
    }
}

/// Light or dark, as a host page asks with `?theme=` or `theme=""`; none follows the reader's
/// system. `assets/theme.js` and `assets/widget.js` apply it before the wasm runs; the build
/// writes [`Theme::ALL`] into them, so that each knows the same names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Self::Light, Self::Dark];

    /// Its name in URLs and attributes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The theme a URL or an attribute names; none for anything else, such as "auto".
    ///
    /// ```
    /// use look_back::options::Theme;
    /// assert_eq!(Theme::parse("dark"), Some(Theme::Dark));
    /// assert_eq!(Theme::parse("auto"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The page's options; `None` means the reader's own choice or the default applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageOptions {
    pub spoilers: Option<SpoilerChoice>,
    /// Set on the pre-rendered embed pages, from their path.
    pub section: Option<Section>,
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
        Self { spoilers: single(query, "spoilers").and_then(|v| SpoilerChoice::parse(&v)), section: None }
    }

    /// The options of a URL's path and query string.
    pub fn from_location(path: &str, query: &str) -> Self {
        Self { section: Section::from_path(path), ..Self::from_query(query) }
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
