//! Primitives: queues (items, waiting getters and putters), locks (owner, waiters), events
//! (set or not) and semaphores (counter), as they are at this event.

use leptos::prelude::*;
use loopscope_viewmodel::{PrimitiveState, PrimitiveView};

use crate::panels::ListPanel;
use crate::session::Session;

fn chips(items: Vec<String>) -> impl IntoView {
    view! {
        <span class="chips">
            {items.into_iter().map(|item| view! { <span class="chip">{item}</span> }).collect::<Vec<_>>()}
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
