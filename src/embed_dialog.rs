//! The Embed dialog: choose panels, autoplay, speed, the event to start at, the theme
//! (following the reader's by default) and read-only; see a live preview; copy the snippet
//! (an iframe whose height follows its content, see [`crate::embed::iframe_snippet`]).

use leptos::prelude::*;

use crate::composer::Composer;
use crate::dialog::Modal;
use crate::embed::{iframe_snippet, EmbedOptions, Panel, DEFAULT_EMBED_PANELS};
use crate::session::Session;
use crate::share::{copy, current_view, page_base, Copied, CopyByHand};
use crate::share_link::encode;
use crate::speed::{Speed, SPEEDS};

/// The dialog; `open` shows and hides it.
#[component]
pub fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = Session::get();
    let composer = Composer::get();
    let panels = RwSignal::new(DEFAULT_EMBED_PANELS.to_vec());
    let autoplay = RwSignal::new(false);
    let speed = RwSignal::new(session.speed.get_untracked());
    let start_event = RwSignal::new(0usize);
    let theme = RwSignal::new(None::<&'static str>);
    let readonly = RwSignal::new(false);
    let snippet_copied = RwSignal::new(None::<Copied>);
    // Opening the dialog starts from the current event and speed.
    Effect::new(move |_| {
        if open.get() {
            start_event.set(session.event.get_untracked());
            speed.set(session.speed.get_untracked());
            snippet_copied.set(None);
        }
    });
    let url = Memo::new(move |_| {
        if !open.get() {
            return Err(String::new());
        }
        let options = EmbedOptions {
            embedded: true,
            panels: panels.get(),
            autoplay: autoplay.get(),
            speed: speed.get(),
            event: Some(start_event.get()),
            theme: theme.get(),
            readonly: readonly.get(),
        };
        let view = current_view(&session, &composer);
        encode(&view)
            .map(|fragment| format!("{}?{}#{fragment}", page_base(), options.to_query()))
            .map_err(|error| error.to_string())
    });
    let snippet = move || match url.get() {
        Ok(url) => iframe_snippet(&url, &window().location().origin().unwrap_or_default()),
        Err(error) => error,
    };
    let checkbox = move |label: &'static str, value: RwSignal<bool>| {
        view! {
            <label>
                <input type="checkbox" prop:checked=value on:change=move |_| value.update(|on| *on = !*on)/>
                {label}
            </label>
        }
    };
    view! {
        <Modal
            open=open
            id="embed-title"
            title="Embed this view"
            class="embed-dialog"
            actions=move || {
                view! {
                    <button type="button" on:click=move |_| copy(snippet(), snippet_copied)>
                        {move || match snippet_copied.get() {
                            Some(Copied::Done) => "Copied ✓",
                            _ => "Copy snippet",
                        }}
                    </button>
                }
            }
        >
            <p class="dialog-note">
                "Paste the snippet into a course page or a post: it shows this program in a frame whose height follows its content. A course page can also drive it (see the embedding guide)."
            </p>
            <div class="embed-layout">
                <div class="embed-settings">
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
                    <fieldset class="embed-options">
                        <legend>"Playback"</legend>
                        {checkbox("Autoplay", autoplay)}
                        <label>
                            "Speed"
                            <select on:change=move |event| {
                                if let Some(chosen) = Speed::parse(&event_target_value(&event)) {
                                    speed.set(chosen);
                                }
                            }>
                                {SPEEDS
                                    .iter()
                                    .map(|choice| {
                                        let choice = *choice;
                                        view! {
                                            <option value=choice.key() selected=move || speed.get() == choice>
                                                {choice.label()}
                                            </option>
                                        }
                                    })
                                    .collect::<Vec<_>>()}
                            </select>
                        </label>
                        <label>
                            "Start at event"
                            <input
                                type="number"
                                min="1"
                                class="seed-input"
                                prop:value=move || (start_event.get() + 1).to_string()
                                on:change=move |event| {
                                    if let Ok(number) = event_target_value(&event).trim().parse::<usize>() {
                                        start_event.set(number.saturating_sub(1));
                                    }
                                }
                            />
                        </label>
                    </fieldset>
                    <fieldset class="embed-options">
                        <legend>"Look"</legend>
                        <label>
                            "Theme"
                            <select on:change=move |event| {
                                theme.set(match event_target_value(&event).as_str() {
                                    "light" => Some("light"),
                                    "dark" => Some("dark"),
                                    _ => None,
                                })
                            }>
                                <option value="" selected=move || theme.get().is_none()>"Follow the reader's setting"</option>
                                <option value="light" selected=move || theme.get() == Some("light")>"Light"</option>
                                <option value="dark" selected=move || theme.get() == Some("dark")>"Dark"</option>
                            </select>
                        </label>
                        {checkbox("Read-only (readers cannot edit the program)", readonly)}
                    </fieldset>
                </div>
                <div class="embed-preview">
                    <p class="dialog-note">"Preview"</p>
                    {move || {
                        url.get()
                            .ok()
                            .map(|url| {
                                view! { <iframe src=url title="Preview of the embed"></iframe> }
                            })
                    }}
                </div>
            </div>
            <label for="embed-snippet">"Snippet"</label>
            <textarea id="embed-snippet" class="snippet" readonly prop:value=snippet></textarea>
            <CopyByHand outcome=snippet_copied label="Snippet"/>
        </Modal>
    }
}
