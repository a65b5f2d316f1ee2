//! The editor the page shows before the app has loaded: index.html's `#early-editor`, a
//! plain textarea that `src/boot.js` fills with the autosaved draft or the default example
//! (a share link's program read-only) while the wasm arrives. What the user types there is
//! the draft: [`typed_program`] gives it to the app, which opens it like any draft, and
//! [`hand_over`] then moves the focus and the selection into the app's own editor and
//! removes the textarea, so typing carries on where it was.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

const ID: &str = "early-editor";

fn early_editor() -> Option<HtmlTextAreaElement> {
    leptos::prelude::document()
        .get_element_by_id(ID)?
        .dyn_into()
        .ok()
}

/// The program typed into the early editor, if the user changed it (boot.js marks it).
pub fn typed_program() -> Option<String> {
    let editor = early_editor()?;
    editor.has_attribute("data-edited").then(|| editor.value())
}

/// Hands the caret over to the app's editor (just mounted) and removes the early one.
pub fn hand_over() {
    let Some(early) = early_editor() else { return };
    let document = leptos::prelude::document();
    let had_focus = document
        .active_element()
        .is_some_and(|active| active == **early);
    let app_editor = document
        .query_selector(".code-input")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlTextAreaElement>().ok());
    if let (true, Some(editor)) = (had_focus, app_editor) {
        let _ = editor.focus();
        if editor.value() == early.value() {
            let start = early.selection_start().ok().flatten().unwrap_or(0);
            let end = early.selection_end().ok().flatten().unwrap_or(start);
            let _ = editor.set_selection_range(start, end);
        }
    }
    early.remove();
}
