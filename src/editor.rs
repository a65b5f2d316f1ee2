//! The code editor: a plain `<textarea>` over a highlighted copy of its text.
//!
//! The textarea's own text is transparent; the `<pre>` underneath shows the same characters
//! coloured by [`crate::highlight`], with bars marking the executing line and the error
//! line, and a gutter of line numbers. Both stay cheap on long programs: lines are keyed,
//! so an edit re-renders only the lines it changed, and the gutter is one text node with
//! the current and error lines marked by positioned overlays, so a step touches two
//! elements whatever the program's length. Tab inserts four spaces, Shift-Tab dedents, Enter
//! keeps the indentation (four more after a colon); Escape then Tab leaves the editor.

use leptos::html::Textarea;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::highlight::{highlight_program, HighlightedLine};
use crate::scroll_view::ScrollView;

const INDENT: &str = "    ";

/// A problem to mark on a line of the program.
#[derive(Clone, Debug, PartialEq)]
pub struct LineProblem {
    /// 1-based line number.
    pub line: u32,
    pub message: String,
}

/// The editor. `executing_line` (1-based) is the line the shown event ran; `problem` is a
/// parse or runtime error to mark; `chain_lines` are the lines of the coroutine stack shown
/// beside it, outermost first (the innermost is marked like a current line, the others as
/// the awaits they wait at).
#[component]
pub fn Editor(
    source: RwSignal<String>,
    #[prop(into)] executing_line: Signal<Option<u32>>,
    #[prop(into)] problem: Signal<Option<LineProblem>>,
    #[prop(into)] chain_lines: Signal<Vec<u32>>,
    /// The program can be read and selected but not changed (an embed's option).
    #[prop(optional)]
    readonly: bool,
) -> impl IntoView {
    let textarea: NodeRef<Textarea> = NodeRef::new();
    let view = ScrollView::new(400);
    let scroller = view.element;
    // The code's top padding and line height (CSS pixels), read once it is laid out.
    let geometry = StoredValue::new(DEFAULT_GEOMETRY);
    Effect::new(move |_| {
        if let Some(element) = scroller.get() {
            request_animation_frame(move || geometry.set_value(line_geometry(&element)));
        }
    });
    let tab_leaves_editor = RwSignal::new(false);

    let lines = Memo::new(move |_| source.with(|text| highlight_program(text)));
    let line_count = Memo::new(move |_| lines.with(Vec::len));
    let render_line = |line: HighlightedLine| {
        let spans = line
            .tokens
            .into_iter()
            .map(|token| match token.kind.class() {
                Some(class) => view! { <span class=class>{token.text}</span> }.into_any(),
                None => token.text.into_any(),
            })
            .collect::<Vec<_>>();
        view! { <span class="code-line">{spans}</span> }
    };
    let numbers = move || {
        let count = line_count.get();
        let mut text = String::with_capacity(count * 5);
        for number in 1..=count {
            if number > 1 {
                text.push('\n');
            }
            text.push_str(&number.to_string());
        }
        text
    };
    let problem_line = move || problem.with(|problem| problem.as_ref().map(|problem| problem.line));

    // Write the program into the textarea only when it changed from outside (an example, a
    // link, Undo): rewriting a long program the user just typed costs the browser a relayout.
    // The first time it is simply set; later changes go through the browser's editing
    // command, so they join the editor's undo history (Ctrl+Z brings the old text back).
    Effect::new(move |previous: Option<()>| {
        let Some(area) = textarea.get() else { return };
        source.with(|text| {
            if area.value() != *text {
                if previous.is_none() {
                    area.set_value(text);
                } else {
                    replace_all(&area, text);
                }
            }
        });
    });

    // Keep the executing line in view while stepping (vertically only: the gutter stays put).
    // Where the line is comes from the lines' geometry, read once, and where the view is
    // from its scroll events: a seek reads no layout (the panels it updates can be large).
    Effect::new(move |_| {
        let Some(line) = executing_line.get().filter(|line| *line > 0) else {
            return;
        };
        let (pad, line_height) = geometry.get_value();
        let top = pad + (line as i32 - 1) * line_height;
        let (visible_top, visible_height) = view.visible_untracked();
        if top < visible_top || top + line_height > visible_top + visible_height {
            view.scroll_to((top - visible_height / 3).max(0));
        }
    });

    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let Some(area) = textarea.get() else { return };
        if event.key() == "Escape" {
            tab_leaves_editor.set(true);
            return;
        }
        if event.key() == "Tab" && tab_leaves_editor.get_untracked() {
            tab_leaves_editor.set(false);
            return;
        }
        tab_leaves_editor.set(false);
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let handled = match event.key().as_str() {
            "Tab" if event.shift_key() => {
                dedent_selection(&area);
                true
            }
            "Tab" => {
                indent_selection(&area);
                true
            }
            "Enter" if !event.shift_key() => {
                newline_keeping_indent(&area);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    };

    view! {
        <div class="editor-scroll" node_ref=scroller on:scroll=view.on_scroll()>
            <div class="editor-inner">
                <div class="gutter" aria-hidden="true">
                    <div class="gutter-numbers">{numbers}</div>
                    {move || {
                        executing_line
                            .get()
                            .map(|line| {
                                view! {
                                    <div class="gutter-mark gutter-current" style:top=line_top(line)>
                                        {line}
                                    </div>
                                }
                            })
                    }}
                    {move || {
                        problem_line()
                            .map(|line| {
                                view! {
                                    <div class="gutter-mark gutter-error" style:top=line_top(line)>
                                        {format!("⚠ {line}")}
                                    </div>
                                }
                            })
                    }}
                </div>
                <div class="code-area">
                    <Show when=move || executing_line.get().is_some()>
                        <div
                            class="line-bar line-bar-current"
                            style:top=move || line_top(executing_line.get().unwrap_or(1))
                        ></div>
                    </Show>
                    {move || {
                        let lines = chain_lines.get();
                        let innermost = lines.len().saturating_sub(1);
                        lines
                            .into_iter()
                            .enumerate()
                            .map(|(depth, line)| {
                                let class = if depth == innermost {
                                    "line-bar line-bar-frame"
                                } else {
                                    "line-bar line-bar-await"
                                };
                                view! { <div class=class style:top=line_top(line)></div> }
                            })
                            .collect::<Vec<_>>()
                    }}
                    <Show when=move || problem.with(Option::is_some)>
                        <div
                            class="line-bar line-bar-error"
                            style:top=move || {
                                line_top(problem.with(|problem| problem.as_ref().map_or(1, |problem| problem.line)))
                            }
                        ></div>
                    </Show>
                    <pre class="code-highlight" aria-hidden="true">
                        <For
                            each=move || lines.get()
                            key=|line| line.key.clone()
                            children=render_line
                        />
                    </pre>
                    <textarea
                        class="code-input"
                        node_ref=textarea
                        aria-label="Python program"
                        readonly=readonly
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            if source.with_untracked(|source| *source != text) {
                                source.set(text);
                            }
                        }
                        on:keydown=on_keydown
                        on:paste=move |_| {
                            // The caret ends at the paste's end; show the lines' starts, not
                            // code hidden under the line numbers.
                            request_animation_frame(move || {
                                if let Some(scroller) = scroller.get_untracked() {
                                    scroller.set_scroll_left(0);
                                }
                            });
                        }
                    ></textarea>
                </div>
            </div>
        </div>
    }
}

/// The code's top padding and line height until they are read (the stylesheet's values).
const DEFAULT_GEOMETRY: (i32, i32) = (10, 20);

/// The code's top padding and line height in CSS pixels: the stylesheet's `--code-pad` and
/// `--code-line-height` as they apply to `element` (whole pixels).
fn line_geometry(element: &web_sys::HtmlDivElement) -> (i32, i32) {
    let style = window().get_computed_style(element).ok().flatten();
    let pixels = |property: &str, default: i32| {
        style
            .as_ref()
            .and_then(|style| style.get_property_value(property).ok())
            .and_then(|value| value.trim().trim_end_matches("px").parse::<i32>().ok())
            .filter(|pixels| *pixels > 0)
            .unwrap_or(default)
    };
    (
        pixels("--code-pad", DEFAULT_GEOMETRY.0),
        pixels("--code-line-height", DEFAULT_GEOMETRY.1),
    )
}

/// CSS `top` of a 1-based line's bar (the editor's lines are `--code-line-height` tall).
fn line_top(line: u32) -> String {
    format!(
        "calc(var(--code-pad) + {} * var(--code-line-height))",
        line.saturating_sub(1)
    )
}

/// Replaces the selection with `text` through the browser's editing command, so undo
/// works; falls back to `setRangeText` where that command is missing.
fn insert_text(area: &web_sys::HtmlTextAreaElement, text: &str) {
    let inserted = document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|document| {
            document
                .exec_command_with_show_ui_and_value("insertText", false, text)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        let _ = area.set_range_text_with_start_and_end_and_mode(
            text,
            area.selection_start().ok().flatten().unwrap_or(0),
            area.selection_end().ok().flatten().unwrap_or(0),
            "end",
        );
        let _ = area.dispatch_event(&web_sys::Event::new("input").expect("an input event"));
    }
}

/// Replaces the whole text as an edit the browser can undo, leaving the focus where it was
/// and the caret at the top.
fn replace_all(area: &web_sys::HtmlTextAreaElement, text: &str) {
    let focused = document().active_element();
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = area.focus_with_options(&options);
    area.select();
    if text.is_empty() {
        let _ = document()
            .dyn_into::<web_sys::HtmlDocument>()
            .map(|document| document.exec_command("delete"));
    } else {
        insert_text(area, text);
    }
    if area.value() != text {
        area.set_value(text);
    }
    let _ = area.set_selection_range(0, 0);
    match focused.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) if element != **area => {
            let _ = element.focus_with_options(&options);
        }
        Some(_) => {}
        None => {
            let _ = area.blur();
        }
    }
}

/// The selection as UTF-16 offsets (what the DOM uses), start ≤ end.
fn selection(area: &web_sys::HtmlTextAreaElement) -> (u32, u32) {
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    (start.min(end), start.max(end))
}

/// The whole lines the selection touches: UTF-16 start of the first, end of the last.
fn selected_lines(text: &[u16], start: u32, end: u32) -> (u32, u32) {
    let newline = u16::from(b'\n');
    let mut line_start = start as usize;
    while line_start > 0 && text[line_start - 1] != newline {
        line_start -= 1;
    }
    let mut line_end = (end as usize).max(line_start);
    // A selection ending right after a newline does not include the next line.
    if end > start && line_end > 0 && text.get(line_end - 1) == Some(&newline) {
        line_end -= 1;
    }
    while line_end < text.len() && text[line_end] != newline {
        line_end += 1;
    }
    (line_start as u32, line_end as u32)
}

fn indent_selection(area: &web_sys::HtmlTextAreaElement) {
    let (start, end) = selection(area);
    let text: Vec<u16> = area.value().encode_utf16().collect();
    let multiline = text[start as usize..end as usize].contains(&u16::from(b'\n'));
    if !multiline {
        insert_text(area, INDENT);
        return;
    }
    let (line_start, line_end) = selected_lines(&text, start, end);
    let lines = String::from_utf16_lossy(&text[line_start as usize..line_end as usize]);
    let indented: Vec<String> = lines
        .split('\n')
        .map(|line| format!("{INDENT}{line}"))
        .collect();
    replace_lines(area, line_start, line_end, &indented.join("\n"));
}

fn dedent_selection(area: &web_sys::HtmlTextAreaElement) {
    let (start, end) = selection(area);
    let text: Vec<u16> = area.value().encode_utf16().collect();
    let (line_start, line_end) = selected_lines(&text, start, end);
    let lines = String::from_utf16_lossy(&text[line_start as usize..line_end as usize]);
    let dedented: Vec<&str> = lines
        .split('\n')
        .map(|line| {
            let spaces = line.len() - line.trim_start_matches(' ').len();
            &line[spaces.min(INDENT.len())..]
        })
        .collect();
    let dedented = dedented.join("\n");
    if dedented != lines {
        replace_lines(area, line_start, line_end, &dedented);
    }
}

/// Replaces the UTF-16 range with `text` and selects the result.
fn replace_lines(area: &web_sys::HtmlTextAreaElement, start: u32, end: u32, text: &str) {
    let _ = area.set_selection_range(start, end);
    insert_text(area, text);
    let length = text.encode_utf16().count() as u32;
    let _ = area.set_selection_range(start, start + length);
}

fn newline_keeping_indent(area: &web_sys::HtmlTextAreaElement) {
    let (start, _) = selection(area);
    let text: Vec<u16> = area.value().encode_utf16().collect();
    let (line_start, _) = selected_lines(&text, start, start);
    let before_cursor = String::from_utf16_lossy(&text[line_start as usize..start as usize]);
    let mut indent: String = before_cursor.chars().take_while(|c| *c == ' ').collect();
    if before_cursor.trim_end().ends_with(':') {
        indent.push_str(INDENT);
    }
    insert_text(area, &format!("\n{indent}"));
}
