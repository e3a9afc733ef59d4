//! Which spoiler blocks a reader has opened, and whether they want them always shown.

use crate::options::SpoilerChoice;

/// The reader's spoiler state: plain data that a signal holds.
#[derive(Debug, Clone, Default, Eq)]
pub struct SpoilerState {
    /// The open blocks' ids, each once. A synopsis has a handful of blocks; a list costs the
    /// wasm less than an ordered set.
    open: Vec<String>,
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
        let mut state = Self { open: Vec::new(), always };
        if link.map_or(always, |c| c == SpoilerChoice::Shown) {
            state.show_all(blocks);
        }
        state
    }

    pub fn is_open(&self, block: &str) -> bool {
        self.open.iter().any(|b| b == block)
    }

    /// Whether any block is open: "Hide all" would do something.
    pub fn any_open(&self) -> bool {
        !self.open.is_empty()
    }

    /// Whether every one of `blocks` is open: "Show all" would do nothing.
    pub fn all_open<'a>(&self, blocks: impl IntoIterator<Item = &'a str>) -> bool {
        blocks.into_iter().all(|b| self.is_open(b))
    }

    pub fn toggle(&mut self, block: &str) {
        match self.open.iter().position(|b| b == block) {
            Some(at) => _ = self.open.swap_remove(at),
            None => self.open.push(block.to_owned()),
        }
    }

    pub fn show_all<'a>(&mut self, blocks: impl IntoIterator<Item = &'a str>) {
        for block in blocks {
            if !self.is_open(block) {
                self.open.push(block.to_owned());
            }
        }
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

/// The same blocks open, in whatever order they were opened.
impl PartialEq for SpoilerState {
    fn eq(&self, other: &Self) -> bool {
        self.always == other.always && self.open.len() == other.open.len() && self.open.iter().all(|b| other.is_open(b))
    }
}

/// The synopsis's words in the browser. They are not in the page: they arrive from a file of
/// their own as the synopsis nears the screen, and a block opened before then says they are on
/// their way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SpoilerText {
    #[default]
    Pending,
    /// Each block's id and text, in the synopsis's order.
    Ready(Vec<(String, String)>),
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
            Self::Ready(texts) => texts.iter().find(|(id, _)| id == block).map_or(BlockText::Unavailable, |(_, t)| BlockText::Text(t)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_open_once_however_it_was_opened() {
        let mut state = SpoilerState::default();
        state.toggle("b");
        state.show_all(["a", "b", "c"]);
        assert!(state.all_open(["a", "b", "c"]));
        state.toggle("b");
        assert!(!state.is_open("b") && state.is_open("a") && state.is_open("c"));
        // Closing a block closes it, even though "Show all" opened it a second time.
        state.show_all(["b"]);
        state.toggle("b");
        assert!(!state.is_open("b"));
    }

    #[test]
    fn states_are_equal_whatever_order_their_blocks_were_opened_in() {
        let mut one = SpoilerState::default();
        one.show_all(["a", "b"]);
        let mut other = SpoilerState::default();
        other.toggle("b");
        other.toggle("a");
        assert_eq!(one, other);
        other.toggle("a");
        assert_ne!(one, other);
    }

    #[test]
    fn each_block_shows_its_own_text() {
        let text = SpoilerText::Ready(vec![("a".into(), "one".into()), ("b".into(), "two".into())]);
        assert_eq!(text.of("b"), BlockText::Text("two"));
        assert_eq!(text.of("z"), BlockText::Unavailable);
        assert_eq!(SpoilerText::Pending.of("a"), BlockText::Coming);
    }
}
