//! Modal dialogs driven by a signal: the help and embed dialogs open and close through it.

use leptos::html::Dialog;
use leptos::prelude::*;

/// Shows `dialog` as a modal while `open` is true and closes it when it turns false.
pub fn show_while_open(dialog: NodeRef<Dialog>, open: RwSignal<bool>) {
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
