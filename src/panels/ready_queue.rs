//! The ready queue: handles waiting for their turn, head (next to run) first.

use leptos::prelude::*;

use crate::panels::ListPanel;
use crate::session::Session;

/// The ready queue panel.
#[component]
pub fn ReadyQueuePanel() -> impl IntoView {
    let session = Session::get();
    let ready = Memo::new(move |_| session.view.with(|view| view.ready.clone()));
    view! {
        <ListPanel
            id="ready-title"
            title="Ready queue"
            count=Signal::derive(move || format!("{} waiting", ready.with(Vec::len)))
            is_empty=Signal::derive(move || ready.with(Vec::is_empty))
            empty="Empty: nothing is ready to run."
        >
            <ol class="item-list ready-queue">
                {move || {
                    ready
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(position, handle)| {
                            view! {
                                <li class="item" class:head=position == 0 class:cancelled=handle.cancelled>
                                    <span class="tag">{if position == 0 { "next" } else { "" }}</span>
                                    <span>{handle.label}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ol>
        </ListPanel>
    }
}
