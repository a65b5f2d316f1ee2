//! The "Examples" and "My programs" buttons and their dialogs. Each example shows its title
//! and description; choosing one (click or Enter, never an arrow key) opens it through
//! [`Session::open`], which keeps the user's program. My programs lists what was kept, to
//! open again or delete.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dialog::Modal;
use crate::examples::PRESETS;
use crate::opening::{keep, Opening};
use crate::programs::{self, SavedProgram, MAX_PROGRAMS};
use crate::session::{Session, EDITED_FILENAME};
use crate::storage::LocalStore;

/// Up/Down move the focus between a list's buttons (Home/End to the ends).
fn move_focus_in_list(event: &leptos::ev::KeyboardEvent) {
    let step: i32 = match event.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Home" => i32::MIN,
        "End" => i32::MAX,
        _ => return,
    };
    let Some(list) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(buttons) = list.query_selector_all("button.pick") else {
        return;
    };
    let count = buttons.length() as i32;
    if count == 0 {
        return;
    }
    let focused = document().active_element();
    let current = (0..count).find(|index| {
        buttons
            .get(*index as u32)
            .is_some_and(|node| focused.as_ref().is_some_and(|element| node == **element))
    });
    let next = match (step, current) {
        (i32::MIN, _) => 0,
        (i32::MAX, _) => count - 1,
        (step, Some(index)) => (index + step).clamp(0, count - 1),
        (_, None) => 0,
    };
    if let Some(button) = buttons
        .get(next as u32)
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    {
        event.prevent_default();
        let _ = button.focus();
    }
}

/// The Examples button and dialog.
#[component]
pub fn ExamplesPicker() -> impl IntoView {
    let session = Session::get();
    let open = RwSignal::new(false);
    let choose = move |index: usize| {
        let preset = PRESETS[index];
        open.set(false);
        session.open(Opening {
            source: preset.source.to_string(),
            filename: preset.file.to_string(),
            seed: session.seed.get_untracked(),
            event: 0,
            what: format!("the example “{}”", preset.title()),
        });
    };
    view! {
        <button type="button" class="examples-button" aria-haspopup="dialog" on:click=move |_| open.set(true)>
            "Examples"
        </button>
        <Modal open=open id="examples-title" title="Examples" class="picker-dialog">
            <p class="dialog-note">"Each one shows one idea of asyncio. Opening one keeps your own program in My programs."</p>
            <ul class="picker" on:keydown=move |event| move_focus_in_list(&event)>
                {PRESETS
                    .iter()
                    .enumerate()
                    .map(|(index, preset)| {
                        let file = preset.file;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="pick"
                                    data-file=file
                                    aria-current=move || (session.filename.get() == file).then_some("true")
                                    on:click=move |_| choose(index)
                                >
                                    <strong>{preset.title()}</strong>
                                    <span class="pick-detail">{preset.description()}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </Modal>
    }
}

/// "12/3/2026, 10:04:05 AM" in the reader's locale.
fn local_time(ms: u64) -> String {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
        .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// The My programs button and dialog.
#[component]
pub fn MyPrograms() -> impl IntoView {
    let session = Session::get();
    let open = RwSignal::new(false);
    // The entry whose Delete was pressed once (a second press deletes it).
    let confirming = RwSignal::new(None::<u64>);
    let saved = Memo::new(move |_| {
        session.saved_programs.track();
        open.track();
        programs::list(&LocalStore)
    });
    let open_saved = move |program: SavedProgram| {
        let Some(source) = programs::source(&LocalStore, program.id) else {
            return;
        };
        open.set(false);
        session.open(Opening {
            source,
            filename: EDITED_FILENAME.to_string(),
            seed: session.seed.get_untracked(),
            event: 0,
            what: format!("“{}” from My programs", program.name),
        });
    };
    let keep_current = move |_| {
        keep(&session.source.get_untracked());
        session.saved_programs_changed();
    };
    let row = move |program: SavedProgram| {
        let id = program.id;
        let when = local_time(program.saved_at);
        let name = program.name.clone();
        view! {
            <li class="saved-program">
                <button type="button" class="pick" on:click=move |_| open_saved(program.clone())>
                    <strong>{name}</strong>
                    <span class="pick-detail">{format!("kept {when}")}</span>
                </button>
                <button
                    type="button"
                    class="delete"
                    on:click=move |_| {
                        if confirming.get_untracked() == Some(id) {
                            programs::delete(&mut LocalStore, id);
                            confirming.set(None);
                            session.saved_programs_changed();
                        } else {
                            confirming.set(Some(id));
                        }
                    }
                >
                    {move || if confirming.get() == Some(id) { "Delete for good?" } else { "Delete" }}
                </button>
            </li>
        }
    };
    view! {
        <button type="button" aria-haspopup="dialog" on:click=move |_| open.set(true)>
            {move || format!("My programs ({})", saved.with(Vec::len))}
        </button>
        <Modal
            open=open
            id="my-programs-title"
            title="My programs"
            class="picker-dialog"
            actions=move || {
                view! {
                    <button type="button" on:click=keep_current>
                        "Keep the current program"
                    </button>
                }
            }
        >
            <p class="dialog-note">
                {format!(
                    "Your programs are kept here, in this browser only, whenever an example, a link or another program replaces them (the {MAX_PROGRAMS} most recent)."
                )}
            </p>
            <Show
                when=move || saved.with(|list| !list.is_empty())
                fallback=|| view! { <p class="empty">"Nothing kept yet."</p> }
            >
                <ul class="picker" on:keydown=move |event| move_focus_in_list(&event)>
                    {move || saved.get().into_iter().map(row).collect::<Vec<_>>()}
                </ul>
            </Show>
        </Modal>
    }
}
