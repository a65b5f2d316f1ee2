//! The console: what the program printed up to the current event, each line stamped with
//! the virtual time it was completed. Clicking a line seeks to the event that printed it;
//! whenever the shown event changes what was printed, the newest line scrolls into view.
//!
//! A console of up to [`ALL_LINES`] lines draws every line, wrapped, so the browser's find
//! and a selection cover the whole output. A longer one (a program may print a hundred
//! thousand lines) draws only the lines in view and a few either side, as rows of one height
//! ([`LINE_PITCH`]; long lines do not wrap, the console scrolls sideways), with the space of
//! the others kept above and below them ([`RowWindow`]); each row says its place in the
//! whole output (`aria-posinset`/`aria-setsize`), and the whole text is the Export menu's
//! "Console (text)".

use leptos::prelude::*;
use loopscope_viewmodel::Stream;

use crate::number_text::format_seconds;
use crate::scroll_view::RowWindow;
use crate::session::Session;

/// Lines the console draws all of; past this it draws the lines in view.
pub const ALL_LINES: usize = 500;

/// Pixels from one line's top to the next's when only the lines in view are drawn
/// (`.console.windowed .console-line`'s height in the stylesheet).
pub const LINE_PITCH: usize = 18;

/// The console panel.
#[component]
pub fn ConsolePanel() -> impl IntoView {
    let session = Session::get();
    // Lines printed up to the shown event.
    let count = Memo::new(move |_| {
        let shown = session.view.with(|view| view.console_len);
        session.run.with(|run| {
            run.as_ref()
                .map_or(0, |run| shown.min(run.timeline.console().len()))
        })
    });
    let window = RowWindow::new(count.into(), LINE_PITCH);
    // As a terminal does, the newest line printed by the shown event comes into view
    // whenever the playhead changes what was printed (stepping, playing, seeking).
    Effect::new(move |_| {
        count.track();
        window.view.scroll_to_end();
    });
    let windowed = Memo::new(move |_| count.get() > ALL_LINES);
    let drawn = move || {
        if windowed.get() {
            window.range()
        } else {
            0..count.get()
        }
    };
    // A run's line never changes: one drawn stays while it is in view.
    let line_view = move |index: usize| {
        let line = session.run.with_untracked(|run| {
            run.as_ref()
                .and_then(|run| run.timeline.console().get(index).cloned())
        })?;
        let event = line.event;
        Some(view! {
            <li aria-posinset=index + 1 aria-setsize=move || count.get()>
                <button
                    type="button"
                    class="console-line"
                    class:stderr=line.stream == Stream::Stderr
                    class:latest=move || session.event.get() == event
                    title=format!("Printed at event {}: click to go there", event + 1)
                    on:click=move |_| {
                        session.playing.set(false);
                        session.seek(event);
                    }
                >
                    <span class="stamp">{format_seconds(line.time)}</span>
                    <span class="text">{line.text}</span>
                </button>
            </li>
        })
    };
    let space = move |before: bool| {
        move || match (windowed.get(), before) {
            (false, _) => "0px".to_string(),
            (true, true) => window.space_before(),
            (true, false) => window.space_after(),
        }
    };
    view! {
        <section class="panel console-panel grow" aria-labelledby="console-title">
            <h2 id="console-title">
                "Console" <span class="count">{move || format!("{} lines", count.get())}</span>
            </h2>
            <div
                class="console"
                class:windowed=move || windowed.get()
                node_ref=window.view.element
                on:scroll=window.view.on_scroll()
                tabindex="0"
            >
                <div class="console-space" aria-hidden="true" style:height=space(true)></div>
                <ol class="console-lines" aria-label="Program output">
                    // Drawn again for a new run (its lines differ at the same places).
                    {move || {
                        session.run.track();
                        view! { <For each=drawn key=|index| *index children=line_view/> }
                    }}
                </ol>
                <div class="console-space" aria-hidden="true" style:height=space(false)></div>
            </div>
        </section>
    }
}
