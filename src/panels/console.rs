//! The console: what the program printed up to the current event, each line stamped with
//! the virtual time it was completed. Clicking a line seeks to the event that printed it.

use leptos::prelude::*;
use loopscope_viewmodel::{ConsoleLine, Stream};

use crate::number_text::decimal;
use crate::session::Session;

/// Formats virtual seconds for stamps and axes (`0.5s`, `12s`).
pub fn format_seconds(seconds: f64) -> String {
    format!("{}s", decimal(seconds))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_rounded_to_milliseconds() {
        assert_eq!(format_seconds(0.1 + 0.2), "0.3s");
        assert_eq!(format_seconds(3.0), "3s");
    }
}
