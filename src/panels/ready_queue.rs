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
    let row = move |position: usize, count: usize| {
        let handle = session
            .view
            .with(|view| view.ready.get(position).copied())?;
        let handle =
            session.at_playhead(|timeline, playhead| timeline.ready_row(playhead, handle))?;
        let title = handle.label.clone();
        Some(view! {
            <li
                class="item"
                class:head=position == 0
                class:cancelled=handle.cancelled
                aria-posinset=position + 1
                aria-setsize=count
                title=title
            >
                <span class="tag">{if position == 0 { "next" } else { "" }}</span>
                <span class="label">{handle.label}</span>
            </li>
        })
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
