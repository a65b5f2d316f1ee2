//! The keyboard-shortcuts dialog (opened with `?` or the Help button).

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::dialog::show_while_open;

const SHORTCUTS: &[(&str, &str)] = &[
    ("Space", "play or pause"),
    ("→ / ←", "step one event forward / back"),
    ("Shift + → / ←", "next / previous clock advance"),
    ("Home / End", "first / last event"),
    ("?", "show or hide this help"),
    ("Tab / Shift + Tab (in the editor)", "indent / dedent"),
    ("Esc, then Tab (in the editor)", "leave the editor"),
];

/// A modal dialog listing the shortcuts; `open` shows and hides it.
#[component]
pub fn HelpDialog(open: RwSignal<bool>) -> impl IntoView {
    let dialog: NodeRef<Dialog> = NodeRef::new();
    show_while_open(dialog, open);
    view! {
        <dialog node_ref=dialog aria-labelledby="help-title" on:close=move |_| open.set(false)>
            <h2 id="help-title">"Keyboard shortcuts"</h2>
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
            <p>
                "Seeking never re-runs the program: the whole run is recorded once, and every view is rebuilt from that record."
            </p>
            <div class="dialog-actions">
                <button type="button" on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
