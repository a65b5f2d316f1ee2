//! Each step's form as data: the fields the composer shows (a key, a label, the current
//! value, and the kind of input), and how a committed value changes the step. The page
//! renders any field the same way, so adding a kind of step adds no page code, and the
//! forms are tested here.
//!
//! Keys: a step's own fields by name (`seconds`, `var`...); its call as `call.coroutine`
//! and `call.N` (argument N); a gather's or wait_for's awaitable N as `N.kind`,
//! `N.call.coroutine`, `N.call.M`, `N.task`, `N.count`, `N.var`, `N.remove`, and `add` for
//! a new one.

use crate::model::{Awaitable, Call, Composition, Step};
use crate::{build, ERRORS, MAIN};

/// How a field is edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A line of text: an expression, a name, a message.
    Text,
    /// On or off (the value is `true` or `false`).
    Check,
    /// One of these (value, words).
    Menu(Vec<(String, String)>),
    /// A button; its value is ignored.
    Action,
}

/// One field of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub label: String,
    pub value: String,
    pub input: Input,
}

/// A line-of-text field.
pub fn text(key: &str, label: &str, value: &str) -> Field {
    Field {
        key: key.to_string(),
        label: label.to_string(),
        value: value.to_string(),
        input: Input::Text,
    }
}

fn check(key: &str, label: &str, on: bool) -> Field {
    Field {
        input: Input::Check,
        ..text(key, label, if on { "true" } else { "false" })
    }
}

fn menu(key: &str, label: &str, value: &str, options: Vec<(String, String)>) -> Field {
    Field {
        input: Input::Menu(options),
        ..text(key, label, value)
    }
}

fn action(key: &str, label: &str) -> Field {
    Field {
        input: Input::Action,
        ..text(key, label, "")
    }
}

fn error_menu(value: &str) -> Field {
    let options = ERRORS
        .iter()
        .map(|e| (e.to_string(), e.to_string()))
        .collect();
    menu("error", "exception", value, options)
}

/// The coroutines a call may name (all but `main`).
fn callables(composition: &Composition) -> Vec<(String, String)> {
    composition
        .coroutines
        .iter()
        .filter(|c| c.name != MAIN)
        .map(|c| (c.name.clone(), format!("{}()", c.name)))
        .collect()
}

fn call_fields(prefix: &str, call: &Call, composition: &Composition, out: &mut Vec<Field>) {
    out.push(menu(
        &format!("{prefix}call.coroutine"),
        "calls",
        &call.coroutine,
        callables(composition),
    ));
    let params = composition
        .coroutine(&call.coroutine)
        .map(|c| c.params.clone())
        .unwrap_or_default();
    for (position, param) in params.iter().enumerate() {
        let value = call.args.get(position).map_or("", String::as_str);
        out.push(text(&format!("{prefix}call.{position}"), param, value));
    }
}

fn awaitable_fields(
    slot: usize,
    awaitable: &Awaitable,
    gather: bool,
    composition: &Composition,
    out: &mut Vec<Field>,
) {
    let prefix = format!("{slot}.");
    let mut kinds = vec![
        ("call".to_string(), "a coroutine call".to_string()),
        ("task".to_string(), "a task (or list of tasks)".to_string()),
    ];
    if gather {
        kinds.push(("each".to_string(), "one call per number".to_string()));
    }
    let kind = match awaitable {
        Awaitable::Call(_) => "call",
        Awaitable::Task(_) => "task",
        Awaitable::Each { .. } => "each",
    };
    out.push(menu(&format!("{prefix}kind"), "awaits", kind, kinds));
    match awaitable {
        Awaitable::Call(call) => call_fields(&prefix, call, composition, out),
        Awaitable::Task(task) => out.push(text(&format!("{prefix}task"), "task", task)),
        Awaitable::Each { var, count, call } => {
            out.push(text(&format!("{prefix}count"), "how many", count));
            out.push(text(&format!("{prefix}var"), "numbered by", var));
            call_fields(&prefix, call, composition, out);
        }
    }
    if gather {
        out.push(action(&format!("{prefix}remove"), "remove"));
    }
}

/// The fields of `step` in `composition`.
pub fn step_fields(step: &Step, composition: &Composition) -> Vec<Field> {
    let mut out = Vec::new();
    match step {
        Step::Sleep { seconds } | Step::BlockingSleep { seconds } => {
            out.push(text("seconds", "seconds", seconds))
        }
        Step::Work { iterations } => out.push(text("iterations", "iterations", iterations)),
        Step::Print { text: words } => {
            out.push(text("text", "text ({name} shows a variable)", words))
        }
        Step::Let { var, value } => {
            out.push(text("var", "variable", var));
            out.push(text("value", "value", value));
        }
        Step::Await { call, result } => {
            out.push(text("result", "result into", result));
            call_fields("", call, composition, &mut out);
        }
        Step::CreateTask {
            var,
            call,
            name,
            count,
            each,
        } => {
            out.push(text("var", "task variable", var));
            call_fields("", call, composition, &mut out);
            out.push(text("name", "task name", name));
            out.push(text("count", "how many (empty: one)", count));
            out.push(text("each", "numbered by", each));
        }
        Step::AwaitTask { task, result } => {
            out.push(text("result", "result into", result));
            out.push(text("task", "task", task));
        }
        Step::Gather {
            awaitables,
            return_exceptions,
            result,
        } => {
            out.push(text("result", "results into", result));
            for (slot, awaitable) in awaitables.iter().enumerate() {
                awaitable_fields(slot, awaitable, true, composition, &mut out);
            }
            out.push(action("add", "+ awaitable"));
            out.push(check(
                "return_exceptions",
                "return_exceptions",
                *return_exceptions,
            ));
        }
        Step::WaitFor {
            awaitable,
            timeout,
            result,
        } => {
            out.push(text("result", "result into", result));
            awaitable_fields(0, awaitable, false, composition, &mut out);
            out.push(text("timeout", "timeout", timeout));
        }
        Step::Wait {
            tasks,
            first_completed,
        } => {
            out.push(text("tasks", "tasks", &tasks.join(", ")));
            out.push(check(
                "first_completed",
                "FIRST_COMPLETED",
                *first_completed,
            ));
        }
        Step::Put { queue, item } => {
            out.push(text("queue", "queue", queue));
            out.push(text("item", "item", item));
        }
        Step::Get { queue, var } => {
            out.push(text("var", "item into", var));
            out.push(text("queue", "queue", queue));
        }
        Step::TaskDone { queue } | Step::Join { queue } => out.push(text("queue", "queue", queue)),
        Step::Hold { resource } => out.push(text("resource", "lock or semaphore", resource)),
        Step::SetEvent { event } | Step::WaitEvent { event } => {
            out.push(text("event", "event", event))
        }
        Step::Cancel { task } => out.push(text("task", "task", task)),
        Step::Raise { error, message } => {
            out.push(error_menu(error));
            out.push(text("message", "message", message));
        }
        Step::Repeat { times, var } => {
            out.push(text("times", "times (empty: forever)", times));
            out.push(text("var", "counter", var));
        }
        Step::Try => {}
        Step::Except { error, var } => {
            out.push(error_menu(error));
            out.push(text("var", "as", var));
        }
        Step::Return { value } => out.push(text("value", "value", value)),
    }
    out
}

/// "a, b" → ["a", "b"].
pub fn split_names(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// Sets `call`'s field `key` (`coroutine`, or an argument's position).
fn set_call(call: &mut Call, key: &str, value: String, composition: &Composition) {
    if key == "coroutine" {
        let arity = composition.coroutine(&value).map_or(0, |c| c.params.len());
        call.coroutine = value;
        call.args.resize(arity, "0".to_string());
    } else if let Ok(position) = key.parse::<usize>() {
        if call.args.len() <= position {
            call.args.resize(position + 1, "0".to_string());
        }
        call.args[position] = value;
    }
}

/// A call of the first coroutine a step may call (for a new awaitable).
fn some_call(composition: &Composition, coroutine: usize) -> Call {
    match build::new_step("await a coroutine", composition, coroutine) {
        Some(Step::Await { call, .. }) => call,
        _ => Call {
            coroutine: String::new(),
            args: Vec::new(),
        },
    }
}

fn set_awaitable(
    awaitable: &mut Awaitable,
    key: &str,
    value: String,
    composition: &Composition,
    coroutine: usize,
) {
    if key == "kind" {
        let call = some_call(composition, coroutine);
        *awaitable = match value.as_str() {
            "task" => Awaitable::Task("task".to_string()),
            "each" => Awaitable::Each {
                var: "i".to_string(),
                count: "3".to_string(),
                call,
            },
            _ => Awaitable::Call(call),
        };
        return;
    }
    match (awaitable, key) {
        (Awaitable::Task(task), "task") => *task = value,
        (Awaitable::Each { count, .. }, "count") => *count = value,
        (Awaitable::Each { var, .. }, "var") => *var = value,
        (Awaitable::Call(call) | Awaitable::Each { call, .. }, key) => {
            if let Some(call_key) = key.strip_prefix("call.") {
                set_call(call, call_key, value, composition);
            }
        }
        _ => {}
    }
}

/// Applies a committed field of the step at line `line` of coroutine `coroutine`.
pub fn set_step_field(
    composition: &mut Composition,
    coroutine: usize,
    line: usize,
    key: &str,
    value: String,
) {
    let snapshot = composition.clone();
    let Some(step) = composition
        .coroutines
        .get_mut(coroutine)
        .and_then(|c| c.lines.get_mut(line))
        .map(|l| &mut l.step)
    else {
        return;
    };
    let on = value == "true";
    if let Some(call_key) = key.strip_prefix("call.") {
        if let Step::Await { call, .. } | Step::CreateTask { call, .. } = step {
            set_call(call, call_key, value, &snapshot);
        }
        return;
    }
    if let Some((slot, rest)) = key
        .split_once('.')
        .and_then(|(s, r)| Some((s.parse::<usize>().ok()?, r)))
    {
        match step {
            Step::Gather { awaitables, .. } if rest == "remove" && slot < awaitables.len() => {
                awaitables.remove(slot);
            }
            Step::Gather { awaitables, .. } => {
                if let Some(awaitable) = awaitables.get_mut(slot) {
                    set_awaitable(awaitable, rest, value, &snapshot, coroutine);
                }
            }
            Step::WaitFor { awaitable, .. } => {
                set_awaitable(awaitable, rest, value, &snapshot, coroutine)
            }
            _ => {}
        }
        return;
    }
    match (step, key) {
        (Step::Gather { awaitables, .. }, "add") => {
            awaitables.push(Awaitable::Call(some_call(&snapshot, coroutine)))
        }
        (
            Step::Gather {
                return_exceptions, ..
            },
            "return_exceptions",
        ) => *return_exceptions = on,
        (
            Step::Wait {
                first_completed, ..
            },
            "first_completed",
        ) => *first_completed = on,
        (Step::Wait { tasks, .. }, "tasks") => *tasks = split_names(&value),
        (step, key) => {
            if let Some(slot) = text_slot(step, key) {
                *slot = value;
            }
        }
    }
}

/// The text a plain field key names in `step`.
fn text_slot<'a>(step: &'a mut Step, key: &str) -> Option<&'a mut String> {
    Some(match (step, key) {
        (Step::Sleep { seconds } | Step::BlockingSleep { seconds }, "seconds") => seconds,
        (Step::Work { iterations }, "iterations") => iterations,
        (Step::Print { text }, "text") => text,
        (Step::Let { var, .. }, "var") => var,
        (Step::Let { value, .. }, "value") => value,
        (
            Step::Await { result, .. }
            | Step::AwaitTask { result, .. }
            | Step::Gather { result, .. }
            | Step::WaitFor { result, .. },
            "result",
        ) => result,
        (Step::CreateTask { var, .. }, "var") => var,
        (Step::CreateTask { name, .. }, "name") => name,
        (Step::CreateTask { count, .. }, "count") => count,
        (Step::CreateTask { each, .. }, "each") => each,
        (Step::AwaitTask { task, .. } | Step::Cancel { task }, "task") => task,
        (Step::WaitFor { timeout, .. }, "timeout") => timeout,
        (
            Step::Put { queue, .. }
            | Step::Get { queue, .. }
            | Step::TaskDone { queue }
            | Step::Join { queue },
            "queue",
        ) => queue,
        (Step::Put { item, .. }, "item") => item,
        (Step::Get { var, .. }, "var") => var,
        (Step::Hold { resource }, "resource") => resource,
        (Step::SetEvent { event } | Step::WaitEvent { event }, "event") => event,
        (Step::Raise { error, .. } | Step::Except { error, .. }, "error") => error,
        (Step::Raise { message, .. }, "message") => message,
        (Step::Repeat { times, .. }, "times") => times,
        (Step::Repeat { var, .. } | Step::Except { var, .. }, "var") => var,
        (Step::Return { value }, "value") => value,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{new_step, STEP_KINDS};
    use crate::TemplateId;

    /// Every field of every kind of step, set to a new value, shows that value next time
    /// (menus to one of their options, actions leave the form valid).
    #[test]
    fn every_field_round_trips() {
        let mut composition = TemplateId::ProducerConsumer.build();
        let main = composition.coroutines.len() - 1;
        for kind in STEP_KINDS {
            let step = new_step(kind, &composition, main).unwrap();
            composition.coroutines[main]
                .lines
                .push(crate::Line { depth: 0, step });
            let line = composition.coroutines[main].lines.len() - 1;
            let step = &composition.coroutines[main].lines[line].step;
            for field in step_fields(step, &composition) {
                if field.key.ends_with("kind") {
                    continue; // switching what is awaited changes the other fields
                }
                let new = match &field.input {
                    Input::Text => format!("{}x", field.value),
                    Input::Check => (field.value != "true").to_string(),
                    Input::Menu(options) => {
                        options.last().map(|(v, _)| v.clone()).unwrap_or_default()
                    }
                    Input::Action => continue,
                };
                set_step_field(&mut composition, main, line, &field.key, new.clone());
                let step = &composition.coroutines[main].lines[line].step;
                let after = step_fields(step, &composition);
                let shown = after
                    .iter()
                    .find(|f| f.key == field.key)
                    .map(|f| f.value.clone());
                assert_eq!(shown, Some(new), "{kind}: {}", field.key);
            }
        }
    }

    #[test]
    fn gather_awaitables_are_added_switched_and_removed() {
        let mut composition = TemplateId::FanOut.build();
        let main = 1;
        set_step_field(&mut composition, main, 0, "add", String::new());
        set_step_field(&mut composition, main, 0, "1.kind", "task".to_string());
        set_step_field(&mut composition, main, 0, "1.task", "others".to_string());
        let Step::Gather { awaitables, .. } = &composition.coroutines[main].lines[0].step else {
            panic!("a gather");
        };
        assert_eq!(awaitables.len(), 2);
        assert_eq!(awaitables[1], Awaitable::Task("others".to_string()));
        set_step_field(&mut composition, main, 0, "0.remove", String::new());
        let Step::Gather { awaitables, .. } = &composition.coroutines[main].lines[0].step else {
            panic!("a gather");
        };
        assert_eq!(awaitables, &vec![Awaitable::Task("others".to_string())]);
    }

    #[test]
    fn choosing_another_coroutine_fits_the_arguments_to_it() {
        let mut composition = TemplateId::Lesson.build();
        composition.coroutines.insert(
            0,
            crate::build::coroutine("solo", &[], "")
                .then(crate::build::print("x"))
                .done(),
        );
        set_step_field(&mut composition, 2, 0, "call.coroutine", "solo".to_string());
        let Step::Await { call, .. } = &composition.coroutines[2].lines[0].step else {
            panic!("an await");
        };
        assert_eq!(call.coroutine, "solo");
        assert!(call.args.is_empty());
    }
}
