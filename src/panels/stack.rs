//! The coroutine stack: the await chain of the running task, or of the task selected in the
//! Tasks panel, innermost frame first, each at its line. The editor marks the same lines. The
//! chain is where the running task resumed; when the shown event is further on (a print
//! below, or in a function the coroutine called), the innermost frame also says where it is now.

use leptos::prelude::*;
use loopscope_viewmodel::FrameView;

use crate::panels::ListPanel;
use crate::session::Session;

/// Whose chain the panel shows, and the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownChain {
    pub task: String,
    /// Running now (as opposed to selected while it waits or has finished).
    pub running: bool,
    /// Outermost first, as the trace gives it.
    pub frames: Vec<FrameView>,
}

/// The chain to show at the current event: the selected task's, else the running task's.
pub fn shown_chain(session: &Session) -> Option<ShownChain> {
    let selected = session.selected_task.get();
    let running = session.view.with(|view| {
        let running = view.running.as_ref()?;
        running.task.map(|task| (task, running.stack.clone()))
    });
    // A task of the Tasks panel's list (asyncio's own only with Internals on), as it is now.
    let listed = |task: u32| {
        if !session.view.with(|view| view.tasks.contains(&task)) {
            return None;
        }
        session.at_playhead(|timeline, playhead| timeline.task_row(playhead, task))?
    };
    let name_of = |task: u32| listed(task).map_or_else(|| format!("task {task}"), |t| t.name);
    match (selected, running) {
        (Some(task), Some((running_task, frames))) if task == running_task => Some(ShownChain {
            task: name_of(task),
            running: true,
            frames,
        }),
        (Some(task), _) => listed(task).map(|t| ShownChain {
            task: t.name,
            running: false,
            frames: t.stack,
        }),
        (None, Some((task, frames))) => Some(ShownChain {
            task: name_of(task),
            running: true,
            frames,
        }),
        (None, None) => None,
    }
}

/// The coroutine stack panel.
#[component]
pub fn StackPanel() -> impl IntoView {
    let session = Session::get();
    let chain = Memo::new(move |_| shown_chain(&session));
    let heading = Signal::derive(move || {
        chain.with(|chain| match chain {
            Some(chain) if chain.running => format!("{} · running", chain.task),
            Some(chain) => format!("{} · selected", chain.task),
            None => String::new(),
        })
    });
    let empty = Signal::derive(move || {
        chain.with(|chain| chain.as_ref().is_none_or(|c| c.frames.is_empty()))
    });
    view! {
        <ListPanel
            id="stack-title"
            title="Coroutine stack"
            count=heading
            is_empty=empty
            empty="No task is running now. Select a task in the Tasks panel to see where it waits."
        >
            <ol class="item-list stack-list" aria-label="Await chain, innermost first">
                {move || {
                    let Some(chain) = chain.get() else { return Vec::new() };
                    let count = chain.frames.len();
                    // The line the running task executes now, when this event is past the line
                    // where its step began (a print further down, or in a function it called).
                    let now_line = session.view.with(|view| view.line);
                    chain
                        .frames
                        .iter()
                        .enumerate()
                        .rev()
                        .map(|(depth, frame)| {
                            let innermost = depth + 1 == count;
                            let role = if innermost {
                                match (chain.running, frame.line) {
                                    (true, line) if now_line == 0 || now_line == line => "runs here".to_string(),
                                    (true, _) => format!("ran from here, now at line {now_line}"),
                                    (false, _) => "stopped here".to_string(),
                                }
                            } else {
                                format!("awaits {}", chain.frames[depth + 1].function)
                            };
                            view! {
                                <li class="item frame" class:head=innermost>
                                    <span class="mono">{frame.function.clone()}</span>
                                    <span class="when">{format!("line {}", frame.line)}</span>
                                    <span class="frame-role">{role}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ol>
        </ListPanel>
    }
}
