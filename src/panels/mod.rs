//! The loop's panels, each showing one part of the state at the current event, and
//! [`ListPanel`], the frame the list-shaped ones share. asyncio's own tasks and objects
//! (`asyncio.run`'s clean-up tasks, a Queue's inner Event) are listed only with Internals on.

use leptos::prelude::*;

pub mod console;
pub mod graph;
mod graph_paint;
pub mod narration;
pub mod now_running;
pub mod pitfalls;
pub mod primitives;
pub mod ready_queue;
pub mod stack;
pub mod tasks;
pub mod timers;

/// Pixels from one row's top to the next's in the loop panels' lists (`.rows .item`'s
/// height and the list's gap in the stylesheet).
pub const ITEM_PITCH: usize = 30;

/// Pixels from one row's top to the next's in the tasks table (`.rows .tasks-table td`).
pub const TASK_ROW_PITCH: usize = 26;

/// A titled panel around a list that may be empty: the heading (with an optional count
/// such as "3 waiting"), then `children`, or the `empty` sentence when there is nothing.
#[component]
pub fn ListPanel(
    /// The heading's element id, which labels the section.
    id: &'static str,
    title: &'static str,
    #[prop(optional, into)] count: Option<Signal<String>>,
    #[prop(into)] is_empty: Signal<bool>,
    empty: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby=id>
            <h2 id=id>
                {title} {count.map(|count| view! { " " <span class="count">{count}</span> })}
            </h2>
            <div class="panel-body">
                <Show
                    when=move || !is_empty.get()
                    fallback=move || view! { <p class="empty">{empty}</p> }
                >
                    {children()}
                </Show>
            </div>
        </section>
    }
}
