//! Talking to the page that frames an embed: its content height, whenever that changes.
//!
//! The message is `{type: "look-back:height", id, height}`, posted to the parent window with
//! target origin `*`: it carries nothing private, and a sandboxed embed cannot know its host's
//! origin. `assets/embed.js` is the host's side.

/// Reports the document's height to the parent now and on every change of size, which covers
/// load, spoiler reveals, viewport resizes and late fonts alike.
pub fn report_height(id: String) {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos_use::use_resize_observer;
        let post = move || {
            let Some(window) = web_sys::window() else { return };
            let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
            let height = root.get_bounding_client_rect().height().ceil();
            let message = js_sys::Object::new();
            for (key, value) in [("type", "look-back:height".into()), ("id", id.as_str().into()), ("height", height.into())] {
                let _ = js_sys::Reflect::set(&message, &key.into(), &value);
            }
            if let Ok(Some(parent)) = window.parent() {
                if parent != window {
                    let _ = parent.post_message(&message, "*");
                }
            }
        };
        let root = leptos::prelude::document().document_element();
        let _ = use_resize_observer::<_, Option<web_sys::Element>, _>(root, move |_, _| post());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}
