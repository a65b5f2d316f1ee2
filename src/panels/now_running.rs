//! "Now running": the virtual clock and the handle the loop is running at this event.

use leptos::prelude::*;

use crate::number_text::format_seconds;
use crate::session::Session;

/// The clock and the running handle.
#[component]
pub fn NowRunningPanel() -> impl IntoView {
    let session = Session::get();
    view! {
        <section class="panel" aria-labelledby="now-title">
            <h2 id="now-title">"Now running"</h2>
            <div class="panel-body now-running">
                <span class="clock" title="Virtual time">
                    {move || format!("t = {}", format_seconds(session.view.with(|view| view.now)))}
                </span>
                <span class="what">
                    {move || {
                        session
                            .view
                            .with(|view| match &view.running {
                                Some(running) => running.label.clone(),
                                None if view.line > 0 => format!("top-level code, line {}", view.line),
                                None => "the loop itself (between callbacks)".to_string(),
                            })
                    }}
                </span>
            </div>
        </section>
    }
}
