//! The timeline's legend: an entry for everything the chart draws, each swatch in the very
//! colour the canvas uses (the palette read from the theme).

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_viewmodel::chart::Paint;
use loopscope_viewmodel::{Outcome, SegmentState};

use super::paint::Palette;

/// How an entry's swatch is drawn.
#[derive(Clone, Copy)]
enum Swatch {
    Bar,
    Diamond,
    Arrow,
    Tick,
}

/// The entries after the states: marks, arrows, the ready queue, lines and bands.
const MARKS: [(Swatch, Paint, &str); 13] = [
    (
        Swatch::Diamond,
        Paint::Outcome(Outcome::Resolved),
        "future resolved",
    ),
    (
        Swatch::Diamond,
        Paint::Outcome(Outcome::Failed),
        "future failed",
    ),
    (
        Swatch::Diamond,
        Paint::Outcome(Outcome::Cancelled),
        "future cancelled",
    ),
    (
        Swatch::Arrow,
        Paint::Wake,
        "wake-up (what made a task ready)",
    ),
    (
        Swatch::Arrow,
        Paint::WakeCurrent,
        "wake-up of the current event",
    ),
    (Swatch::Arrow, Paint::ReadyLink, "ready → running"),
    (Swatch::Bar, Paint::Depth, "ready-queue length"),
    (Swatch::Tick, Paint::ClockTick, "clock advance"),
    (Swatch::Tick, Paint::Playhead, "current event"),
    (Swatch::Tick, Paint::Cursor, "keyboard cursor"),
    (Swatch::Bar, Paint::LaneBackground, "task not created yet"),
    (Swatch::Bar, Paint::Selection, "selected lane"),
    (
        Swatch::Diamond,
        Paint::Pitfall,
        "pitfall (hover for what went wrong)",
    ),
];

/// Every entry: the swatch, its paint and its words.
fn entries() -> Vec<(Swatch, Paint, &'static str)> {
    let mut entries: Vec<(Swatch, Paint, &'static str)> = SegmentState::ALL
        .into_iter()
        .map(|state| (Swatch::Bar, Paint::State(state), state.word()))
        .collect();
    entries.extend(MARKS);
    entries
}

fn swatch(kind: Swatch, colour: Signal<String>) -> impl IntoView {
    let shape = match kind {
        Swatch::Bar => view! { <rect x="0" y="1" width="14" height="8" rx="1" style:fill=colour></rect> }.into_any(),
        Swatch::Diamond => view! { <polygon points="7,0 12,5 7,10 2,5" style:fill=colour></polygon> }.into_any(),
        Swatch::Arrow => view! {
            <g>
                <line x1="0" y1="5" x2="9" y2="5" stroke-width="1.5" style:stroke=colour></line>
                <polygon points="14,5 8,2 8,8" style:fill=colour></polygon>
            </g>
        }
        .into_any(),
        Swatch::Tick => view! { <line x1="7" y1="0" x2="7" y2="10" stroke-width="2" style:stroke=colour></line> }.into_any(),
    };
    view! {
        <svg class="swatch" width="14" height="10" aria-hidden="true">
            {shape}
        </svg>
    }
}

/// The legend row.
#[component]
pub fn Legend(palette: RwSignal<Arc<Palette>>) -> impl IntoView {
    view! {
        <ul class="timeline-legend" aria-label="Timeline legend">
            {entries()
                .into_iter()
                .map(|(kind, paint, words)| {
                    let colour = Signal::derive(move || palette.with(|p| p.colour(paint).to_string()));
                    view! {
                        <li>
                            {swatch(kind, colour)}
                            {words}
                        </li>
                    }
                })
                .collect::<Vec<_>>()}
        </ul>
    }
}
