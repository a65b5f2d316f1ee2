//! The guided tour: a few short cards on a first visit, each pointing at a part of the page.
//! It never blocks the page (a card, not a modal), can be skipped at any step, and is not
//! shown again once seen (Help can start it again). Not shown in embeds.

use leptos::prelude::*;

use crate::storage;

/// (selector of the part it points at, title, text).
const STEPS: &[(&str, &str, &str)] = &[
    (
        ".editor-panel",
        "Your program",
        "Write or paste a Python asyncio program here. It runs by itself a moment after you stop typing, in the background, so the page never freezes.",
    ),
    (
        ".controls",
        "It has already run",
        "The whole run is recorded. Press ▶ Play (or Space) to watch it, → to step one event, or drag the slider.",
    ),
    (
        ".loop-column",
        "Inside the event loop",
        "At each event: what runs now and the await chain behind it, the ready queue, the timers, every task and the queues and locks.",
    ),
    (
        ".timeline",
        "The whole run at a glance",
        "One lane per task over virtual time. Click anywhere to go there.",
    ),
    (
        ".examples-button",
        "Start from an example",
        "Each example shows one idea of asyncio. Your own program is kept in My programs whenever you open one. Help (?) explains every panel and colour.",
    ),
];

/// Marks the part a step points at (and unmarks the others).
fn point_at(step: Option<usize>) {
    if let Ok(marked) = document().query_selector_all(".tour-target") {
        for index in 0..marked.length() {
            if let Some(element) = marked
                .get(index)
                .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
            {
                let _ = element.class_list().remove_1("tour-target");
            }
        }
    }
    let Some((selector, _, _)) = step.and_then(|step| STEPS.get(step)) else {
        return;
    };
    if let Some(element) = document().query_selector(selector).ok().flatten() {
        let _ = element.class_list().add_1("tour-target");
    }
}

/// The tour card; `start` (set true) starts it. It starts by itself on a first visit.
#[component]
pub fn Tour(start: RwSignal<bool>) -> impl IntoView {
    let step = RwSignal::new(None::<usize>);
    if !storage::toured() {
        start.set(true);
    }
    Effect::new(move |_| {
        if start.get() {
            start.set(false);
            storage::save_toured();
            step.set(Some(0));
        }
    });
    // After the page has rendered what the step points at.
    Effect::new(move |_| {
        let current = step.get();
        request_animation_frame(move || point_at(current));
    });
    let finish = move || step.set(None);
    move || {
        let index = step.get()?;
        let (_, title, text) = STEPS[index];
        let last = index + 1 == STEPS.len();
        Some(view! {
            <aside class="tour" role="dialog" aria-labelledby="tour-title" aria-describedby="tour-text">
                <p class="tour-count">{format!("Tour · {} of {}", index + 1, STEPS.len())}</p>
                <h2 id="tour-title">{title}</h2>
                <p id="tour-text">{text}</p>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| finish()>
                        "Skip the tour"
                    </button>
                    {(index > 0)
                        .then(|| {
                            view! {
                                <button type="button" on:click=move |_| step.set(Some(index - 1))>
                                    "Back"
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        class="primary"
                        on:click=move |_| step.set(if last { None } else { Some(index + 1) })
                    >
                        {if last { "Done" } else { "Next" }}
                    </button>
                </div>
            </aside>
        })
    }
}
