//! The light/dark theme: follows the system until the toggle picks one, which is remembered.
//! The theme is the `data-theme` attribute of `<html>`, which the stylesheet keys on.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::storage;

/// The theme to start with: an explicit choice (embed parameter), then the remembered one,
/// then the system's preference.
pub fn initial_theme(requested: Option<&'static str>) -> &'static str {
    if let Some(theme) = requested {
        return theme;
    }
    match storage::load_theme().as_deref() {
        Some("dark") => "dark",
        Some(_) => "light",
        None => {
            let prefers_dark = window()
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
                .is_some_and(|query| query.matches());
            if prefers_dark {
                "dark"
            } else {
                "light"
            }
        }
    }
}

/// Puts `theme` on the page.
pub fn apply_theme(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Calls `changed` whenever the page's theme (the `data-theme` of `<html>`) changes, for
/// the canvases that paint in the theme's colours. The observer lives as long as the page.
pub fn on_theme_change(changed: impl Fn() + 'static) {
    let Some(root) = document().document_element() else {
        return;
    };
    let changed = Closure::<dyn Fn()>::new(changed);
    let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_attribute_filter(&js_sys::Array::of1(&"data-theme".into()));
    let _ = observer.observe_with_options(&root, &options);
    changed.forget();
}

/// A button switching between light and dark.
#[component]
pub fn ThemeToggle(theme: RwSignal<&'static str>) -> impl IntoView {
    let toggle = move |_| {
        let next = if theme.get_untracked() == "dark" {
            "light"
        } else {
            "dark"
        };
        theme.set(next);
        storage::save_theme(next);
    };
    view! {
        <button
            type="button"
            on:click=toggle
            aria-label=move || format!("Switch to the {} theme", if theme.get() == "dark" { "light" } else { "dark" })
            title="Light or dark theme"
        >
            {move || if theme.get() == "dark" { "☀ Light" } else { "☾ Dark" }}
        </button>
    }
}
