//! The timer heap: scheduled callbacks, earliest deadline first, with the time left.

use leptos::prelude::*;

use crate::number_text::format_seconds;
use crate::panels::ListPanel;
use crate::session::Session;

/// The timer heap panel.
#[component]
pub fn TimersPanel() -> impl IntoView {
    let session = Session::get();
    let timers = Memo::new(move |_| session.view.with(|view| view.timers.clone()));
    view! {
        <ListPanel
            id="timers-title"
            title="Timer heap"
            count=Signal::derive(move || format!("{} scheduled", timers.with(Vec::len)))
            is_empty=Signal::derive(move || timers.with(Vec::is_empty))
            empty="Empty: no callbacks scheduled for later."
        >
            <ol class="item-list timer-heap">
                {move || {
                    timers
                        .get()
                        .into_iter()
                        .map(|timer| {
                            view! {
                                <li
                                    class="item"
                                    class:cancelled=timer.cancelled
                                    title=format!("due at t = {}", format_seconds(timer.when))
                                >
                                    <span class="when">{format!("in {}", format_seconds(timer.in_seconds))}</span>
                                    <span>{timer.label}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ol>
        </ListPanel>
    }
}
