//! The generated program under the composer, with the line the shown event ran marked,
//! and the way out: continue in the code editor with it.

use std::fmt::Write as _;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Composer;
use crate::highlight::highlight_program;
use crate::markup::escape;
use crate::session::Session;

/// The program as highlighted markup, one `code-line` span per line.
fn markup(code: &str) -> String {
    let mut out = String::new();
    for line in highlight_program(code) {
        out.push_str("<span class=\"code-line\">");
        for token in line.tokens {
            match token.kind.class() {
                Some(class) => {
                    let _ = write!(
                        out,
                        "<span class=\"{class}\">{}</span>",
                        escape(&token.text)
                    );
                }
                None => out.push_str(&escape(&token.text)),
            }
        }
        out.push_str("\n</span>");
    }
    out
}

/// Marks line `line` (1-based) of the shown code as the one the event ran.
fn mark_line(line: usize) {
    let Ok(Some(code)) = document().query_selector(".generated-code") else {
        return;
    };
    let lines = code.children();
    for index in 0..lines.length() {
        if let Some(element) = lines.item(index) {
            let current = index as usize + 1 == line;
            let _ = element.class_list().toggle_with_force("current", current);
        }
    }
    let _ = code.dyn_ref::<web_sys::HtmlElement>();
}

#[component]
pub fn GeneratedCode() -> impl IntoView {
    let composer = Composer::get();
    let session = Session::get();
    let code = Memo::new(move |_| {
        composer
            .program
            .with(|p| p.as_ref().map(|p| markup(&p.code)))
            .unwrap_or_default()
    });
    Effect::new(move |_| {
        code.track();
        let line = session.view.with(|view| view.line) as usize;
        request_animation_frame(move || mark_line(line));
    });
    view! {
        <details class="generated" open=true>
            <summary>"The Python it runs"</summary>
            <pre class="generated-code" tabindex="0" aria-label="Generated Python program" inner_html=move || code.get()></pre>
            <button type="button" on:click=move |_| composer.detach()>
                "Continue in the code editor"
            </button>
        </details>
    }
}
