//! The composition's resources and coroutines as one form: written as markup from the
//! composition (each step's fields come from loopscope_composer::form), and edited through
//! one `change` and one `click` listener that read what changed from `data-*` attributes.
//!
//! Attributes: `data-c` coroutine, `data-l` line, `data-r` resource, `data-k` the field's
//! key (a step field's, or `name`/`params`/`doc` of a coroutine, `name`/`kind`/`size` of a
//! resource, `add-step`), `data-act` a button's action.

use std::fmt::Write as _;

use leptos::prelude::*;
use loopscope_composer::build::{coroutine, new_step, STEP_KINDS};
use loopscope_composer::form::{self, split_names, text, Field, Input};
use loopscope_composer::{edit, Composition, Problem, Resource, ResourceKind, MAIN};
use wasm_bindgen::JsCast;

use super::Composer;
use crate::markup::{element, escape, open, target_closest};
use crate::session::Session;

const RESOURCE_KINDS: [&str; 4] = ["Queue", "Lock", "Event", "Semaphore"];

/// Deepest indentation the stylesheet draws (the page's CSP forbids inline styles, so each
/// depth is a rule in assets/compose.css); deeper steps are drawn at this depth.
const MAX_SHOWN_DEPTH: u8 = 6;

/// Where a field lives, as `data-*` attributes.
struct Place {
    coroutine: Option<usize>,
    line: Option<usize>,
    resource: Option<usize>,
}

impl Place {
    fn attributes(&self, key: &str) -> Vec<(String, String)> {
        let mut attributes = vec![("data-k".to_string(), key.to_string())];
        for (name, value) in [
            ("data-c", self.coroutine),
            ("data-l", self.line),
            ("data-r", self.resource),
        ] {
            if let Some(value) = value {
                attributes.push((name.to_string(), value.to_string()));
            }
        }
        attributes
    }

    /// `step-C-L-KEY`, `coroutine-C-KEY` or `resource-R-KEY` (dots in keys become dashes).
    fn id(&self, key: &str) -> String {
        let key = key.replace('.', "-");
        match (self.coroutine, self.line, self.resource) {
            (Some(c), Some(l), _) => format!("step-{c}-{l}-{key}"),
            (Some(c), None, _) => format!("coroutine-{c}-{key}"),
            (_, _, Some(r)) => format!("resource-{r}-{key}"),
            _ => key,
        }
    }
}

/// One field, labelled, as markup.
fn field(out: &mut String, place: &Place, field: &Field) {
    let id = place.id(&field.key);
    let data = place.attributes(&field.key);
    let mut attributes: Vec<(&str, &str)> =
        data.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    attributes.push(("id", &id));
    match &field.input {
        Input::Action => {
            attributes.push(("type", "button"));
            attributes.push(("class", "action"));
            attributes.push(("data-act", "field"));
            element(out, "button", &attributes, &field.label);
        }
        Input::Check => {
            out.push_str("<label class=\"field check\">");
            attributes.push(("type", "checkbox"));
            if field.value == "true" {
                attributes.push(("checked", ""));
            }
            open(out, "input", &attributes, true);
            element(out, "span", &[], &field.label);
            out.push_str("</label>");
        }
        Input::Text => {
            out.push_str("<label class=\"field\">");
            element(out, "span", &[], &field.label);
            let size = field.value.chars().count().clamp(3, 28).to_string();
            attributes.extend([
                ("type", "text"),
                ("spellcheck", "false"),
                ("autocomplete", "off"),
                ("size", size.as_str()),
                ("value", field.value.as_str()),
            ]);
            open(out, "input", &attributes, true);
            out.push_str("</label>");
        }
        Input::Menu(options) => {
            out.push_str("<label class=\"field\">");
            element(out, "span", &[], &field.label);
            open(out, "select", &attributes, false);
            if !options.iter().any(|(value, _)| *value == field.value) {
                element(
                    out,
                    "option",
                    &[("value", &field.value), ("selected", "")],
                    &format!("{} (unknown)", field.value),
                );
            }
            for (value, words) in options {
                let mut option = vec![("value", value.as_str())];
                if *value == field.value {
                    option.push(("selected", ""));
                }
                element(out, "option", &option, words);
            }
            out.push_str("</select></label>");
        }
    }
}

/// A small button with a symbol and a spoken label.
fn button(out: &mut String, place: &Place, action: &str, symbol: &str, label: &str) {
    let data = place.attributes("");
    let mut attributes: Vec<(&str, &str)> =
        data.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    attributes.extend([
        ("type", "button"),
        ("class", "icon"),
        ("data-act", action),
        ("title", label),
        ("aria-label", label),
    ]);
    element(out, "button", &attributes, symbol);
}

fn add_step_menu(out: &mut String, place: &Place) {
    let data = place.attributes("add-step");
    let mut attributes: Vec<(&str, &str)> =
        data.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    attributes.extend([
        ("class", "add-step"),
        ("aria-label", "Add a step after this one"),
    ]);
    open(out, "select", &attributes, false);
    out.push_str("<option value=\"\" selected>+ step</option>");
    for kind in STEP_KINDS {
        element(out, "option", &[("value", kind)], kind);
    }
    out.push_str("</select>");
}

fn resources(out: &mut String, resources: &[Resource]) {
    out.push_str(
        "<fieldset class=\"resources\"><legend>Queues, locks, events, semaphores</legend>",
    );
    for (index, resource) in resources.iter().enumerate() {
        let place = Place {
            coroutine: None,
            line: None,
            resource: Some(index),
        };
        out.push_str("<div class=\"resource\">");
        field(out, &place, &text("name", "name", &resource.name));
        let kinds = RESOURCE_KINDS
            .iter()
            .map(|k| (k.to_string(), k.to_string()))
            .collect();
        field(
            out,
            &place,
            &Field {
                input: Input::Menu(kinds),
                ..text("kind", "kind", resource.kind.class())
            },
        );
        match &resource.kind {
            ResourceKind::Queue { maxsize } => {
                field(out, &place, &text("size", "maxsize", maxsize))
            }
            ResourceKind::Semaphore { value } => field(out, &place, &text("size", "value", value)),
            _ => {}
        }
        button(
            out,
            &place,
            "remove-resource",
            "✕",
            &format!("Remove {}", resource.name),
        );
        out.push_str("</div>");
    }
    out.push_str("<button type=\"button\" class=\"add\" data-act=\"add-resource\">+ resource</button></fieldset>");
}

/// The whole form.
fn render(composition: &Composition, problems: &[Problem]) -> String {
    let mut out = String::new();
    resources(&mut out, &composition.resources);
    for (c, coroutine) in composition.coroutines.iter().enumerate() {
        let is_main = coroutine.name == MAIN;
        let place = Place {
            coroutine: Some(c),
            line: None,
            resource: None,
        };
        let _ = write!(
            out,
            "<fieldset class=\"coroutine{}\"><legend>async def <code>{}</code></legend><div class=\"coroutine-head\">",
            if is_main { " main" } else { "" },
            escape(&coroutine.name)
        );
        field(&mut out, &place, &text("name", "name", &coroutine.name));
        field(
            &mut out,
            &place,
            &text("params", "parameters", &coroutine.params.join(", ")),
        );
        field(
            &mut out,
            &place,
            &text("doc", "what it does", &coroutine.doc),
        );
        if !is_main {
            button(
                &mut out,
                &place,
                "remove-coroutine",
                "✕",
                &format!("Remove coroutine {}", coroutine.name),
            );
        }
        out.push_str("</div><ol class=\"steps\">");
        for (l, line) in coroutine.lines.iter().enumerate() {
            let at = Place {
                coroutine: Some(c),
                line: Some(l),
                resource: None,
            };
            let problem = problems
                .iter()
                .any(|p| p.coroutine == Some(c) && p.line == Some(l));
            let _ = write!(
                out,
                "<li class=\"step{}\" data-row=\"{c}-{l}\" data-depth=\"{}\"><span class=\"step-kind\">{}</span><span class=\"step-fields\">",
                if problem { " has-problem" } else { "" },
                line.depth.min(MAX_SHOWN_DEPTH),
                escape(line.step.kind_name())
            );
            for f in form::step_fields(&line.step, composition) {
                field(&mut out, &at, &f);
            }
            out.push_str("</span><span class=\"step-buttons\">");
            let label = |what: &str| format!("{what} step {} of {}", l + 1, coroutine.name);
            for (action, symbol, what) in [
                ("up", "↑", "Move up"),
                ("down", "↓", "Move down"),
                ("indent", "⇥", "Indent"),
                ("outdent", "⇤", "Outdent"),
                ("remove", "✕", "Remove"),
            ] {
                button(&mut out, &at, action, symbol, &label(what));
            }
            out.push_str("</span>");
            add_step_menu(&mut out, &at);
            out.push_str("</li>");
        }
        out.push_str("</ol>");
        if coroutine.lines.is_empty() {
            add_step_menu(&mut out, &place);
        }
        out.push_str("</fieldset>");
    }
    out.push_str(
        "<button type=\"button\" class=\"add\" data-act=\"add-coroutine\">+ coroutine</button>",
    );
    out
}

fn number(element: &web_sys::Element, name: &str) -> Option<usize> {
    element.get_attribute(name)?.parse().ok()
}

/// A committed value of the form's field `element`.
fn changed(composition: &mut Composition, element: &web_sys::Element, value: String) {
    let key = element.get_attribute("data-k").unwrap_or_default();
    let (c, l, r) = (
        number(element, "data-c"),
        number(element, "data-l"),
        number(element, "data-r"),
    );
    match (c, l, r, key.as_str()) {
        (_, _, Some(r), key) if r < composition.resources.len() => {
            let resource = &mut composition.resources[r];
            match key {
                "name" => resource.name = value,
                "kind" => {
                    resource.kind = match value.as_str() {
                        "Queue" => ResourceKind::Queue {
                            maxsize: "0".to_string(),
                        },
                        "Event" => ResourceKind::Event,
                        "Semaphore" => ResourceKind::Semaphore {
                            value: "1".to_string(),
                        },
                        _ => ResourceKind::Lock,
                    }
                }
                _ => match &mut resource.kind {
                    ResourceKind::Queue { maxsize: size }
                    | ResourceKind::Semaphore { value: size } => *size = value,
                    _ => {}
                },
            }
        }
        (Some(c), line, None, "add-step") if c < composition.coroutines.len() => {
            if let Some(step) = new_step(&value, composition, c) {
                edit::insert(&mut composition.coroutines[c].lines, line, step);
            }
        }
        (Some(c), None, None, key) if c < composition.coroutines.len() => match key {
            "name" => edit::rename_coroutine(composition, c, value),
            "params" => composition.coroutines[c].params = split_names(&value),
            _ => composition.coroutines[c].doc = value,
        },
        (Some(c), Some(l), None, key) => form::set_step_field(composition, c, l, key, value),
        _ => {}
    }
}

/// A button of the form.
fn clicked(composition: &mut Composition, element: &web_sys::Element) {
    let action = element.get_attribute("data-act").unwrap_or_default();
    let (c, l, r) = (
        number(element, "data-c"),
        number(element, "data-l"),
        number(element, "data-r"),
    );
    let lines = c
        .and_then(|c| composition.coroutines.get_mut(c))
        .map(|c| &mut c.lines);
    match (action.as_str(), lines, l) {
        ("up", Some(lines), Some(l)) => drop(edit::move_up(lines, l)),
        ("down", Some(lines), Some(l)) => drop(edit::move_down(lines, l)),
        ("indent", Some(lines), Some(l)) => drop(edit::indent(lines, l)),
        ("outdent", Some(lines), Some(l)) => drop(edit::outdent(lines, l)),
        ("remove", Some(lines), Some(l)) => edit::remove(lines, l),
        ("field", _, Some(l)) => {
            let key = element.get_attribute("data-k").unwrap_or_default();
            if let Some(c) = c {
                form::set_step_field(composition, c, l, &key, String::new());
            }
        }
        ("remove-coroutine", _, _) => {
            if let Some(c) = c.filter(|&c| c < composition.coroutines.len()) {
                composition.coroutines.remove(c);
            }
        }
        ("remove-resource", _, _) => {
            if let Some(r) = r.filter(|&r| r < composition.resources.len()) {
                composition.resources.remove(r);
            }
        }
        ("add-resource", _, _) => {
            let mut name = "queue".to_string();
            let mut n = 1;
            while composition.resource(&name).is_some() {
                n += 1;
                name = format!("queue_{n}");
            }
            composition.resources.push(Resource {
                name,
                kind: ResourceKind::Queue {
                    maxsize: "0".to_string(),
                },
            });
        }
        ("add-coroutine", _, _) => {
            let mut n = composition.coroutines.len();
            let mut name = format!("worker_{n}");
            while composition.coroutine(&name).is_some() {
                n += 1;
                name = format!("worker_{n}");
            }
            let first = new_step("sleep", composition, 0).into_iter();
            let mut worker = coroutine(&name, &[], "");
            for step in first {
                worker = worker.then(step);
            }
            let main = composition.coroutines.iter().position(|c| c.name == MAIN);
            composition
                .coroutines
                .insert(main.unwrap_or(composition.coroutines.len()), worker.done());
        }
        _ => {}
    }
}

/// Moves the `executing` class to the step row `row` (`coroutine-line`).
fn mark_executing(row: Option<&str>) {
    let document = document();
    if let Ok(marked) = document.query_selector_all(".composition-form .executing") {
        for index in 0..marked.length() {
            if let Some(element) = marked
                .item(index)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.class_list().remove_1("executing");
            }
        }
    }
    if let Some(row) = row {
        if let Ok(Some(element)) = document.query_selector(&format!("[data-row=\"{row}\"]")) {
            let _ = element.class_list().add_1("executing");
        }
    }
}

/// The resources and coroutines of the composition, editable.
#[component]
pub fn CompositionForm() -> impl IntoView {
    let composer = Composer::get();
    let session = Session::get();
    let markup = Memo::new(move |_| {
        composer.composition.with(|c| {
            composer
                .problems
                .with(|problems| c.as_ref().map(|c| render(c, problems)).unwrap_or_default())
        })
    });
    // The step the shown event ran, marked without re-rendering the form.
    Effect::new(move |_| {
        markup.track();
        let line = session.view.with(|view| view.line);
        let row = composer
            .executing(line)
            .map(|o| format!("{}-{}", o.coroutine, o.line));
        request_animation_frame(move || mark_executing(row.as_deref()));
    });
    let on_change = move |event: leptos::ev::Event| {
        let Some(element) = target_closest(&event, "[data-k]") else {
            return;
        };
        let value = if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            if input.type_() == "checkbox" {
                input.checked().to_string()
            } else {
                input.value()
            }
        } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.value()
        } else {
            return;
        };
        composer.edit(|c| changed(c, &element, value));
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(element) = target_closest(&event, "button[data-act]") {
            composer.edit(|c| clicked(c, &element));
        }
    };
    view! { <div class="composition-form" inner_html=move || markup.get() on:change=on_change on:click=on_click></div> }
}
