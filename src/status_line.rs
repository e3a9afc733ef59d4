//! A status line (`role="status"`) for what a control just did.

use leptos::prelude::*;

/// How long a success stays on screen: long enough to read, and a screen reader has said it
/// at once. A stale "Copied." would otherwise still stand beside the next copy.
#[cfg(target_arch = "wasm32")]
const BRIEFLY_MS: u32 = 4_000;

#[cfg(target_arch = "wasm32")]
type Timer = gloo_timers::callback::Timeout;
#[cfg(not(target_arch = "wasm32"))]
type Timer = ();

/// What a control's status line says. Copy it freely: it is a handle, as signals are.
#[derive(Clone, Copy)]
pub struct StatusLine {
    text: RwSignal<String>,
    clear: StoredValue<Option<Timer>, LocalStorage>,
}

impl Default for StatusLine {
    fn default() -> Self {
        Self::new()
    }
}

impl StatusLine {
    pub fn new() -> Self {
        Self { text: RwSignal::new(String::new()), clear: StoredValue::new_local(None) }
    }

    /// Says `text` until something else is said; for what the reader still has to act on.
    pub fn say(self, text: &str) {
        // Dropping a pending timer cancels it, so it cannot clear this newer text.
        self.clear.set_value(None);
        self.text.set(text.to_owned());
    }

    /// Says `text`, then clears it after a few seconds; for a success that needs nothing more.
    pub fn say_briefly(self, text: &str) {
        self.say(text);
        #[cfg(target_arch = "wasm32")]
        {
            let line = self.text;
            self.clear.set_value(Some(Timer::new(BRIEFLY_MS, move || line.set(String::new()))));
        }
    }

    pub fn get(self) -> String {
        self.text.get()
    }
}
