//! The ready queue: handles waiting for their turn, head (next to run) first. Only the rows
//! in view are drawn (a big run can have thousands ready at once).

use leptos::prelude::*;

use crate::panels::{ListPanel, ITEM_PITCH};
use crate::scroll_view::{row_list, RowWindow};
use crate::session::Session;

/// The ready queue panel.
#[component]
pub fn ReadyQueuePanel() -> impl IntoView {
    let session = Session::get();
    let count = Signal::derive(move || session.view.with(|view| view.ready.len()));
    let window = RowWindow::new(count, ITEM_PITCH);
    // A row stays while it is in view; what it shows follows the playhead.
    let row = move |position: usize| {
        let handle = Memo::new(move |_| {
            let handle = session
                .view
                .with(|view| view.ready.get(position).copied())?;
            session.at_playhead(|timeline, playhead| timeline.ready_row(playhead, handle))
        });
        let label = move || handle.with(|handle| handle.as_ref().map(|h| h.label.clone()));
        view! {
            <li
                class="item"
                class:head=position == 0
                class:cancelled=move || handle.with(|h| h.as_ref().is_some_and(|h| h.cancelled))
                aria-posinset=position + 1
                aria-setsize=move || count.get()
                title=label
            >
                <span class="tag">{if position == 0 { "next" } else { "" }}</span>
                <span class="label">{label}</span>
            </li>
        }
    };
    view! {
        <ListPanel
            id="ready-title"
            title="Ready queue"
            count=Signal::derive(move || format!("{} waiting", count.get()))
            is_empty=Signal::derive(move || count.get() == 0)
            empty="Empty: nothing is ready to run."
        >
            {row_list(window, "rows", "item-list ready-queue", "Ready handles, next first", row)}
        </ListPanel>
    }
}
