//! Pitfalls the run fell into (a blocking call, a coroutine never awaited, an exception
//! never retrieved, a dropped task, a queue that only grows, a deadlock), each a sentence
//! and a button that seeks to where it happened; and the note the narration shows at
//! that event.

use leptos::prelude::*;

use crate::panels::ListPanel;
use crate::session::Session;

/// The run's pitfalls, in event order.
#[component]
pub fn PitfallsPanel() -> impl IntoView {
    let session = Session::get();
    let pitfalls = Memo::new(move |_| {
        session
            .run
            .with(|run| run.as_ref().map(|run| run.timeline.pitfalls().to_vec()))
            .unwrap_or_default()
    });
    view! {
        <ListPanel
            id="pitfalls-title"
            title="Pitfalls"
            count=Signal::derive(move || pitfalls.with(|p| if p.is_empty() { String::new() } else { p.len().to_string() }))
            is_empty=Signal::derive(move || pitfalls.with(Vec::is_empty))
            empty="None found in this run."
        >
            <ul class="pitfalls">
                {move || {
                    pitfalls
                        .get()
                        .into_iter()
                        .map(|pitfall| {
                            let event = pitfall.event;
                            view! {
                                <li class="pitfall" class:current=move || session.event.get() == event>
                                    <button type="button" on:click=move |_| session.seek(event)>
                                        <span class="pitfall-kind">{pitfall.kind.title()}</span>
                                        {format!(" · event {}", event + 1)}
                                    </button>
                                    <p>{pitfall.sentence}</p>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ul>
        </ListPanel>
    }
}

/// The pitfalls of the shown event, for the narration.
#[component]
pub fn PitfallNote() -> impl IntoView {
    let session = Session::get();
    let sentences = Memo::new(move |_| {
        let event = session.event.get();
        session
            .run
            .with(|run| {
                run.as_ref().map(|run| {
                    run.timeline
                        .pitfalls_at(event)
                        .iter()
                        .map(|p| p.sentence.clone())
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    move || {
        sentences
            .get()
            .into_iter()
            .map(|sentence| view! { <p class="pitfall-note"><strong>"Pitfall: "</strong>{sentence}</p> })
            .collect::<Vec<_>>()
    }
}
