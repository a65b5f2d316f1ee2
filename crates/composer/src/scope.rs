//! Names: which are declared (constants, resources, coroutines and their parameters),
//! which resources each coroutine needs passed in, and what is in scope at each step.

use crate::expr::{check_expr, is_identifier, text_reads};
use crate::generate::{step_expressions, Problem, MAIN};
use crate::model::{Awaitable, Composition, Step};

/// The constant `random.seed()` is called with.
pub const SEED: &str = "SEED";

/// Names the generated program itself uses, which nothing may redefine.
const RESERVED: &[&str] = &[
    "asyncio", "random", "time", "crunch", "print", "range", "len", "str", "int", "float", "min",
    "max", "abs", "round",
];

/// What a variable holds, as far as the generator needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Value,
    Task,
    /// A list of tasks (`create_task` with a count).
    TaskList,
}

/// Every name a step reads: its expressions', its texts' and the objects it names.
fn names_read(step: &Step) -> Vec<String> {
    let mut names: Vec<String> = step_expressions(step)
        .into_iter()
        .filter_map(|e| check_expr(e).ok())
        .flat_map(|reads| reads.names)
        .collect();
    let texts: Vec<&str> = match step {
        Step::Print { text } => vec![text],
        Step::CreateTask { name, .. } => vec![name],
        Step::Raise { message, .. } => vec![message],
        _ => Vec::new(),
    };
    for text in texts {
        if let Ok(reads) = text_reads(text) {
            names.extend(reads.names);
        }
    }
    match step {
        Step::Put { queue, .. }
        | Step::Get { queue, .. }
        | Step::TaskDone { queue }
        | Step::Join { queue } => names.push(queue.clone()),
        Step::Hold { resource } => names.push(resource.clone()),
        Step::SetEvent { event } | Step::WaitEvent { event } => names.push(event.clone()),
        Step::AwaitTask { task, .. } | Step::Cancel { task } => names.push(task.clone()),
        Step::Wait { tasks, .. } => names.extend(tasks.iter().cloned()),
        Step::Gather { awaitables, .. } => {
            for awaitable in awaitables {
                if let Awaitable::Task(task) = awaitable {
                    names.push(task.clone());
                }
            }
        }
        Step::WaitFor {
            awaitable: Awaitable::Task(task),
            ..
        } => names.push(task.clone()),
        _ => {}
    }
    names
}

/// The coroutines a step calls.
fn callees(step: &Step) -> Vec<&str> {
    fn of(a: &Awaitable) -> Option<&str> {
        match a {
            Awaitable::Call(call) | Awaitable::Each { call, .. } => Some(call.coroutine.as_str()),
            Awaitable::Task(_) => None,
        }
    }
    match step {
        Step::Await { call, .. } | Step::CreateTask { call, .. } => vec![call.coroutine.as_str()],
        Step::Gather { awaitables, .. } => awaitables.iter().filter_map(of).collect(),
        Step::WaitFor { awaitable, .. } => of(awaitable).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// For each coroutine, the resources it must be passed (in declaration order): those
/// it uses, and those the coroutines it calls need. `main` creates them all.
pub(crate) fn resource_needs(composition: &Composition) -> Vec<Vec<String>> {
    let count = composition.coroutines.len();
    let resource_index = |name: &str| composition.resources.iter().position(|r| r.name == name);
    let mut needs: Vec<Vec<bool>> = composition
        .coroutines
        .iter()
        .map(|coroutine| {
            let mut used = vec![false; composition.resources.len()];
            for line in &coroutine.lines {
                for name in names_read(&line.step) {
                    if let Some(i) = resource_index(&name) {
                        used[i] = true;
                    }
                }
            }
            used
        })
        .collect();
    let calls: Vec<Vec<usize>> = composition
        .coroutines
        .iter()
        .map(|coroutine| {
            coroutine
                .lines
                .iter()
                .flat_map(|line| callees(&line.step))
                .filter_map(|name| composition.coroutines.iter().position(|c| c.name == name))
                .collect()
        })
        .collect();
    // A fixpoint: at most one pass per coroutine adds anything new.
    for _ in 0..=count {
        let mut changed = false;
        for caller in 0..count {
            for &callee in &calls[caller] {
                let inherited: Vec<usize> = (0..needs[callee].len())
                    .filter(|&r| needs[callee][r] && !needs[caller][r])
                    .collect();
                for r in inherited {
                    needs[caller][r] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    composition
        .coroutines
        .iter()
        .zip(needs)
        .map(|(coroutine, used)| {
            if coroutine.name == MAIN {
                return Vec::new();
            }
            composition
                .resources
                .iter()
                .zip(used)
                .filter(|(_, used)| *used)
                .map(|(resource, _)| resource.name.clone())
                .collect()
        })
        .collect()
}

/// Problems with the declarations: bad or repeated names, a missing or odd `main`.
pub(crate) fn check_declarations(composition: &Composition) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for param in composition.params.iter().filter(|p| !p.structural) {
        declare(&mut problems, &mut seen, &param.name, "constant", None);
    }
    for resource in &composition.resources {
        declare(&mut problems, &mut seen, &resource.name, "resource", None);
    }
    for (index, coroutine) in composition.coroutines.iter().enumerate() {
        declare(
            &mut problems,
            &mut seen,
            &coroutine.name,
            "coroutine",
            Some(index),
        );
    }
    for (index, coroutine) in composition.coroutines.iter().enumerate() {
        for (i, param) in coroutine.params.iter().enumerate() {
            let clash = seen.iter().find(|(n, _)| n == param).map(|(_, what)| *what);
            let message = if !is_identifier(param) || RESERVED.contains(&param.as_str()) {
                Some(format!(
                    "{}: “{param}” cannot name a parameter",
                    coroutine.name
                ))
            } else if coroutine.params[..i].contains(param) {
                Some(format!(
                    "{}: the parameter '{param}' is listed twice",
                    coroutine.name
                ))
            } else {
                clash.map(|what| {
                    format!(
                        "{}: the parameter '{param}' hides the {what} of that name",
                        coroutine.name
                    )
                })
            };
            if let Some(message) = message {
                problems.push(Problem {
                    coroutine: Some(index),
                    line: None,
                    message,
                });
            }
        }
    }
    match composition.coroutine(MAIN) {
        None => problems.push(Problem {
            coroutine: None,
            line: None,
            message: "there is no coroutine named main (the program starts there)".to_string(),
        }),
        Some(main) if !main.params.is_empty() => problems.push(Problem {
            coroutine: composition.coroutines.iter().position(|c| c.name == MAIN),
            line: None,
            message: "main is started with no arguments, so it cannot have parameters".to_string(),
        }),
        Some(_) => {}
    }
    problems
}

/// Records a module-level name, or the problem with it.
fn declare<'a>(
    problems: &mut Vec<Problem>,
    seen: &mut Vec<(&'a str, &'static str)>,
    name: &'a str,
    what: &'static str,
    at: Option<usize>,
) {
    let message = if !is_identifier(name) {
        Some(format!(
            "“{name}” cannot name a {what}: use letters, digits and _"
        ))
    } else if RESERVED.contains(&name) {
        Some(format!(
            "'{name}' is used by the program itself; choose another name for the {what}"
        ))
    } else {
        seen.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, other)| format!("'{name}' names both a {other} and a {what}"))
    };
    if let Some(message) = message {
        problems.push(Problem {
            coroutine: at,
            line: None,
            message,
        });
    }
    seen.push((name, what));
}

/// The names visible inside one coroutine as its steps are generated in order.
pub(crate) struct Scope<'a> {
    composition: &'a Composition,
    /// Parameters, passed resources and assigned variables, with what they hold.
    locals: Vec<(String, Kind)>,
    /// Comprehension variables, innermost last.
    temporaries: Vec<String>,
}

impl<'a> Scope<'a> {
    pub fn for_coroutine(
        composition: &'a Composition,
        index: usize,
        needs: &[String],
    ) -> Scope<'a> {
        let coroutine = &composition.coroutines[index];
        let mut locals: Vec<(String, Kind)> = coroutine
            .params
            .iter()
            .map(|p| (p.clone(), Kind::Value))
            .collect();
        let visible_resources: Vec<String> = if coroutine.name == MAIN {
            composition
                .resources
                .iter()
                .map(|r| r.name.clone())
                .collect()
        } else {
            needs.to_vec()
        };
        locals.extend(visible_resources.into_iter().map(|r| (r, Kind::Value)));
        Scope {
            composition,
            locals,
            temporaries: Vec::new(),
        }
    }

    fn is_constant(&self, name: &str) -> bool {
        self.composition
            .params
            .iter()
            .any(|p| !p.structural && p.name == name)
    }

    /// Whether `name` can be read here.
    pub fn knows(&self, name: &str) -> bool {
        self.temporaries.iter().any(|t| t == name)
            || self.locals.iter().any(|(n, _)| n == name)
            || self.is_constant(name)
    }

    pub fn kind(&self, name: &str) -> Option<Kind> {
        if self.temporaries.iter().any(|t| t == name) {
            return Some(Kind::Value);
        }
        self.locals
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, kind)| *kind)
    }

    /// Why `name` may not be assigned, if it may not.
    fn refuse(&self, name: &str) -> Option<String> {
        if !is_identifier(name) {
            Some(format!(
                "“{name}” cannot name a variable: use letters, digits and _"
            ))
        } else if RESERVED.contains(&name) {
            Some(format!("'{name}' is used by the program itself"))
        } else if self.is_constant(name) {
            Some(format!(
                "'{name}' is a constant; choose another variable name"
            ))
        } else if self.composition.resource(name).is_some() {
            Some(format!(
                "'{name}' is a resource; choose another variable name"
            ))
        } else if self.composition.coroutine(name).is_some() {
            Some(format!(
                "'{name}' is a coroutine; choose another variable name"
            ))
        } else {
            None
        }
    }

    /// Records an assignment from here on.
    pub fn assign(&mut self, name: &str, kind: Kind) -> Result<(), String> {
        if let Some(message) = self.refuse(name) {
            return Err(message);
        }
        self.locals.push((name.to_string(), kind));
        Ok(())
    }

    /// A comprehension variable, until [`Scope::pop_temporary`].
    pub fn push_temporary(&mut self, name: &str) -> Result<(), String> {
        if name == "_" {
            self.temporaries.push(name.to_string());
            return Ok(());
        }
        if let Some(message) = self.refuse(name) {
            return Err(message);
        }
        self.temporaries.push(name.to_string());
        Ok(())
    }

    pub fn pop_temporary(&mut self) {
        self.temporaries.pop();
    }
}
