//! Tasks: every task so far with its coroutine, state, and result or exception.

use leptos::prelude::*;
use loopscope_viewmodel::TaskState;

use crate::panels::{ListPanel, TASK_ROW_PITCH};
use crate::scroll_view::RowWindow;
use crate::session::Session;

/// CSS class and short word for a task state.
pub fn state_badge(state: &TaskState) -> (&'static str, &'static str) {
    match state {
        TaskState::Ready => ("state state-ready", "ready"),
        TaskState::Running => ("state state-running", "running"),
        TaskState::Waiting { .. } => ("state state-waiting", "waiting"),
        TaskState::Done { .. } => ("state state-done", "done"),
        TaskState::Failed { .. } => ("state state-failed", "failed"),
        TaskState::Cancelled => ("state state-cancelled", "cancelled"),
    }
}

fn state_detail(state: &TaskState, line: u32) -> String {
    match state {
        TaskState::Waiting { on } if line > 0 => format!("{on} (line {line})"),
        TaskState::Waiting { on } => on.clone(),
        TaskState::Done { result } => format!("→ {result}"),
        TaskState::Failed { error } => format!("raised {error}"),
        TaskState::Ready | TaskState::Running | TaskState::Cancelled => String::new(),
    }
}

/// The tasks panel: a table whose rows in view alone are drawn (a big run has thousands of
/// tasks), each with its place in the whole table (`aria-rowindex`, the heading row is 1).
#[component]
pub fn TasksPanel() -> impl IntoView {
    let session = Session::get();
    let count = Signal::derive(move || session.view.with(|view| view.tasks.len()));
    let window = RowWindow::new(count, TASK_ROW_PITCH);
    // A row stays while it is in view; the task it shows follows the playhead.
    let row = move |index: usize| {
        let task = Memo::new(move |_| {
            let id = session.view.with(|view| view.tasks.get(index).copied())?;
            session.at_playhead(|timeline, playhead| timeline.task_row(playhead, id))?
        });
        let id = move || task.with(|task| task.as_ref().map(|task| task.id));
        let selected = move || id().is_some_and(|id| session.selected_task.get() == Some(id));
        let badge = move || task.with(|task| task.as_ref().map(|task| state_badge(&task.state)));
        let detail = move || {
            task.with(|task| {
                task.as_ref()
                    .map_or_else(String::new, |task| state_detail(&task.state, task.line))
            })
        };
        let coro = move || task.with(|task| task.as_ref().map(|task| task.coro.clone()));
        view! {
            <tr class:selected=selected aria-rowindex=index + 2>
                <td>
                    <button
                        type="button"
                        class="task-pick"
                        aria-pressed=move || selected().to_string()
                        title="Show this task's coroutine stack"
                        on:click=move |_| {
                            let Some(id) = task.with_untracked(|task| task.as_ref().map(|t| t.id)) else {
                                return;
                            };
                            session.selected_task.update(|picked| {
                                *picked = if *picked == Some(id) { None } else { Some(id) };
                            })
                        }
                    >
                        {move || task.with(|task| task.as_ref().map(|task| task.name.clone()))}
                    </button>
                </td>
                <td class="mono" title=coro>{coro}</td>
                <td>
                    <span class=move || badge().map(|(class, _)| class)>{move || badge().map(|(_, word)| word)}</span>
                </td>
                <td title=detail>{detail}</td>
            </tr>
        }
    };
    // The rows above and below the drawn ones, as one empty row each.
    let spacer = move |before: bool| {
        let height = move || match before {
            true => window.space_before(),
            false => window.space_after(),
        };
        view! {
            <tr class="spacer" aria-hidden="true">
                <td colspan="4" style:height=height></td>
            </tr>
        }
    };
    view! {
        <ListPanel
            id="tasks-title"
            title="Tasks"
            count=Signal::derive(move || count.get().to_string())
            is_empty=Signal::derive(move || count.get() == 0)
            empty="No tasks yet."
        >
            <div class="rows" node_ref=window.view.element on:scroll=window.view.on_scroll() tabindex="0">
                <table class="tasks-table" aria-rowcount=move || count.get() + 1>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col">"Task"</th>
                            <th scope="col">"Coroutine"</th>
                            <th scope="col">"State"</th>
                            <th scope="col">"Detail"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || (window.range().start > 0).then(|| spacer(true))}
                        <For each=move || window.range() key=|index| *index children=row/>
                        {move || (window.range().end < count.get()).then(|| spacer(false))}
                    </tbody>
                </table>
            </div>
        </ListPanel>
    }
}
