//! The spoiler state model: what opens, what closes, and what a page starts with.

use look_back::options::SpoilerChoice;
use look_back::spoilers::SpoilerState;

const BLOCKS: [&str; 2] = ["beginning", "rivalry"];

#[test]
fn everything_starts_hidden_by_default() {
    let state = SpoilerState::starting(BLOCKS, None, false);
    assert!(BLOCKS.iter().all(|b| !state.is_open(b)));
    assert!(!state.always);
}

#[test]
fn each_block_opens_and_closes_on_its_own() {
    let mut state = SpoilerState::default();
    state.toggle("beginning");
    assert!(state.is_open("beginning") && !state.is_open("rivalry"));
    state.toggle("beginning");
    assert!(!state.is_open("beginning"));
}

#[test]
fn show_all_and_hide_all() {
    let mut state = SpoilerState::default();
    state.toggle("rivalry");
    state.show_all(BLOCKS);
    assert!(BLOCKS.iter().all(|b| state.is_open(b)));
    state.hide_all();
    assert!(BLOCKS.iter().all(|b| !state.is_open(b)));
}

#[test]
fn always_shows_everything_and_survives_hide_all() {
    let mut state = SpoilerState::default();
    state.set_always(true, BLOCKS);
    assert!(BLOCKS.iter().all(|b| state.is_open(b)));
    state.hide_all();
    assert!(state.always, "hiding for now does not forget the choice");
    state.set_always(false, BLOCKS);
    assert!(!state.always);
}

#[test]
fn a_remembered_choice_opens_everything_on_the_next_visit() {
    let state = SpoilerState::starting(BLOCKS, None, true);
    assert!(BLOCKS.iter().all(|b| state.is_open(b)));
}

#[test]
fn a_link_outranks_the_remembered_choice() {
    let state = SpoilerState::starting(BLOCKS, Some(SpoilerChoice::Hidden), true);
    assert!(BLOCKS.iter().all(|b| !state.is_open(b)));
    assert!(state.always, "the link does not change what is remembered");
    let state = SpoilerState::starting(BLOCKS, Some(SpoilerChoice::Shown), false);
    assert!(BLOCKS.iter().all(|b| state.is_open(b)));
    assert!(!state.always);
}
