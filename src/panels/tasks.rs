//! Tasks: every task so far with its coroutine, state, and result or exception.

use leptos::prelude::*;
use loopscope_viewmodel::TaskState;

use crate::panels::ListPanel;
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

/// The tasks panel.
#[component]
pub fn TasksPanel() -> impl IntoView {
    let session = Session::get();
    let tasks = Memo::new(move |_| session.view.with(|view| view.tasks.clone()));
    view! {
        <ListPanel
            id="tasks-title"
            title="Tasks"
            count=Signal::derive(move || tasks.with(Vec::len).to_string())
            is_empty=Signal::derive(move || tasks.with(Vec::is_empty))
            empty="No tasks yet."
        >
            <table class="tasks-table">
                <thead>
                    <tr>
                        <th scope="col">"Task"</th>
                        <th scope="col">"Coroutine"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Detail"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        tasks
                            .get()
                            .into_iter()
                            .map(|task| {
                                let (class, word) = state_badge(&task.state);
                                let id = task.id;
                                let selected = move || session.selected_task.get() == Some(id);
                                view! {
                                    <tr class:selected=selected>
                                        <td>
                                            <button
                                                type="button"
                                                class="task-pick"
                                                aria-pressed=move || selected().to_string()
                                                title="Show this task's coroutine stack"
                                                on:click=move |_| {
                                                    session.selected_task.update(|picked| {
                                                        *picked = if *picked == Some(id) { None } else { Some(id) };
                                                    })
                                                }
                                            >
                                                {task.name}
                                            </button>
                                        </td>
                                        <td class="mono">{task.coro}</td>
                                        <td>
                                            <span class=class>{word}</span>
                                        </td>
                                        <td>{state_detail(&task.state, task.line)}</td>
                                    </tr>
                                }
                            })
                            .collect::<Vec<_>>()
                    }}
                </tbody>
            </table>
        </ListPanel>
    }
}
