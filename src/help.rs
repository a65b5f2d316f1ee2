//! Help (opened with `?` or the Help button): what each panel shows, what the colours mean,
//! what a clock advance is, what the Internals switch changes, and the keyboard shortcuts.
//! It can also start the guided tour again.

use leptos::prelude::*;

use crate::dialog::Modal;

const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "play or pause"),
    ("→ / ←", "step one event forward / back"),
    ("Shift + → / ←", "next / previous clock advance"),
    ("P / Shift + P", "next / previous print"),
    (
        "T",
        "next event of the selected task (or of the running one)",
    ),
    ("Home / End", "first / last event"),
    ("?", "show or hide this help"),
    ("Tab / Shift + Tab (in the editor)", "indent / dedent"),
    ("Esc, then Tab (in the editor)", "leave the editor"),
];

const PANELS: &[(&str, &str)] = &[
    ("Program", "your Python program. The line that ran at the shown event is marked; when a task is shown in the coroutine stack, its await lines are marked too."),
    ("Now running", "the virtual clock, and what the loop is running at this event: a step of a task, a callback, or the loop's own bookkeeping."),
    ("Coroutine stack", "the chain of awaits of the running task (or the task you select in Tasks): the innermost coroutine first, each with its line."),
    ("What just happened", "one sentence about the shown event."),
    ("Ready queue", "what the loop will run next, in order: the head runs first. Only the loop takes from it, one item at a time."),
    ("Timer heap", "callbacks scheduled for later (asyncio.sleep, call_later, timeouts), earliest first, with the time left."),
    ("Tasks", "every task so far and its state; click a task's name to see its coroutine stack."),
    ("Queues, locks, events, semaphores", "the synchronisation objects the program made, what they hold and who waits on them."),
    ("Console", "what the program printed so far, stamped with the virtual time; click a line to go to the event that printed it."),
    ("Timeline", "one lane per task (and one for the loop) over the run; click to go to that moment."),
];

const COLOURS: &[(&str, &str, &str)] = &[
    (
        "state-running",
        "running",
        "its code is executing now (only one task at a time)",
    ),
    (
        "state-ready",
        "ready",
        "in the ready queue, waiting for its turn",
    ),
    (
        "state-waiting",
        "waiting",
        "suspended at an await until something happens (a timer, a future, another task)",
    ),
    ("state-done", "done", "returned"),
    ("state-failed", "failed", "raised an exception"),
    ("state-cancelled", "cancelled", "ended by cancellation"),
];

/// The Help dialog; `open` shows and hides it, `tour` (set true) starts the guided tour.
#[component]
pub fn HelpDialog(open: RwSignal<bool>, tour: RwSignal<bool>) -> impl IntoView {
    view! {
        <Modal
            open=open
            id="help-title"
            title="Help"
            class="help-dialog"
            actions=move || {
                view! {
                    <button
                        type="button"
                        on:click=move |_| {
                            open.set(false);
                            tour.set(true);
                        }
                    >
                        "Take the tour"
                    </button>
                }
            }
        >
            <p>
                "Loopscope runs your program once, on a simulated copy of Python 3.11's asyncio event loop, and records every step. Then you travel through that recording: nothing is run again when you step, play or jump."
            </p>
            <h3>"The panels"</h3>
            <dl class="help-list">
                {PANELS
                    .iter()
                    .map(|(name, what)| view! { <dt>{*name}</dt> <dd>{*what}</dd> })
                    .collect::<Vec<_>>()}
            </dl>
            <h3>"The colours of a task"</h3>
            <ul class="help-colours">
                {COLOURS
                    .iter()
                    .map(|(class, word, what)| {
                        view! {
                            <li>
                                <span class=format!("state {class}")>{*word}</span>
                                " "
                                {*what}
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
            </ul>
            <h3>"Clock advances"</h3>
            <p>
                "Time in Loopscope is virtual: asyncio.sleep(60) takes no real time. The clock moves only when nothing is ready to run: the loop then jumps straight to the earliest timer. That jump is a clock advance (Shift + → goes to the next one). A blocking time.sleep also moves the clock, but holds the whole loop while it does."
            </p>
            <h3>"Internals"</h3>
            <p>
                "The Internals switch (in \u{201c}What just happened\u{201d}) explains each event the way CPython's loop does it (handles, Task.__step, the _ready deque and the _scheduled heap) and shows asyncio's own helper tasks and objects, which are hidden otherwise."
            </p>
            <h3>"Keyboard shortcuts"</h3>
            <table>
                <tbody>
                    {SHORTCUTS
                        .iter()
                        .map(|(keys, what)| {
                            view! {
                                <tr>
                                    <td>
                                        <kbd>{*keys}</kbd>
                                    </td>
                                    <td>{*what}</td>
                                </tr>
                            }
                        })
                        .collect::<Vec<_>>()}
                </tbody>
            </table>
        </Modal>
    }
}
