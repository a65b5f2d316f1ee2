//! Primitives: queues (items, waiting getters and putters), locks (owner, waiters), events
//! (set or not) and semaphores (counter), as they are at this event. A long queue or
//! waiting list shows its first items and how many more there are.

use leptos::prelude::*;
use loopscope_viewmodel::{PrimitiveState, PrimitiveView};

use crate::panels::ListPanel;
use crate::session::Session;

/// Most chips drawn for one queue's items or one primitive's waiters: a queue can hold
/// thousands; the rest are counted.
const MOST_CHIPS: usize = 24;

fn chips(items: Vec<String>) -> impl IntoView {
    let more = items.len().saturating_sub(MOST_CHIPS);
    view! {
        <span class="chips">
            {items
                .into_iter()
                .take(MOST_CHIPS)
                .map(|item| view! { <span class="chip">{item}</span> })
                .collect::<Vec<_>>()}
            {(more > 0).then(|| view! { <span class="chip more">{format!("… {more} more")}</span> })}
        </span>
    }
}

fn state_line(state: PrimitiveState) -> AnyView {
    match state {
        PrimitiveState::Queue { items } if items.is_empty() => "empty".into_any(),
        PrimitiveState::Queue { items } => {
            view! { <span>{format!("{} item(s): ", items.len())} {chips(items)}</span> }.into_any()
        }
        PrimitiveState::Lock {
            owner: Some((_, name)),
        } => format!("held by {name}").into_any(),
        PrimitiveState::Lock { owner: None } => "free".into_any(),
        PrimitiveState::Event { set } => (if set { "set" } else { "not set" }).into_any(),
        PrimitiveState::Semaphore { value: Some(value) } => format!("value {value}").into_any(),
        PrimitiveState::Semaphore { value: None } => "value not reported yet".into_any(),
        PrimitiveState::Other => "".into_any(),
    }
}

fn primitive_card(primitive: PrimitiveView) -> impl IntoView {
    let waiters: Vec<String> = primitive
        .waiters
        .into_iter()
        .map(|waiter| waiter.label)
        .collect();
    view! {
        <div class="primitive">
            <span class="kind">{primitive.label}</span>
            {state_line(primitive.state)}
            {(!waiters.is_empty())
                .then(|| {
                    view! {
                        <p class="detail">"waiting: " {chips(waiters)}</p>
                    }
                })}
        </div>
    }
}

/// The primitives panel.
#[component]
pub fn PrimitivesPanel() -> impl IntoView {
    let session = Session::get();
    let primitives = Memo::new(move |_| session.view.with(|view| view.primitives.clone()));
    view! {
        <ListPanel
            id="primitives-title"
            title="Queues, locks, events, semaphores"
            is_empty=Signal::derive(move || primitives.with(Vec::is_empty))
            empty="None created."
        >
            {move || primitives.get().into_iter().map(primitive_card).collect::<Vec<_>>()}
        </ListPanel>
    }
}
