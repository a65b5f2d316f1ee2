//! Export: the run's trace as JSON (the CLI's `--trace` format), as a Chrome Trace Event
//! file for Perfetto, and the console as text (the program itself is "Download .py",
//! the timeline's SVG and PNG are on the timeline).

use leptos::prelude::*;
use loopscope_viewmodel::export::{console_text, perfetto, trace_json, Axis};

use crate::download::offer_text;
use crate::markup::target_closest;
use crate::session::Session;

/// The file for export `kind` (a button's `data-export`): text, MIME type, name suffix.
fn export(
    kind: &str,
    timeline: &loopscope_viewmodel::Timeline,
    event_axis: bool,
) -> Option<(String, &'static str, &'static str)> {
    Some(match kind {
        "trace" => (
            trace_json(timeline.trace()),
            "application/json",
            ".trace.json",
        ),
        "perfetto" => {
            let axis = if event_axis {
                Axis::Events
            } else {
                Axis::VirtualTime
            };
            (
                perfetto(timeline, axis, false),
                "application/json",
                ".perfetto.json",
            )
        }
        "console" => (console_text(timeline, true), "text/plain", ".console.txt"),
        _ => return None,
    })
}

/// The Export button and the list of files it offers.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let session = Session::get();
    let open = RwSignal::new(false);
    let chosen = move |event: leptos::ev::MouseEvent| {
        let Some(button) = target_closest(&event, "[data-export]") else {
            return;
        };
        let kind = button.get_attribute("data-export").unwrap_or_default();
        let filename = session.filename.get_untracked();
        let stem = filename.strip_suffix(".py").unwrap_or(&filename);
        let event_axis = session.event_axis.get_untracked();
        session.run.with_untracked(|run| {
            let file = run
                .as_ref()
                .and_then(|run| export(&kind, &run.timeline, event_axis));
            if let Some((text, mime, suffix)) = file {
                offer_text(&text, mime, &format!("{stem}{suffix}"));
            }
        });
        open.set(false);
    };
    view! {
        <div class="export-menu">
            <button
                type="button"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|open| *open = !*open)
            >
                "Export"
            </button>
            <div class="menu-items" role="group" aria-label="Export" hidden=move || !open.get() on:click=chosen>
                <button type="button" data-export="trace">"Trace (JSON)"</button>
                <button
                    type="button"
                    data-export="perfetto"
                    title="Open it in ui.perfetto.dev or chrome://tracing: a track per task, arrows for wake-ups"
                >
                    "Perfetto trace"
                </button>
                <button type="button" data-export="console">"Console (text)"</button>
            </div>
        </div>
    }
}
