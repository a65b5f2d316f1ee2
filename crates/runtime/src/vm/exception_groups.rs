//! Exception groups split by a condition, as `split`/`subgroup` and `except*`
//! do: the matching and the remaining parts keep the group's nesting and
//! carry over its message, chaining, traceback and notes. `except*` runs on
//! the two steps of CPython 3.11's CHECK_EG_MATCH ([`except_star_match`]) and
//! PREP_RERAISE_STAR ([`prep_reraise_star`]).

use std::collections::HashSet;

use super::raising::exception_matches;
use super::{Vm, WHILE_CALLING};
use crate::attrs;
use crate::object::exceptions::{type_error, Exception};
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, ExcRef, PyResult, Value};
use crate::ops;

/// A new group with `members` made by `source.derive(members)` (a class of
/// the program may define its own), carrying over `source`'s chaining,
/// traceback and notes (a copy of the list, so that the parts have their own).
pub(crate) fn derive_from(vm: &mut Vm, source: &ExcRef, members: Vec<ExcRef>) -> PyResult<ExcRef> {
    let items = Value::list(members.into_iter().map(Value::Exception).collect());
    let g = match &source.class {
        // `BaseExceptionGroup.derive`, a built-in method of one argument that
        // calls the class: CPython checks the depth for both calls.
        TypeRef::Builtin(_) => vm.recursing(WHILE_CALLING, |vm| {
            vm.check_recursion_depth_for(WHILE_CALLING)?;
            Ok(new_group(source.first_arg(), items))
        })?,
        TypeRef::Class(_) => {
            let derive = attrs::get_attr(vm, &Value::Exception(source.clone()), "derive")?;
            match vm.call(&derive, Args::new(vec![items]))? {
                Value::Exception(g) if g.is(TypeId::BaseExceptionGroup) => g,
                _ => {
                    return Err(type_error(
                        "derive must return an instance of BaseExceptionGroup",
                    ))
                }
            }
        }
    };
    *g.cause.borrow_mut() = source.cause.borrow().clone();
    *g.context.borrow_mut() = source.context.borrow().clone();
    *g.traceback.borrow_mut() = source.traceback.borrow().clone();
    if let Some(Value::List(notes)) = source.attributes().borrow().get_str("__notes__") {
        let copy = Value::list(notes.borrow().clone());
        g.attributes().borrow_mut().insert_str("__notes__", copy);
    }
    Ok(g)
}

/// `BaseExceptionGroup(message, members)`: an ExceptionGroup when every
/// member is an Exception (`members` is a list or tuple of exceptions).
fn new_group(message: Value, members: Value) -> ExcRef {
    let all_exceptions = match &members {
        Value::List(l) => l.borrow().iter().all(is_plain_exception),
        Value::Tuple(t) => t.iter().all(is_plain_exception),
        _ => false,
    };
    let typ = if all_exceptions {
        TypeId::ExceptionGroup
    } else {
        TypeId::BaseExceptionGroup
    };
    Exception::new(typ, vec![message, members])
}

fn is_plain_exception(v: &Value) -> bool {
    matches!(v, Value::Exception(e) if e.is(TypeId::Exception))
}

/// How `split` / `subgroup` decide whether an exception matches.
pub(crate) enum Condition {
    Types(Vec<TypeRef>),
    Predicate(Value),
    /// These very exceptions (by identity), never a group itself: what
    /// `except*` re-raises is projected back onto the original group.
    Leaves(HashSet<*const Exception>),
}

impl Condition {
    /// The argument of `split(...)` / `subgroup(...)`.
    pub(crate) fn new(v: &Value) -> PyResult<Condition> {
        fn types(v: &Value) -> Option<Vec<TypeRef>> {
            match v {
                Value::Type(t) if t.is_exception() => Some(vec![t.clone()]),
                Value::Tuple(items) => {
                    let mut out = Vec::new();
                    for i in items.iter() {
                        out.extend(types(i)?);
                    }
                    Some(out)
                }
                _ => None,
            }
        }
        if let Some(t) = types(v) {
            return Ok(Condition::Types(t));
        }
        if matches!(v, Value::Function(_) | Value::Builtin(_) | Value::Method(_)) {
            return Ok(Condition::Predicate(v.clone()));
        }
        Err(type_error(
            "expected a function, exception type or tuple of exception types",
        ))
    }

    fn matches(&self, vm: &mut Vm, e: &ExcRef) -> PyResult<bool> {
        match self {
            Condition::Types(types) => Ok(types.iter().any(|t| e.class.is_subclass(t))),
            Condition::Predicate(f) => {
                let r = vm.call1(f, Value::Exception(e.clone()))?;
                ops::truthy(vm, &r)
            }
            Condition::Leaves(ids) => {
                Ok(!e.is(TypeId::BaseExceptionGroup) && ids.contains(&ExcRef::as_ptr(e)))
            }
        }
    }
}

/// The end of the RecursionError message of a split nested too deeply.
const SPLIT_RECURSION: &str = " in exceptiongroup_split_recursive";

/// Whether a split makes the part that does not match (`split`, `except*`) or
/// only the matching part (`subgroup`, `except*`'s re-raise): CPython's
/// `construct_rest`, which decides whether `derive` is called for the rest.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Rest {
    Derived,
    Dropped,
}

/// `(matching part, rest)` of `e`.
pub(crate) fn split(
    vm: &mut Vm,
    e: &ExcRef,
    cond: &Condition,
    rest: Rest,
) -> PyResult<(Option<ExcRef>, Option<ExcRef>)> {
    let depth = vm.library_depth;
    let parts = split_levels(vm, e, cond, rest);
    // An error leaves the levels under way counted: forget them.
    vm.library_depth = depth;
    parts
}

/// A group being split: its members, how many were split, and their parts so far.
struct Level {
    group: ExcRef,
    members: Vec<ExcRef>,
    next: usize,
    matching: Vec<ExcRef>,
    rest: Vec<ExcRef>,
}

/// CPython's `exceptiongroup_split_recursive` on a stack of its own, so that a
/// deep group costs no native stack. Each member split counts a level with the
/// frames, as CPython's `Py_EnterRecursiveCall` does: a group nested past the
/// recursion limit is a RecursionError.
fn split_levels(
    vm: &mut Vm,
    e: &ExcRef,
    cond: &Condition,
    construct_rest: Rest,
) -> PyResult<(Option<ExcRef>, Option<ExcRef>)> {
    let mut levels: Vec<Level> = Vec::new();
    let mut next = Some(e.clone());
    loop {
        let mut parts = None;
        if let Some(exc) = next.take() {
            if cond.matches(vm, &exc)? {
                parts = Some((Some(exc), None));
            } else if !exc.is(TypeId::BaseExceptionGroup) {
                parts = Some((None, Some(exc).filter(|_| construct_rest == Rest::Derived)));
            } else {
                levels.push(Level {
                    members: exc.group_members(),
                    group: exc,
                    next: 0,
                    matching: Vec::new(),
                    rest: Vec::new(),
                });
            }
        }
        if let Some((matching, rest)) = parts {
            let Some(level) = levels.last_mut() else {
                return Ok((matching, rest));
            };
            level.matching.extend(matching);
            level.rest.extend(rest);
            vm.library_depth -= 1;
        }
        // A group's level stays on the stack until its parts are made.
        let level = levels.last_mut().expect("the group being split");
        if let Some(member) = level.members.get(level.next) {
            vm.check_recursion_depth_for(SPLIT_RECURSION)?;
            vm.library_depth += 1;
            next = Some(member.clone());
            level.next += 1;
            continue;
        }
        let level = levels.pop().expect("the level just looked at");
        let mut part = |members: Vec<ExcRef>| match members.is_empty() {
            true => Ok(None),
            false => derive_from(vm, &level.group, members).map(Some),
        };
        let made = (part(level.matching)?, part(level.rest)?);
        match levels.last_mut() {
            None => return Ok(made),
            Some(parent) => {
                parent.matching.extend(made.0);
                parent.rest.extend(made.1);
                vm.library_depth -= 1;
            }
        }
    }
}

/// CHECK_EG_MATCH: what of `rest` (the part of the exception no earlier
/// `except*` clause took) the clause for `typ` takes, as `(match, rest)`.
/// A naked exception that matches is wrapped in a group of its own.
pub(crate) fn except_star_match(
    vm: &mut Vm,
    rest: &Value,
    typ: &Value,
) -> PyResult<(Option<ExcRef>, Option<ExcRef>)> {
    check_except_star_type(typ)?;
    let Value::Exception(e) = rest else {
        return Ok((None, None));
    };
    if exception_matches(e, typ)? {
        if e.is(TypeId::BaseExceptionGroup) {
            return Ok((Some(e.clone()), None));
        }
        let wrapped = new_group(Value::str(""), Value::tuple(vec![rest.clone()]));
        return Ok((Some(wrapped), None));
    }
    if !e.is(TypeId::BaseExceptionGroup) {
        return Ok((None, Some(e.clone())));
    }
    let types = match typ {
        Value::Tuple(items) => items.iter().filter_map(type_of_value).collect(),
        other => type_of_value(other).into_iter().collect(),
    };
    // CPython calls the group's `split` method, a built-in of one argument.
    let cond = Condition::Types(types);
    vm.recursing(WHILE_CALLING, |vm| split(vm, e, &cond, Rest::Derived))
}

fn type_of_value(v: &Value) -> Option<TypeRef> {
    match v {
        Value::Type(t) => Some(t.clone()),
        _ => None,
    }
}

/// `except*` takes exception classes, never exception group classes.
fn check_except_star_type(typ: &Value) -> PyResult<()> {
    let items = match typ {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    for item in &items {
        match item {
            Value::Type(t) if t.is_exception() => {}
            _ => {
                return Err(type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        }
    }
    let catches_groups = items.iter().any(|i| {
        matches!(i, Value::Type(t) if t.is_subclass(&TypeRef::Builtin(TypeId::BaseExceptionGroup)))
    });
    if catches_groups {
        return Err(type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// PREP_RERAISE_STAR: what leaves a `try`/`except*` once its clauses ran.
/// `excs` holds what the clauses raised, in order, then the part no clause
/// took (None where nothing). What is the original's (re-raised with
/// `raise`, or untouched) goes back into the shape of `orig`; exceptions the
/// clauses raised anew join it in a new group.
pub(crate) fn prep_reraise_star(
    vm: &mut Vm,
    orig: &ExcRef,
    excs: Vec<Value>,
) -> PyResult<Option<ExcRef>> {
    let excs: Vec<ExcRef> = excs
        .into_iter()
        .filter_map(|v| match v {
            Value::Exception(e) => Some(e),
            _ => None,
        })
        .collect();
    if !orig.is(TypeId::BaseExceptionGroup) {
        // A naked exception: one clause at most ran, so one exception at most.
        return Ok(excs.into_iter().next());
    }
    let (reraised, raised): (Vec<ExcRef>, Vec<ExcRef>) =
        excs.into_iter().partition(|e| same_metadata(e, orig));
    let mut leaves = HashSet::new();
    for e in &reraised {
        collect_leaves(e, &mut leaves);
    }
    let reraised_group = if leaves.is_empty() {
        None
    } else {
        split(vm, orig, &Condition::Leaves(leaves), Rest::Dropped)?.0
    };
    let mut raised = raised;
    if raised.is_empty() {
        return Ok(reraised_group);
    }
    raised.extend(reraised_group);
    if raised.len() == 1 {
        return Ok(raised.pop());
    }
    let members = raised.into_iter().map(Value::Exception).collect();
    Ok(Some(new_group(Value::str(""), Value::list(members))))
}

/// CPython's test for "this is (a part of) the original exception": the
/// same traceback, cause and context (what `split` copies).
fn same_metadata(e: &ExcRef, orig: &ExcRef) -> bool {
    let same_link = |a: &Option<ExcRef>, b: &Option<ExcRef>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => ExcRef::ptr_eq(a, b),
        _ => false,
    };
    let same_traceback = {
        let (a, b) = (e.traceback.borrow(), orig.traceback.borrow());
        a.len() == b.len()
            && a.iter()
                .zip(b.iter())
                .all(|(x, y)| x.pc == y.pc && std::rc::Rc::ptr_eq(&x.code, &y.code))
    };
    same_traceback
        && same_link(&e.cause.borrow(), &orig.cause.borrow())
        && same_link(&e.context.borrow(), &orig.context.borrow())
}

/// The exceptions (not groups) inside `e`, found without native recursion.
fn collect_leaves(e: &ExcRef, out: &mut HashSet<*const Exception>) {
    let mut pending = vec![e.clone()];
    while let Some(e) = pending.pop() {
        if e.is(TypeId::BaseExceptionGroup) {
            pending.extend(e.group_members());
        } else {
            out.insert(ExcRef::as_ptr(&e));
        }
    }
}

/// The `except*` instructions (see `compile::code::Instr`).
impl Vm {
    pub(super) fn begin_except_star(&mut self) {
        let e = self.top().clone();
        self.push(Value::list(Vec::new()));
        self.push(e);
    }

    pub(super) fn check_eg_match(&mut self, no_match: u32) -> PyResult<()> {
        let typ = self.pop();
        let rest = self.pop();
        let (matched, rest) = except_star_match(self, &rest, &typ)?;
        self.push(rest.map(Value::Exception).unwrap_or(Value::None));
        match matched {
            Some(m) => {
                // The clause's body handles what it took (`sys.exc_info()`).
                let f = self.frames.last_mut().expect("frame");
                if let Some(handled) = f.handling.last_mut() {
                    *handled = m.clone();
                }
                self.push(Value::Exception(m));
            }
            None => self.jump(no_match),
        }
        Ok(())
    }

    pub(super) fn prep_reraise_star(&mut self, nothing: u32) -> PyResult<()> {
        let rest = self.pop();
        let raised = self.pop();
        let orig = self.pop();
        let mut excs = match raised {
            Value::List(l) => l.borrow().clone(),
            _ => Vec::new(),
        };
        excs.push(rest);
        let Value::Exception(orig) = orig else {
            self.jump(nothing);
            return Ok(());
        };
        match prep_reraise_star(self, &orig, excs)? {
            Some(e) => self.push(Value::Exception(e)),
            None => self.jump(nothing),
        }
        Ok(())
    }
}
