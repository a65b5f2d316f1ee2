//! The ready queue: handles waiting for their turn, head (next to run) first.

use leptos::prelude::*;

use crate::session::Session;

/// The ready queue panel.
#[component]
pub fn ReadyQueuePanel() -> impl IntoView {
    let session = Session::get();
    let ready = Memo::new(move |_| session.view.with(|view| view.ready.clone()));
    view! {
        <section class="panel" aria-labelledby="ready-title">
            <h2 id="ready-title">
                "Ready queue" <span class="count">{move || format!("{} waiting", ready.with(Vec::len))}</span>
            </h2>
            <div class="panel-body">
                <Show
                    when=move || ready.with(|ready| !ready.is_empty())
                    fallback=|| view! { <p class="empty">"Empty: nothing is ready to run."</p> }
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
                </Show>
            </div>
        </section>
    }
}
