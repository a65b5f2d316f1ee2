//! The timer heap: scheduled callbacks, earliest deadline first, with the time left. Only
//! the rows in view are drawn (a big run can have thousands of timers at once).

use leptos::prelude::*;

use crate::number_text::format_seconds;
use crate::panels::{ListPanel, ITEM_PITCH};
use crate::scroll_view::{row_list, RowWindow};
use crate::session::Session;

/// The timer heap panel.
#[component]
pub fn TimersPanel() -> impl IntoView {
    let session = Session::get();
    let count = Signal::derive(move || session.view.with(|view| view.timers.len()));
    let window = RowWindow::new(count, ITEM_PITCH);
    // A row stays while it is in view; what it shows follows the playhead.
    let row = move |position: usize| {
        let timer = Memo::new(move |_| {
            let timer = session
                .view
                .with(|view| view.timers.get(position).copied())?;
            session.at_playhead(|timeline, playhead| timeline.timer_row(playhead, timer))
        });
        let title = move || {
            timer.with(|timer| {
                let timer = timer.as_ref()?;
                Some(format!(
                    "{}, due at t = {}",
                    timer.label,
                    format_seconds(timer.when)
                ))
            })
        };
        let when = move || {
            timer.with(|timer| {
                timer
                    .as_ref()
                    .map(|timer| format!("in {}", format_seconds(timer.in_seconds)))
            })
        };
        let label = move || timer.with(|timer| timer.as_ref().map(|t| t.label.clone()));
        view! {
            <li
                class="item"
                class:cancelled=move || timer.with(|t| t.as_ref().is_some_and(|t| t.cancelled))
                aria-posinset=position + 1
                aria-setsize=move || count.get()
                title=title
            >
                <span class="when">{when}</span>
                <span class="label">{label}</span>
            </li>
        }
    };
    view! {
        <ListPanel
            id="timers-title"
            title="Timer heap"
            count=Signal::derive(move || format!("{} scheduled", count.get()))
            is_empty=Signal::derive(move || count.get() == 0)
            empty="Empty: no callbacks scheduled for later."
        >
            {row_list(window, "rows", "item-list timer-heap", "Timers, earliest first", row)}
        </ListPanel>
    }
}
