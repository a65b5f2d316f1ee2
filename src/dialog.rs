//! Modal dialogs driven by a signal: [`Modal`] is the frame every dialog of the page shares
//! (heading, content, a row of actions ending with Close); `open` shows and hides it.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Shows `dialog` as a modal while `open` is true and closes it when it turns false.
fn show_while_open(dialog: NodeRef<Dialog>, open: RwSignal<bool>) {
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
}

/// A modal dialog titled `title` (its heading's element id is `id`), with `children`, then
/// `actions` and a Close button. Escape closes it too.
#[component]
pub fn Modal(
    open: RwSignal<bool>,
    id: &'static str,
    title: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] actions: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    let dialog: NodeRef<Dialog> = NodeRef::new();
    show_while_open(dialog, open);
    view! {
        <dialog node_ref=dialog class=class aria-labelledby=id on:close=move |_| open.set(false)>
            <h2 id=id>{title}</h2>
            {children()}
            <div class="dialog-actions">
                {actions.map(|actions| actions.run())}
                <button type="button" on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
