//! The timeline's proportional scale with a broken axis: the long stretch drawn to scale on
//! the left, the last hours zoomed on the right so that their events can be told apart.

use crate::content::Event;

/// Width of the scale in its own units; the view scales it to fit.
pub const WIDTH: f64 = 1000.0;
/// Where the long stretch ends and the zoomed last hours begin, in scale units.
pub const LONG_END: f64 = 560.0;
pub const ZOOM_START: f64 = 620.0;
/// How many hours the zoomed part shows.
pub const ZOOM_HOURS: i64 = 36;

/// The axis: where the zoom starts, in hours from day 0, and the first event's hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub first: i64,
    pub zoom_from: i64,
    pub zoom_to: i64,
}

impl Axis {
    /// The axis for some events, oldest first; none for no events. One pass, so drawing
    /// costs time linear in the number of events.
    pub fn new(events: &[Event]) -> Option<Self> {
        let first = events.iter().map(Event::hours).min()?;
        let last = events.iter().map(Event::hours).max()?;
        // The zoom ends on the half day that closes the last event.
        let zoom_to = (last + 11).div_euclid(12) * 12;
        Some(Self { first, zoom_from: zoom_to - ZOOM_HOURS, zoom_to })
    }

    /// Whether the scale needs its break: is there anything before the zoomed hours?
    pub fn broken(&self) -> bool {
        self.first < self.zoom_from
    }

    /// Where an hour falls on the scale, from 0 to [`WIDTH`].
    pub fn position(&self, hours: i64) -> f64 {
        if hours >= self.zoom_from || !self.broken() {
            let from = if self.broken() { ZOOM_START } else { 0.0 };
            let span = (self.zoom_to - self.zoom_from) as f64;
            from + (hours.max(self.zoom_from) - self.zoom_from) as f64 / span * (WIDTH - from)
        } else {
            let span = (self.zoom_from - self.first) as f64;
            (hours - self.first) as f64 / span * LONG_END
        }
    }
}

/// How many rows dots may stack in before they are allowed to overlap.
pub const MAX_LANES: usize = 4;

/// A row for each position, in order, so that dots closer than `gap` stack instead of
/// covering each other. Positions must be sorted; the cost is linear in their number.
pub fn lanes(positions: &[f64], gap: f64) -> Vec<usize> {
    let mut last = [f64::NEG_INFINITY; MAX_LANES];
    positions
        .iter()
        .map(|&x| {
            let lane = (0..MAX_LANES)
                .find(|&l| x - last[l] >= gap)
                .unwrap_or_else(|| (0..MAX_LANES).min_by(|&a, &b| last[a].total_cmp(&last[b])).unwrap_or(0));
            last[lane] = x;
            lane
        })
        .collect()
}
