//! Copying and sharing through the browser, each with a plain answer when it cannot: an
//! iframe without clipboard permission, an insecure origin or a browser without Web Share.

/// How a copy or share went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The reader closed the share sheet; nothing to report.
    Cancelled,
    /// The browser would not; the reader needs the text to copy by hand.
    Unavailable,
}

/// The full article's address, without query or fragment, for links to a passage: `base`
/// resolved against this page (empty means this page itself).
pub fn article_url(base: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let url = if base.is_empty() { web_sys::Url::new(&here) } else { web_sys::Url::new_with_base(base, &here) };
        let Ok(url) = url else { return String::new() };
        url.set_search("");
        url.set_hash("");
        url.href()
    }
    #[cfg(not(target_arch = "wasm32"))]
    base.to_owned()
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    // `catch` turns a missing API or a synchronous throw into an Err instead of an uncaught
    // exception, so every failure reaches the fallback.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
        pub fn write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = navigator, js_name = share)]
        pub fn share(data: &JsValue) -> Result<js_sys::Promise, JsValue>;
    }
}

/// Whether the browser has a share sheet (Web Share) to offer.
pub fn available() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else { return false };
        js_sys::Reflect::get(&window.navigator(), &"share".into()).is_ok_and(|f| f.is_function())
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Puts `text` on the clipboard.
pub async fn copy(text: &str) -> Outcome {
    #[cfg(target_arch = "wasm32")]
    {
        let Ok(promise) = js::write_text(text) else { return Outcome::Unavailable };
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Outcome::Done,
            Err(_) => Outcome::Unavailable,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        Outcome::Unavailable
    }
}

/// Opens the system share sheet with a title, a text and a link.
pub async fn share(title: &str, text: &str, url: &str) -> Outcome {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let data = js_sys::Object::new();
        for (key, value) in [("title", title), ("text", text), ("url", url)] {
            let _ = js_sys::Reflect::set(&data, &key.into(), &value.into());
        }
        let Ok(promise) = js::share(&JsValue::from(data)) else { return Outcome::Unavailable };
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => Outcome::Done,
            Err(e) => {
                let name = js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
                if name.as_deref() == Some("AbortError") {
                    Outcome::Cancelled
                } else {
                    Outcome::Unavailable
                }
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (title, text, url);
        Outcome::Unavailable
    }
}
