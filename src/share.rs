//! The Share and Embed buttons: "Copy link" writes the view into the URL fragment (see
//! [`crate::share_link`]) and copies the URL; a program too large for a link is offered as a
//! `.py` download. "Embed" opens a dialog that writes an iframe snippet.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::dialog::show_while_open;
use crate::embed::{embed_query, iframe_snippet, Panel, DEFAULT_EMBED_PANELS};
use crate::session::Session;
use crate::share_link::{encode, ShareError, SharedView};

/// The current view as a share payload.
fn current_view(session: &Session) -> SharedView {
    SharedView {
        code: session.source.get_untracked(),
        seed: session.seed.get_untracked(),
        event: session.event.get_untracked(),
        internals: session.internals.get_untracked(),
        event_axis: session.event_axis.get_untracked(),
    }
}

/// This page's URL without query or fragment.
fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Copies `text` to the clipboard; a refusal (no permission, no focus) is ignored, since the
/// text is also on screen (the address bar, or the snippet box).
fn copy_to_clipboard(text: &str) {
    let promise = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// "Copy link", "Download .py" and "Embed".
#[component]
pub fn ShareMenu() -> impl IntoView {
    let session = Session::get();
    let status = RwSignal::new(None::<String>);
    let embed_open = RwSignal::new(false);
    let copy_link = move |_| match encode(&current_view(&session)) {
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
            copy_to_clipboard(&url);
            status.set(Some(
                "Link copied: it opens this program at this event.".into(),
            ));
        }
        Err(error @ ShareError::TooLarge { .. }) => {
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
        <button type="button" on:click=copy_link title="Put this program and event in the address bar and copy it">
            "Copy link"
        </button>
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

/// The Embed dialog: pick panels and options, copy the iframe snippet.
#[component]
fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = Session::get();
    let dialog: NodeRef<Dialog> = NodeRef::new();
    let panels = RwSignal::new(DEFAULT_EMBED_PANELS.to_vec());
    let autoplay = RwSignal::new(false);
    let dark = RwSignal::new(false);
    show_while_open(dialog, open);
    let snippet = move || {
        if !open.get() {
            return String::new();
        }
        let view = current_view(&session);
        let query = embed_query(
            &panels.get(),
            autoplay.get(),
            session.speed.get(),
            view.event,
            if dark.get() { "dark" } else { "light" },
        );
        match encode(&view) {
            Ok(fragment) => iframe_snippet(&format!("{}?{query}#{fragment}", page_base())),
            Err(error) => error.to_string(),
        }
    };
    view! {
        <dialog node_ref=dialog aria-labelledby="embed-title" on:close=move |_| open.set(false)>
            <h2 id="embed-title">"Embed this view"</h2>
            <p>"Paste this into a page to show the program in an iframe, opened at the current event."</p>
            <fieldset class="embed-options">
                <legend>"Panels"</legend>
                {Panel::ALL
                    .into_iter()
                    .map(|panel| {
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    prop:checked=move || panels.with(|list| list.contains(&panel))
                                    on:change=move |_| {
                                        panels
                                            .update(|list| {
                                                // Toggled, and kept in the page's order.
                                                let shown_after = |known: &Panel| {
                                                    (*known == panel) != list.contains(known)
                                                };
                                                *list = Panel::ALL.into_iter().filter(shown_after).collect();
                                            })
                                    }
                                />
                                {panel.key()}
                            </label>
                        }
                    })
                    .collect::<Vec<_>>()}
            </fieldset>
            <div class="embed-options">
                <label>
                    <input type="checkbox" prop:checked=autoplay on:change=move |_| autoplay.update(|on| *on = !*on)/>
                    "Autoplay"
                </label>
                <label>
                    <input type="checkbox" prop:checked=dark on:change=move |_| dark.update(|on| *on = !*on)/>
                    "Dark theme"
                </label>
            </div>
            <label for="embed-snippet">"Snippet"</label>
            <textarea id="embed-snippet" class="snippet" readonly prop:value=snippet></textarea>
            <div class="dialog-actions">
                <button
                    type="button"
                    on:click=move |_| {
                        copy_to_clipboard(&snippet());
                    }
                >
                    "Copy snippet"
                </button>
                <button type="button" on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
