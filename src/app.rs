//! The root component. For now a calm placeholder page; the visualizer replaces it.

use leptos::prelude::*;

/// The whole page: title, tagline and a note that the visualizer is on its way.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="placeholder">
            <h1>"Loopscope"</h1>
            <p class="tagline">"Watch Python's asyncio event loop run, one step at a time."</p>
            <p class="note">"The visualizer is coming."</p>
        </main>
    }
}
