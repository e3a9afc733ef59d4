//! The reader's preferences in local storage. Storage may be missing or may throw (a sandboxed
//! iframe, blocked cookies, a full quota); then the choice simply lasts for this page view.

const ALWAYS_SHOW_SPOILERS: &str = "look-back.spoilers";

/// Whether the reader asked to always see spoilers on this site.
pub fn always_show_spoilers() -> bool {
    storage::get(ALWAYS_SHOW_SPOILERS).as_deref() == Some("always")
}

/// Remembers, or forgets, "always show spoilers"; says whether storage took it.
pub fn remember_always_show_spoilers(always: bool) -> bool {
    if always {
        storage::set(ALWAYS_SHOW_SPOILERS, "always")
    } else {
        storage::remove(ALWAYS_SHOW_SPOILERS)
    }
}

#[cfg(target_arch = "wasm32")]
mod storage {
    // Each web-sys call returns the browser's exception as an Err instead of throwing, so a
    // blocked storage costs neither a panic nor a console error.
    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) -> bool {
        local().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    pub fn remove(key: &str) -> bool {
        local().is_some_and(|s| s.remove_item(key).is_ok())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod storage {
    // The pre-renderer has no reader and so no preferences.
    pub fn get(_: &str) -> Option<String> {
        None
    }

    pub fn set(_: &str, _: &str) -> bool {
        false
    }

    pub fn remove(_: &str) -> bool {
        false
    }
}
