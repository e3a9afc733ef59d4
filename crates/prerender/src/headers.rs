//! `_headers`: the response headers a static host must send, in the format that Netlify and
//! Cloudflare Pages read from the site's root, so that `dist/` deploys as it is.

/// The page's Content-Security-Policy, given the CSP hash of its one inline stylesheet (as
/// from [`style_hash`]) and the site's origin. No 'unsafe-inline' and no 'unsafe-eval': every
/// script is a file of this site, the stylesheet inline in the page is allowed by its hash
/// alone, and only WebAssembly may compile code.
///
/// Each `'self'` has the origin beside it: WebKit matches `'self'` to nothing in a sandboxed
/// frame, whose origin is opaque, and would block every script of a pasted iframe snippet.
pub fn csp(style_hash: &str, origin: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' {origin} 'wasm-unsafe-eval'; style-src 'self' {origin} '{style_hash}'; \
         img-src 'self' {origin} data:; font-src 'self' {origin}; connect-src 'self' {origin}; manifest-src 'self' {origin}; \
         base-uri 'none'; form-action 'none'"
    )
}

/// The CSP source that allows an inline `<style>` with exactly this text: `sha256-<base64>`.
pub fn style_hash(css: &str) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes())))
}

/// The article page may be framed only by the site itself; the embed pages by anyone, as
/// publishers paste them (narrow it to `frame-ancestors https://publisher.example …`).
fn framing(embed: bool, origin: &str) -> String {
    if embed {
        "frame-ancestors *".into()
    } else {
        format!("frame-ancestors 'self' {origin}")
    }
}

/// A year for files named by their contents; five minutes for fixed names that snippets on
/// other sites point at; a check every time for pages.
const HASHED: &str = "public, max-age=31536000, immutable";
const FIXED: &str = "public, max-age=300";
const PAGE: &str = "no-cache";

/// The `_headers` file for a site of these files, given as paths from its root with `/`,
/// whose pages carry an inline stylesheet of this CSP hash, served from `origin`.
pub fn headers(files: &[String], style_hash: &str, origin: &str) -> String {
    let csp = csp(style_hash, origin);
    let mut out = String::from(
        "# Response headers for this site, for Netlify and Cloudflare Pages, written by the build.\n\
         /*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n",
    );
    for file in files {
        if let Some(folder) = file.strip_suffix("index.html") {
            let framing = framing(folder.starts_with("embed/"), origin);
            // The synopsis's own page stays out of search, whatever links to it.
            let unindexed = if folder == "synopsis/" { "  X-Robots-Tag: noindex\n" } else { "" };
            for path in [format!("/{folder}"), format!("/{file}")] {
                out.push_str(&format!("\n{path}\n  Content-Security-Policy: {csp}; {framing}\n  Cache-Control: {PAGE}\n{unindexed}"));
            }
            continue;
        }
        // Every other file is fetched in CORS mode (with its integrity) from embeds, whose
        // origin is a publisher's or, sandboxed, "null".
        let cache = if is_hashed(file) { HASHED } else { FIXED };
        out.push_str(&format!("\n/{file}\n  Access-Control-Allow-Origin: *\n  Cache-Control: {cache}\n"));
        if let Some(kind) = content_type(file) {
            out.push_str(&format!("  Content-Type: {kind}\n"));
        }
    }
    out
}

/// Whether a name carries Trunk's or the build's hash of the contents: hex digits after a
/// dash, sixteen from the build and up to sixteen from Trunk, which drops leading zeros.
fn is_hashed(file: &str) -> bool {
    let stem = file.rsplit('/').next().unwrap_or(file);
    let stem = stem.split('.').next().unwrap_or(stem).trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| (10..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The type a browser must be told: above all `application/wasm`, without which it will not
/// stream-compile the wasm.
fn content_type(file: &str) -> Option<&'static str> {
    Some(match file.rsplit_once('.')?.1 {
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_self_has_the_origin_beside_it() {
        let files = ["index.html".to_owned(), "embed/timeline/index.html".to_owned(), "widget.js".to_owned()];
        let text = headers(&files, "sha256-x", "https://news.example");
        let policies: Vec<&str> = text.lines().filter_map(|l| l.trim().strip_prefix("Content-Security-Policy: ")).collect();
        assert_eq!(policies.len(), 4, "{text}");
        for policy in policies {
            for directive in policy.split("; ").filter(|d| d.contains("'self'")) {
                assert!(directive.contains("'self' https://news.example"), "{directive}");
            }
            assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
        }
        assert!(text.contains("frame-ancestors 'self' https://news.example\n"), "{text}");
        assert!(text.contains("frame-ancestors *\n"), "{text}");
    }
}
