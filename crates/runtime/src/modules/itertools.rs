//! `itertools`: `count`, `repeat`, `cycle`, `islice`, `chain` natively (iterator
//! states in `crate::iterators`); the combinatoric and filtering iterators, `groupby`
//! and `tee` in its Python half (`python/itertools.py`).

use std::rc::Rc;

use crate::builtins::args::{count_range, reject_kwargs};
use crate::iterators::{self, new_iter, IterState};
use crate::object::exceptions::{type_error, value_error};
use crate::object::types::{TypeId, TypeRef};
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[
        ("count", count),
        ("repeat", repeat),
        ("cycle", cycle),
        ("islice", islice),
    ];
    let chain_slots = vm.slots.get_mut(TypeId::Chain);
    chain_slots.construct = Some(chain);
    chain_slots.class_methods = &[("from_iterable", chain_from_iterable)];
    let m = super::native_module("itertools", "", FUNCTIONS);
    m.attrs
        .borrow_mut()
        .insert_str("chain", Value::Type(TypeRef::Builtin(TypeId::Chain)));
    vm.run_library_file(&m, library_file!("modules/python/itertools.py"))?;
    Ok(m)
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
    )
}

fn count(_vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    let step_kw = args.take_kw("step");
    reject_kwargs("count", &args)?;
    count_range("count", &args, 0, 2)?;
    let mut pos = args.pos.into_iter();
    let start = pos.next().or(start_kw).unwrap_or(Value::Int(0));
    let step = pos.next().or(step_kw).unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(type_error("a number is required"));
    }
    Ok(new_iter(IterState::Count { next: start, step }))
}

fn repeat(_vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let object_kw = args.take_kw("object");
    let times_kw = args.take_kw("times");
    reject_kwargs("repeat", &args)?;
    let mut pos = args.pos.into_iter();
    let Some(item) = pos.next().or(object_kw) else {
        return Err(type_error(
            "repeat() missing required argument 'object' (pos 1)",
        ));
    };
    let remaining = match pos.next().or(times_kw) {
        None => None,
        Some(t) => Some(crate::builtins::args::index_arg(&t)?.max(0) as u64),
    };
    Ok(new_iter(IterState::Repeat { item, remaining }))
}

fn cycle(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("cycle", &args, 1, 1)?;
    let inner = iterators::get_iter(vm, &args.pos[0])?;
    Ok(new_iter(IterState::Cycle {
        inner: Some(inner),
        saved: Vec::new(),
        index: 0,
    }))
}

/// An islice bound: None or a non-negative int.
fn bound(v: Option<&Value>, message: &str) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) if *i >= 0 => Ok(Some(*i as usize)),
        Some(Value::Bool(b)) => Ok(Some(*b as usize)),
        Some(_) => Err(value_error(message)),
    }
}

fn islice(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_kwargs("islice", &args)?;
    count_range("islice", &args, 2, 4)?;
    let p = &args.pos;
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const START: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if p.len() == 2 {
        (0, bound(p.get(1), STOP)?, 1)
    } else {
        let start = bound(p.get(1), START)?.unwrap_or(0);
        let stop = bound(p.get(2), STOP)?;
        let step = match p.get(3) {
            None | Some(Value::None) => 1,
            Some(Value::Int(i)) if *i > 0 => *i as usize,
            Some(_) => {
                return Err(value_error(
                    "Step for islice() must be a positive integer or None.",
                ))
            }
        };
        (start, stop, step)
    };
    let inner = iterators::get_iter(vm, &p[0])?;
    Ok(new_iter(IterState::Islice {
        inner,
        next: start,
        stop,
        step,
        consumed: 0,
    }))
}

fn chain(vm: &mut Vm, _: TypeId, args: Args) -> PyResult<Value> {
    crate::builtins::args::no_kwargs("chain", &args)?;
    let sources = iterators::get_iter(vm, &Value::tuple(args.pos.into_vec()))?;
    Ok(new_iter(IterState::Chain {
        sources,
        current: None,
    }))
}

/// `itertools.chain.from_iterable(iterables)`.
fn chain_from_iterable(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let source = crate::builtins::args::exactly_one("from_iterable", &args)?;
    let sources = iterators::get_iter(vm, &source)?;
    Ok(new_iter(IterState::Chain {
        sources,
        current: None,
    }))
}
