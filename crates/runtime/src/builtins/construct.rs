//! Calling a built-in type: `int(x)`, `list(it)`, `dict(**kw)`,
//! `ValueError("x")`, `ExceptionGroup("msg", [...])`, ... (the `construct`
//! slot of `object`, inherited by every built-in type that registers none).

use std::cell::RefCell;
use std::rc::Rc;

use super::args::{count_range, index_arg, no_kwargs, reject_kwargs};
use super::numbers::{float_new, int_new};
use crate::iterators::{self, new_iter, IterState};
use crate::object::dict::{Dict, PySet};
use crate::object::exceptions::{type_error, value_error, Exception};
use crate::object::types::{type_of, TypeId};
use crate::object::value::tracked;
use crate::object::value::{Args, PyResult, Range, Value};
use crate::ops;
use crate::repr;
use crate::vm::Vm;

/// `float(x)` / `int(x)` of an instance whose class defines `__float__`
/// / `__int__`, or `__index__`: what it returns, checked as CPython does.
fn number_from_hook(vm: &mut Vm, t: TypeId, x: &Value) -> PyResult<Option<Value>> {
    if !crate::dunders::is_class_instance(x) {
        return Ok(None);
    }
    let own = if t == TypeId::Float {
        "__float__"
    } else {
        "__int__"
    };
    for hook in [own, "__index__"] {
        let Some(r) = crate::dunders::call_special(vm, x, hook, Vec::new())? else {
            continue;
        };
        return match (t, hook, r) {
            (TypeId::Float, "__float__", f @ Value::Float(_)) => Ok(Some(f)),
            (TypeId::Float, "__float__", other) => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_of(x).name(),
                type_of(&other).name()
            ))),
            (_, _, n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                Ok(Some(if t == TypeId::Float {
                    float_new(Args::new(vec![n]))?
                } else {
                    int_new(Args::new(vec![n]))?
                }))
            }
            (_, hook, other) => Err(type_error(format!(
                "{hook} returned non-int (type {})",
                type_of(&other).name()
            ))),
        };
    }
    Ok(None)
}

/// `t(*args, **kwargs)`.
pub fn construct(vm: &mut Vm, t: TypeId, mut args: Args) -> PyResult<Value> {
    if t.is_exception() {
        return exception_new(t, args);
    }
    if let (TypeId::Int | TypeId::Float, [x]) = (t, args.pos.as_slice()) {
        if args.kw.is_empty() {
            if let Some(v) = number_from_hook(vm, t, x)? {
                return Ok(v);
            }
        }
    }
    if matches!(t, TypeId::Int | TypeId::Float) {
        // `int(x)` of an instance of a subclass of int (or float, str).
        if let Some(first) = args.pos.first_mut() {
            *first = crate::object::instance::payload(first).clone();
        }
    }
    match t {
        TypeId::Int => int_new(args),
        TypeId::Float => float_new(args),
        TypeId::Complex => super::complex_methods::complex_new(vm, args),
        TypeId::Bool => {
            count_range("bool", &args, 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::Bool(ops::truthy(vm, v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        TypeId::Str => str_new(vm, args),
        TypeId::Bytes => bytes_new(vm, args),
        TypeId::MemoryView => super::memoryview_methods::memoryview_new(args),
        TypeId::ByteArray => {
            bytes_data(vm, args, "bytearray").map(crate::object::bytearray::ByteArray::value)
        }
        TypeId::List => {
            no_kwargs("list", &args)?;
            count_range("list", &args, 0, 1)?;
            match args.pos.first() {
                Some(v) => Ok(Value::list(iterators::collect(vm, v)?)),
                None => Ok(Value::list(Vec::new())),
            }
        }
        TypeId::Tuple => {
            no_kwargs("tuple", &args)?;
            count_range("tuple", &args, 0, 1)?;
            match args.pos.first() {
                Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
                Some(v) => Ok(Value::tuple(iterators::collect(vm, v)?)),
                None => Ok(Value::tuple(Vec::new())),
            }
        }
        TypeId::Set => {
            no_kwargs("set", &args)?;
            count_range("set", &args, 0, 1)?;
            let set = tracked(RefCell::new(PySet::new()));
            if let Some(v) = args.pos.first() {
                iterators::extend_set(vm, &set, v)?;
            }
            Ok(Value::Set(set))
        }
        TypeId::FrozenSet => {
            no_kwargs("frozenset", &args)?;
            count_range("frozenset", &args, 0, 1)?;
            match args.pos.first() {
                Some(v @ Value::Set(s)) if s.borrow().frozen => Ok(v.clone()),
                Some(v) => {
                    let set = tracked(RefCell::new(PySet::new()));
                    iterators::extend_set(vm, &set, v)?;
                    set.borrow_mut().frozen = true;
                    Ok(Value::Set(set))
                }
                None => Ok(Value::set(PySet::new().into_frozen())),
            }
        }
        TypeId::Dict => {
            if args.pos.len() > 1 {
                return Err(type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    args.pos.len()
                )));
            }
            let d = tracked(RefCell::new(Dict::new()));
            if let Some(src) = args.pos.first() {
                update_dict(vm, &d, src)?;
            }
            for (k, v) in args.kw.drain(..) {
                d.borrow_mut().insert(Value::Str(k), v)?;
            }
            Ok(Value::Dict(d))
        }
        TypeId::Range => {
            for v in args.pos.iter_mut() {
                if let Some(i) = crate::dunders::index(vm, v)? {
                    *v = i;
                }
            }
            range_new(args)
        }
        TypeId::Slice => {
            count_range("slice", &args, 1, 3)?;
            let p = &args.pos;
            let items = match p.len() {
                1 => [Value::None, p[0].clone(), Value::None],
                2 => [p[0].clone(), p[1].clone(), Value::None],
                _ => [p[0].clone(), p[1].clone(), p[2].clone()],
            };
            Ok(Value::Slice(crate::object::teardown::SliceRef(Rc::new(
                items,
            ))))
        }
        TypeId::Object => {
            if !args.pos.is_empty() || !args.kw.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            Ok(Value::Native(Rc::new(super::object_methods::PlainObject)))
        }
        TypeId::Enumerate => {
            let given = args.pos.len() + args.kw.len();
            if given > 2 {
                return Err(type_error(format!(
                    "enumerate() takes at most 2 arguments ({given} given)"
                )));
            }
            let start = args.take_kw("start");
            let iterable = args.take_kw("iterable");
            reject_kwargs("enumerate", &args)?;
            let mut pos = args.pos.into_iter();
            let Some(iterable) = pos.next().or(iterable) else {
                return Err(type_error(
                    "enumerate() missing required argument 'iterable'",
                ));
            };
            let count = pos.next().or(start).unwrap_or(Value::Int(0));
            if !matches!(count, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_of(&count).name()
                )));
            }
            let count = match count {
                Value::Bool(b) => Value::Int(b as i64),
                c => c,
            };
            let inner = iterators::get_iter(vm, &iterable)?;
            Ok(new_iter(IterState::Enumerate { inner, count }))
        }
        TypeId::Zip => {
            let strict = match args.take_kw("strict") {
                Some(v) => ops::truthy(vm, &v)?,
                None => false,
            };
            reject_kwargs("zip", &args)?;
            let mut iters = Vec::with_capacity(args.pos.len());
            for v in &args.pos {
                iters.push(iterators::get_iter(vm, v)?);
            }
            Ok(new_iter(IterState::Zip { iters, strict }))
        }
        TypeId::Map => {
            no_kwargs("map", &args)?;
            if args.pos.len() < 2 {
                return Err(type_error("map() must have at least two arguments."));
            }
            let func = args.pos[0].clone();
            let mut iters = Vec::new();
            for v in &args.pos[1..] {
                iters.push(iterators::get_iter(vm, v)?);
            }
            Ok(new_iter(IterState::Map { func, iters }))
        }
        TypeId::Filter => {
            no_kwargs("filter", &args)?;
            count_range("filter", &args, 2, 2)?;
            let inner = iterators::get_iter(vm, &args.pos[1])?;
            Ok(new_iter(IterState::Filter {
                func: args.pos[0].clone(),
                inner,
            }))
        }
        TypeId::Reversed => {
            no_kwargs("reversed", &args)?;
            count_range("reversed", &args, 1, 1)?;
            iterators::reversed(vm, &args.pos[0])
        }
        TypeId::NoneType => {
            count_range("NoneType", &args, 0, 0)?;
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "cannot create '{}' instances",
            other.qualified_name()
        ))),
    }
}

/// Merge a mapping or an iterable of pairs into `d` (`dict(x)`, `d.update(x)`).
pub fn update_dict(vm: &mut Vm, d: &RefCell<Dict>, src: &Value) -> PyResult<()> {
    if let Value::Dict(src) = crate::object::instance::payload(src) {
        if std::ptr::eq(&**src, d) {
            // `d.update(d)`: nothing to do, as CPython's `dict_merge` says.
            return Ok(());
        }
        let items = src.borrow().items();
        for (k, v) in items {
            crate::mapping::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    // Any other object with `keys()` is a mapping: its keys, then `src[key]`.
    match crate::attrs::get_attr(vm, src, "keys") {
        Ok(keys) => {
            let keys = vm.call(&keys, Args::new(Vec::new()))?;
            for k in iterators::collect(vm, &keys)? {
                let v = crate::ops::get_item(vm, src, &k)?;
                crate::mapping::dict_set(vm, d, k, v)?;
            }
            return Ok(());
        }
        Err(e) if e.is(TypeId::AttributeError) => {}
        Err(e) => return Err(e),
    }
    let it = iterators::get_iter(vm, src)?;
    let mut i = 0;
    while let Some(item) = iterators::next_item(vm, &it)? {
        let pair = match &item {
            Value::Tuple(_) | Value::List(_) | Value::Str(_) => iterators::collect(vm, &item)?,
            _ => {
                return Err(type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        let (k, v) = (
            pair.next().unwrap_or(Value::None),
            pair.next().unwrap_or(Value::None),
        );
        crate::mapping::dict_set(vm, d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn str_new(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let given = args.pos.len() + args.kw.len();
    if given > 3 {
        return Err(type_error(format!(
            "str() takes at most 3 arguments ({given} given)"
        )));
    }
    let object = args.take_kw("object");
    let encoding = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    reject_kwargs("str", &args)?;
    let mut pos = args.pos.into_iter();
    let object = pos.next().or(object);
    let encoding = super::misc_methods::str_argument("str", "encoding", pos.next().or(encoding))?;
    let errors = super::misc_methods::str_argument("str", "errors", pos.next().or(errors))?;
    // Either argument makes `str()` decode (UTF-8 unless an encoding is given).
    let encoding = encoding.or_else(|| errors.as_ref().map(|_| "utf-8".to_string()));
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    match (object, encoding) {
        (None, _) => Ok(Value::str("")),
        (Some(v), Some(encoding)) => match crate::object::bytearray::bytes_like(&v) {
            Some(b) => Ok(Value::string(super::codecs::decode(
                &b, &encoding, &errors,
            )?)),
            None => Err(type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                type_of(&v).name()
            ))),
        },
        (Some(Value::Str(s)), None) => Ok(Value::Str(s)),
        (Some(v), None) => Ok(Value::string(repr::str_of(vm, &v)?)),
    }
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bytes_data(vm, args, "bytes").map(|b| Value::Bytes(Rc::from(b)))
}

/// What `bytes(...)` or `bytearray(...)` (`kind`) holds: nothing, a str's
/// UTF-8, a bytes-like value's bytes, `n` zeros, or the ints of an iterable.
pub(super) fn bytes_data(vm: &mut Vm, mut args: Args, kind: &str) -> PyResult<Vec<u8>> {
    let given = args.pos.len() + args.kw.len();
    if given > 3 {
        return Err(type_error(format!(
            "{kind}() takes at most 3 arguments ({given} given)"
        )));
    }
    let source_kw = args.take_kw("source");
    let encoding_kw = args.take_kw("encoding");
    let errors_kw = args.take_kw("errors");
    reject_kwargs(kind, &args)?;
    let mut pos = args.pos.into_iter();
    let source = pos.next().or(source_kw);
    let encoding = super::misc_methods::str_argument(kind, "encoding", pos.next().or(encoding_kw))?;
    match (&source, &encoding) {
        (Some(Value::Str(_)), None) => {
            return Err(type_error("string argument without an encoding"))
        }
        (Some(Value::Str(_)), Some(_)) | (None, None) => {}
        (None, Some(_)) => return Err(type_error("encoding without a string argument")),
        (Some(_), Some(_)) => return Err(type_error("encoding without a string argument")),
        (Some(_), None) => {}
    }
    let errors = super::misc_methods::str_argument(kind, "errors", pos.next().or(errors_kw))?
        .unwrap_or_else(|| "strict".to_string());
    match source {
        None => Ok(Vec::new()),
        Some(Value::Str(s)) => {
            let encoding = encoding.as_deref().unwrap_or("utf-8");
            super::codecs::encode(&s, encoding, &errors)
        }
        Some(n @ (Value::Int(_) | Value::Bool(_))) => {
            let n = index_arg(&n)?;
            if n < 0 {
                return Err(value_error("negative count"));
            }
            if n as usize > vm.limits.max_sequence_len {
                return Err(crate::object::exceptions::exc_empty(TypeId::MemoryError));
            }
            vm.check_size(n as usize)?;
            Ok(vec![0u8; n as usize])
        }
        Some(v) => {
            if let Some(b) = crate::object::bytearray::bytes_like(&v) {
                return Ok(b.to_vec());
            }
            let items = iterators::collect(vm, &v).map_err(|_| {
                type_error(format!(
                    "cannot convert '{}' object to {kind}",
                    type_of(&v).name()
                ))
            })?;
            let mut out = Vec::with_capacity(items.len());
            for i in items {
                match i {
                    Value::Int(n) if (0..256).contains(&n) => out.push(n as u8),
                    Value::Int(_) if kind == "bytes" => {
                        return Err(value_error("bytes must be in range(0, 256)"))
                    }
                    Value::Int(_) => return Err(value_error("byte must be in range(0, 256)")),
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_of(&other).name()
                        )))
                    }
                }
            }
            Ok(out)
        }
    }
}

fn range_new(args: Args) -> PyResult<Value> {
    no_kwargs("range", &args)?;
    count_range("range", &args, 1, 3)?;
    let mut n = Vec::with_capacity(3);
    for v in &args.pos {
        n.push(index_arg(v)?);
    }
    let (start, stop, step) = match n.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => (0, 0, 1),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

/// `SomeError(*args)`, and the validation of exception groups.
fn exception_new(t: TypeId, args: Args) -> PyResult<Value> {
    let group = t == TypeId::ExceptionGroup || t == TypeId::BaseExceptionGroup;
    if group && args.pos.len() != 2 {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len()
        )));
    }
    let no_keywords = || {
        if args.kw.is_empty() {
            Ok(())
        } else {
            Err(type_error(format!(
                "{}() takes no keyword arguments",
                t.name()
            )))
        }
    };
    if group {
        // __new__ validates the arguments before __init__ refuses keywords.
        let g = group_new(t, args.pos.to_vec())?;
        no_keywords()?;
        return Ok(g);
    }
    if t.is_subclass(TypeId::ImportError) {
        let e = Exception::new(t, args.pos.into_vec());
        crate::object::exceptions::init_import_error(&e, args.kw)?;
        return Ok(Value::Exception(e));
    }
    no_keywords()?;
    let t = match (t, args.pos.as_slice()) {
        (TypeId::OSError, [Value::Int(errno), _, ..]) => os_error_subclass(*errno),
        (TypeId::OSError, [Value::Bool(errno), _, ..]) => os_error_subclass(*errno as i64),
        _ => t,
    };
    Ok(Value::Exception(Exception::new(t, args.pos.into_vec())))
}

/// `OSError(errno, ...)` builds the subclass for that errno (Linux numbers).
fn os_error_subclass(errno: i64) -> TypeId {
    match errno {
        11 | 114 | 115 => TypeId::BlockingIOError,
        10 => TypeId::ChildProcessError,
        32 | 108 => TypeId::BrokenPipeError,
        103 => TypeId::ConnectionAbortedError,
        111 => TypeId::ConnectionRefusedError,
        104 => TypeId::ConnectionResetError,
        17 => TypeId::FileExistsError,
        2 => TypeId::FileNotFoundError,
        21 => TypeId::IsADirectoryError,
        20 => TypeId::NotADirectoryError,
        4 => TypeId::InterruptedError,
        1 | 13 => TypeId::PermissionError,
        3 => TypeId::ProcessLookupError,
        110 => TypeId::TimeoutError,
        _ => TypeId::OSError,
    }
}

fn group_new(t: TypeId, args: Vec<Value>) -> PyResult<Value> {
    if !matches!(args[0], Value::Str(_)) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            super::misc_methods::none_or_type(&args[0])
        )));
    }
    let members: Vec<Value> = match &args[1] {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Range(_) | Value::Str(_) | Value::Bytes(_) => vec![Value::None],
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    if members.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, m) in members.iter().enumerate() {
        match m {
            Value::Exception(e) => all_exceptions &= e.is(TypeId::Exception),
            _ => {
                return Err(value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )))
            }
        }
    }
    let typ = match t {
        TypeId::BaseExceptionGroup if all_exceptions => TypeId::ExceptionGroup,
        TypeId::ExceptionGroup if !all_exceptions => {
            return Err(type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ))
        }
        t => t,
    };
    Ok(Value::Exception(Exception::new(typ, args)))
}

/// `types.ModuleType(name, doc=None)`: an empty module, its namespace as
/// CPython's `module.__init__` fills it (no file; `__loader__` None, so its
/// repr is `<module 'name'>`).
pub fn module_new(_: &mut Vm, _: TypeId, mut args: Args) -> PyResult<Value> {
    super::args::takes_range("module", &args, 0, 2)?;
    let name = match args.take_kw("name") {
        Some(v) => Some(v),
        None if !args.pos.is_empty() => Some(args.pos.remove(0)),
        None => None,
    };
    let doc = args.take_kw("doc").or_else(|| args.pos.pop());
    reject_kwargs("module", &args)?;
    let name = match name {
        Some(Value::Str(s)) => s,
        Some(other) => {
            return Err(type_error(format!(
                "module() argument 'name' must be str, not {}",
                type_of(&other).name()
            )))
        }
        None => {
            return Err(type_error(
                "module() missing required argument 'name' (pos 1)",
            ))
        }
    };
    let module = crate::object::value::Module::new(&name, "");
    {
        let mut attrs = module.attrs.borrow_mut();
        attrs.insert_str("__name__", Value::Str(name));
        attrs.insert_str("__doc__", doc.unwrap_or(Value::None));
        for key in ["__package__", "__loader__", "__spec__"] {
            attrs.insert_str(key, Value::None);
        }
    }
    Ok(Value::Module(module))
}
