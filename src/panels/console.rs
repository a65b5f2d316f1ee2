//! The console: what the program printed up to the current event, each line stamped with
//! the virtual time it was completed. Clicking a line seeks to the event that printed it.

use leptos::prelude::*;
use loopscope_viewmodel::{ConsoleLine, Stream};

use crate::number_text::format_seconds;
use crate::session::Session;

/// The console panel.
#[component]
pub fn ConsolePanel() -> impl IntoView {
    let session = Session::get();
    let lines = Memo::new(move |_| {
        let shown = session.view.with(|view| view.console_len);
        session.run.with(|run| {
            run.as_ref()
                .map(|run| {
                    run.timeline.console()[..shown.min(run.timeline.console().len())].to_vec()
                })
                .unwrap_or_default()
        })
    });
    let line_view = move |line: ConsoleLine| {
        let event = line.event;
        view! {
            <li>
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
        }
    };
    view! {
        <section class="panel console-panel grow" aria-labelledby="console-title">
            <h2 id="console-title">
                "Console" <span class="count">{move || format!("{} lines", lines.with(Vec::len))}</span>
            </h2>
            <ol class="console" aria-label="Program output">
                {move || lines.get().into_iter().map(line_view).collect::<Vec<_>>()}
            </ol>
        </section>
    }
}
