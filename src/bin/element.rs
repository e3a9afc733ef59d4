//! The browser program of `<look-back-article>`: `widget.js` calls the exported
//! [`look_back::embed::mount_widget`] once per element.

pub use look_back::embed::mount_widget;

fn main() {
    look_back::start();
}
