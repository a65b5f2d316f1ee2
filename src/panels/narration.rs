//! Narration: one sentence about the current event, read out by screen readers
//! (`aria-live`), in the voice of concepts or of the loop's internals.

use leptos::prelude::*;

use crate::panels::pitfalls::PitfallNote;
use crate::session::Session;

/// The narration sentence and its voice toggle.
#[component]
pub fn NarrationPanel() -> impl IntoView {
    let session = Session::get();
    view! {
        <section class="panel" aria-labelledby="narration-title">
            <h2 id="narration-title">
                "What just happened"
                <button
                    type="button"
                    class="narration-toggle"
                    aria-pressed=move || session.internals.get().to_string()
                    title="Explain in terms of CPython's loop, and show asyncio's own tasks and objects"
                    on:click=move |_| session.internals.update(|internals| *internals = !*internals)
                >
                    {move || if session.internals.get() { "Internals ✓" } else { "Internals" }}
                </button>
            </h2>
            <div class="panel-body">
                <p class="narration" aria-live="polite">
                    {move || session.narration()}
                </p>
                <PitfallNote/>
            </div>
        </section>
    }
}
