//! Which spoiler blocks a reader has opened, and whether they want them always shown.

use crate::options::SpoilerChoice;
use std::collections::BTreeSet;

/// The reader's spoiler state: plain data that a signal holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpoilerState {
    open: BTreeSet<String>,
    /// "Always show spoilers on this site", kept in storage when it can be.
    pub always: bool,
}

impl SpoilerState {
    /// The state a page starts in once it is live: a link's choice wins over the reader's
    /// remembered one, which wins over the default of everything hidden.
    ///
    /// ```
    /// use look_back::options::SpoilerChoice;
    /// use look_back::spoilers::SpoilerState;
    /// let state = SpoilerState::starting(["a", "b"], None, true);
    /// assert!(state.is_open("a") && state.is_open("b") && state.always);
    /// let state = SpoilerState::starting(["a"], Some(SpoilerChoice::Hidden), true);
    /// assert!(!state.is_open("a"));
    /// ```
    pub fn starting<'a>(blocks: impl IntoIterator<Item = &'a str>, link: Option<SpoilerChoice>, always: bool) -> Self {
        let mut state = Self { open: BTreeSet::new(), always };
        if link.map_or(always, |c| c == SpoilerChoice::Shown) {
            state.show_all(blocks);
        }
        state
    }

    pub fn is_open(&self, block: &str) -> bool {
        self.open.contains(block)
    }

    /// Whether any block is open: "Hide all" would do something.
    pub fn any_open(&self) -> bool {
        !self.open.is_empty()
    }

    /// Whether every one of `blocks` is open: "Show all" would do nothing.
    pub fn all_open<'a>(&self, blocks: impl IntoIterator<Item = &'a str>) -> bool {
        blocks.into_iter().all(|b| self.open.contains(b))
    }

    pub fn toggle(&mut self, block: &str) {
        if !self.open.remove(block) {
            self.open.insert(block.to_owned());
        }
    }

    pub fn show_all<'a>(&mut self, blocks: impl IntoIterator<Item = &'a str>) {
        self.open.extend(blocks.into_iter().map(str::to_owned));
    }

    /// Hides every block for now; a remembered "always" stays for the next visit.
    pub fn hide_all(&mut self) {
        self.open.clear();
    }

    /// Turning "always" on shows everything at once, as it will on every later visit.
    pub fn set_always<'a>(&mut self, always: bool, blocks: impl IntoIterator<Item = &'a str>) {
        self.always = always;
        if always {
            self.show_all(blocks);
        }
    }
}

/// The synopsis's words in the browser. They are not in the page: they arrive from a file of
/// their own once the page is live, and a block opened before then says it is on its way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SpoilerText {
    #[default]
    Pending,
    /// Each block's text by its id.
    Ready(std::collections::BTreeMap<String, String>),
    /// The file could not be had; the blocks say so instead of showing nothing.
    Failed,
}

impl SpoilerText {
    /// The texts of a synopsis that carries them.
    pub fn ready(synopsis: &crate::content::Synopsis) -> Self {
        Self::Ready(synopsis.blocks.iter().map(|b| (b.id.clone(), b.text.clone())).collect())
    }

    /// What a block shows once open.
    pub fn of(&self, block: &str) -> BlockText<'_> {
        match self {
            Self::Pending => BlockText::Coming,
            Self::Ready(texts) => texts.get(block).map_or(BlockText::Unavailable, |t| BlockText::Text(t)),
            Self::Failed => BlockText::Unavailable,
        }
    }
}

/// What an open spoiler block shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockText<'a> {
    Text(&'a str),
    /// On its way from the server.
    Coming,
    /// The server did not send it.
    Unavailable,
}
