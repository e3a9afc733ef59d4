//! Where the site is published and under what name: the build's two settings, read from the
//! environment (`LOOK_BACK_PUBLIC_URL`, `LOOK_BACK_SITE_NAME`).

/// The address `scripts/serve` serves at, and so the default.
pub const LOCAL_URL: &str = "http://127.0.0.1:8080/";

/// The site as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The article's public address, ending in `/`.
    pub url: String,
    /// Its origin, `scheme://host[:port]`, which the CSP names beside `'self'`.
    pub origin: String,
    /// The publishing site's name, for link previews and oEmbed's `provider_name`.
    pub name: String,
    /// Whether no address was given, so that the build used [`LOCAL_URL`].
    pub is_default: bool,
}

impl Site {
    /// The site of these settings; without a name, the address's host names it.
    ///
    /// ```
    /// use look_back_prerender::Site;
    /// let site = Site::new(Some("https://News.example:443/look-back"), None).unwrap();
    /// assert_eq!(site.url, "https://News.example:443/look-back/");
    /// assert_eq!(site.origin, "https://news.example");
    /// assert_eq!(site.name, "news.example");
    /// assert!(Site::new(Some("javascript:alert(1)"), None).is_err());
    /// ```
    pub fn new(url: Option<&str>, name: Option<&str>) -> Result<Site, String> {
        let given = url.map(str::trim).filter(|u| !u.is_empty());
        let url = given.unwrap_or(LOCAL_URL);
        let url = if url.ends_with('/') { url.to_owned() } else { format!("{url}/") };
        let (origin, host) = origin(&url).ok_or_else(|| {
            format!("LOOK_BACK_PUBLIC_URL: {url:?} is not an http or https address such as https://news.example/look-back/")
        })?;
        let name = name.map(str::trim).filter(|n| !n.is_empty()).map_or(host, str::to_owned);
        Ok(Site { url, origin, name, is_default: given.is_none() })
    }

    /// The site that `LOOK_BACK_PUBLIC_URL` and `LOOK_BACK_SITE_NAME` describe.
    pub fn from_env() -> Result<Site, String> {
        let var = |key| std::env::var(key).ok();
        Site::new(var("LOOK_BACK_PUBLIC_URL").as_deref(), var("LOOK_BACK_SITE_NAME").as_deref())
    }
}

/// The origin of an http(s) address as browsers serialize it (lower case, no default port),
/// and its host name; None for anything else, or for one with credentials or odd characters.
fn origin(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => ":80",
        "https" => ":443",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let legal = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
    if authority.is_empty() || !authority.chars().all(legal) {
        return None;
    }
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    let host = authority.rsplit_once(':').filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit())).map_or(authority, |(h, _)| h);
    (!host.is_empty()).then(|| (format!("{scheme}://{authority}"), host.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_local_server() {
        let site = Site::new(None, None).unwrap();
        assert_eq!((site.url.as_str(), site.origin.as_str(), site.is_default), (LOCAL_URL, "http://127.0.0.1:8080", true));
        assert!(!Site::new(Some(LOCAL_URL), None).unwrap().is_default, "given, even if the same");
    }

    #[test]
    fn origins_drop_paths_default_ports_and_case() {
        for (url, want) in [
            ("HTTPS://News.Example/a/b?c#d", "https://news.example"),
            ("http://news.example:80/", "http://news.example"),
            ("http://news.example:8081", "http://news.example:8081"),
            ("http://[::1]:4000/x/", "http://[::1]:4000"),
        ] {
            assert_eq!(Site::new(Some(url), None).unwrap().origin, want, "{url}");
        }
    }

    #[test]
    fn other_schemes_and_odd_hosts_are_refused() {
        for url in ["ftp://news.example/", "news.example", "https:///x", "https://user@news.example/", "https://a b/", "https://'self'/"] {
            let error = Site::new(Some(url), None).unwrap_err();
            assert!(error.starts_with("LOOK_BACK_PUBLIC_URL: "), "{url}: {error}");
        }
    }

    #[test]
    fn a_name_is_given_or_the_host() {
        assert_eq!(Site::new(Some("https://news.example:8443/"), None).unwrap().name, "news.example");
        assert_eq!(Site::new(None, Some("  Anime Daily ")).unwrap().name, "Anime Daily");
    }
}
