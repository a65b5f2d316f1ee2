//! Name resolution's second pass (CPython's symtable `analyze`): from what
//! each scope binds, uses and declares (`scope.rs`), decide every name's
//! storage, outermost scope first, making the variables inner functions
//! capture cells and passing them through the scopes in between.

use loopscope_syntax::ast::Span;
use loopscope_syntax::Diagnostic;

use super::scope::{syntax_error, ScopeTable, Storage};

/// Decide the storage of every name, scope by scope, outermost first.
pub(super) fn resolve(table: &mut ScopeTable) -> Result<(), Diagnostic> {
    // Process in creation order (parents before children).
    for id in 0..table.scopes.len() {
        let names: Vec<String> = {
            let s = &table.scopes[id];
            let mut v = s.order.clone();
            let mut extra: Vec<&String> = s.used.iter().filter(|n| !s.bound.contains(*n)).collect();
            extra.sort();
            v.extend(extra.into_iter().cloned());
            v.extend(
                s.nonlocals
                    .iter()
                    .filter(|n| !s.bound.contains(*n))
                    .cloned(),
            );
            v
        };
        for name in names {
            let storage = {
                let s = &table.scopes[id];
                if s.is_module && table.module_namespace && !s.globals.contains(&name) {
                    Storage::Name
                } else if s.is_module || s.globals.contains(&name) {
                    Storage::Global
                } else if s.is_class && s.bound.contains(&name) && !s.nonlocals.contains(&name) {
                    Storage::Name
                } else if s.nonlocals.contains(&name) {
                    if find_enclosing_binding(table, id, &name).is_none() {
                        return Err(syntax_error(
                            format!("no binding for nonlocal '{name}' found"),
                            Span::default(),
                        ));
                    }
                    Storage::Free
                } else if s.bound.contains(&name) {
                    Storage::Local
                } else if find_enclosing_binding(table, id, &name).is_some() {
                    Storage::Free
                } else {
                    Storage::Global
                }
            };
            if storage == Storage::Free {
                // Mark the defining scope's variable as a cell and every
                // scope in between as passing it through.
                let owner = find_enclosing_binding(table, id, &name).unwrap_or(0);
                let mut p = table.scopes[id].parent;
                while let Some(pid) = p {
                    if pid == owner {
                        table.scopes[pid]
                            .storage
                            .insert(name.clone(), Storage::Cell);
                        break;
                    }
                    let scope = &mut table.scopes[pid];
                    let entry = scope.storage.entry(name.clone()).or_insert(Storage::Free);
                    match *entry {
                        Storage::Global => *entry = Storage::Free,
                        // A class attribute of the same name: the class
                        // passes the variable through beside it.
                        Storage::Name => {
                            scope.class_free.insert(name.clone());
                        }
                        _ => {}
                    }
                    p = scope.parent;
                }
            }
            let entry = table.scopes[id]
                .storage
                .entry(name.clone())
                .or_insert(storage);
            // A name already promoted to Cell by a child stays a Cell.
            if *entry != Storage::Cell {
                *entry = storage;
            }
        }
    }
    Ok(())
}

/// The nearest enclosing function scope that binds `name` locally (class
/// scopes are skipped, but provide `__class__`).
fn find_enclosing_binding(table: &ScopeTable, id: usize, name: &str) -> Option<usize> {
    let mut p = table.scopes[id].parent;
    while let Some(pid) = p {
        let s = &table.scopes[pid];
        if s.is_module {
            return None;
        }
        if s.is_class {
            if name == "__class__" {
                return Some(pid);
            }
            p = s.parent;
            continue;
        }
        if s.bound.contains(name) && !s.globals.contains(name) && !s.nonlocals.contains(name) {
            return Some(pid);
        }
        if s.nonlocals.contains(name) {
            return find_enclosing_binding(table, pid, name);
        }
        p = s.parent;
    }
    None
}
