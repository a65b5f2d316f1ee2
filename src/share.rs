//! The Share and Embed buttons: "Copy link" writes the view into the URL fragment (see
//! [`crate::share_link`]) and copies the URL; a program too large for a link is offered as a
//! `.py` download. "Embed" opens [`EmbedDialog`]. Where the browser will not copy (no
//! Clipboard API on a plain-http page served from another machine), the text is shown
//! selected, with how to copy it by hand.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::composer::Composer;
use crate::embed_dialog::EmbedDialog;
use crate::session::Session;
use crate::share_link::{encode, ShareError, SharedView};

/// The current view as a share payload.
pub fn current_view(session: &Session, composer: &Composer) -> SharedView {
    SharedView {
        code: session.source.get_untracked(),
        seed: session.seed.get_untracked(),
        event: session.event.get_untracked(),
        internals: session.internals.get_untracked(),
        event_axis: session.event_axis.get_untracked(),
        composition: composer.composition.get_untracked(),
    }
}

/// This page's URL without query or fragment.
pub fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Copies `text` with the Clipboard API; false where there is none (a page served over
/// plain http from another machine is not a secure context) or it refused.
async fn copy_to_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|clipboard| !clipboard.is_undefined() && !clipboard.is_null());
    if !has_clipboard {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// What a copy button says happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Copied {
    /// It is on the clipboard.
    Done,
    /// The browser would not copy: the text is shown, selected, to copy by hand.
    ByHand(String),
}

/// Copies `text` and reports how it went in `outcome`.
pub fn copy(text: String, outcome: RwSignal<Option<Copied>>) {
    leptos::task::spawn_local(async move {
        let copied = copy_to_clipboard(&text).await;
        outcome.set(Some(if copied {
            Copied::Done
        } else {
            Copied::ByHand(text)
        }));
    });
}

/// Where copying by hand is needed: the text in a selected field and how to copy it.
#[component]
pub fn CopyByHand(outcome: RwSignal<Option<Copied>>, label: &'static str) -> impl IntoView {
    let field: NodeRef<leptos::html::Input> = NodeRef::new();
    // Once the field shows the text (the next frame), focus it with the text selected.
    Effect::new(move |_| {
        if matches!(outcome.get(), Some(Copied::ByHand(_))) {
            if let Some(field) = field.get() {
                request_animation_frame(move || {
                    let _ = field.focus();
                    field.select();
                });
            }
        }
    });
    move || {
        match outcome.get() {
        Some(Copied::ByHand(text)) => view! {
            <div class="copy-by-hand" role="group" aria-label=label>
                <label>
                    <span>{label}</span>
                    <input type="text" readonly node_ref=field prop:value=text on:focus=move |event| {
                        if let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    }/>
                </label>
                <p class="hint">"This browser did not let the page copy it: press Ctrl+C (⌘C on a Mac) to copy the selected text."</p>
                <button type="button" on:click=move |_| outcome.set(None)>"Done"</button>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
    }
}

/// "Copy link", "Download .py" and "Embed".
#[component]
pub fn ShareMenu() -> impl IntoView {
    let session = Session::get();
    let composer = Composer::get();
    let status = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<Copied>);
    let embed_open = RwSignal::new(false);
    // What the copy did, in words (the link is in the address bar either way).
    Effect::new(move |_| match copied.get() {
        Some(Copied::Done) => status.set(Some(
            "Copied ✓ The link opens this program at this event.".into(),
        )),
        Some(Copied::ByHand(_)) => status.set(Some("Copy the link by hand: see below.".into())),
        None => {}
    });
    let copy_link = move |_| match encode(&current_view(&session, &composer)) {
        Ok(fragment) => {
            let url = format!(
                "{}{}#{fragment}",
                page_base(),
                window().location().search().unwrap_or_default()
            );
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            copied.set(None);
            copy(url, copied);
        }
        Err(error @ ShareError::TooLarge { .. }) => {
            copied.set(None);
            status.set(Some(error.to_string()));
            crate::download::offer_text(
                &session.source.get_untracked(),
                "text/x-python",
                &session.filename.get_untracked(),
            );
        }
        Err(error) => status.set(Some(error.to_string())),
    };
    view! {
        <span class="copy-anchor">
            <button type="button" on:click=copy_link title="Put this program and event in the address bar and copy it">
                "Copy link"
            </button>
            <CopyByHand outcome=copied label="Link to this program and event"/>
        </span>
        <button
            type="button"
            title="Download the program as a .py file"
            on:click=move |_| crate::download::offer_text(&session.source.get_untracked(), "text/x-python", &session.filename.get_untracked())
        >
            "Download .py"
        </button>
        <button type="button" on:click=move |_| embed_open.set(true) title="Embed this view in another page">
            "Embed"
        </button>
        <span class="run-status share-status" role="status" aria-live="polite" title=move || status.get()>
            {move || status.get()}
        </span>
        <EmbedDialog open=embed_open/>
    }
}
