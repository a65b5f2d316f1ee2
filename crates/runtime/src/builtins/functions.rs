//! The built-in functions that are not types: `print`, `len`, `max`,
//! `sorted`, `isinstance`, `next`, ...

use std::rc::Rc;

use loopscope_syntax::ast::{BinOp, CmpOp};
use num_traits::Signed;

use super::args::{count_range, exactly_one, index_arg, no_kwargs, reject_kwargs, takes_range};
use super::{arithmetic, numbers, sort};
use crate::attrs;
use crate::format::{format_value, int_value};
use crate::iterators::{self, view_len};
use crate::modules::output_stream;
use crate::object::exceptions::{exc, exc_empty, type_error, value_error};
use crate::object::pystr::PyStr;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{Args, NativeFn, PyResult, Value};
use crate::ops;
use crate::repr;
use crate::trace::Stream;
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr_fn),
    ("ascii", ascii_fn),
    ("abs", arithmetic::abs),
    ("__import__", import),
    ("round", numbers::round),
    ("divmod", arithmetic::divmod),
    ("pow", arithmetic::pow),
    ("hash", hash),
    ("id", id),
    ("callable", callable),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("format", format),
    ("input", input),
    ("open", open),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("iter", iter),
    ("next", next),
    ("aiter", aiter),
    ("globals", globals),
    ("locals", locals),
    ("dir", super::dir::dir),
    ("eval", super::dynamic_code::eval),
    ("exec", super::dynamic_code::exec),
    ("compile", super::dynamic_code::compile),
    ("anext", anext),
    ("any", any),
    ("all", all),
    ("sum", sum),
    ("max", max),
    ("min", min),
    ("sorted", sorted),
];

fn print(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let text_kw = |v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(type_error(format!(
                "{what} must be None or a string, not {}",
                type_of(&other).name()
            ))),
        }
    };
    let sep = text_kw(args.take_kw("sep"), "sep", " ")?;
    let end = text_kw(args.take_kw("end"), "end", "\n")?;
    let file = args.take_kw("file");
    args.take_kw("flush");
    reject_kwargs("print", &args)?;
    let mut text = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        let piece = repr::str_of(vm, v)?;
        // The line is written at once: growing it makes a new buffer of its whole
        // size, checked against the memory budget first (`print(*[s] * 1000)`).
        let grown = text.len() + piece.len();
        if grown >= crate::vm::SMALL_RESULT_BYTES {
            vm.check_memory_for(grown)?;
        }
        text.push_str(&piece);
    }
    text.push_str(&end);
    write_to(vm, file, Stream::Stdout, &text)?;
    vm.unless_halted()?;
    Ok(Value::None)
}

/// Write `text` to `file=` as `print(file=...)` does: no file (or None)
/// is whatever `sys.stdout` (or `sys.stderr`, the `default`) is now.
pub fn write_to(vm: &mut Vm, file: Option<Value>, default: Stream, text: &str) -> PyResult<()> {
    let file = match file {
        None | Some(Value::None) => crate::modules::replaced_stream(vm, default),
        given => given,
    };
    match file {
        None => vm.write(default, text),
        Some(f) => match output_stream(&f) {
            Some(stream) => vm.write(stream, text),
            None => {
                let write = attrs::get_attr(vm, &f, "write")?;
                vm.call1(&write, Value::str(text))?;
            }
        },
    }
    Ok(())
}

/// `len(v)` as a number (used by methods too).
fn len(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("len", &args)?;
    Ok(Value::Int(ops::len(vm, &v)? as i64))
}

/// `repr(v)`: a built-in of one argument, which CPython calls under a recursion
/// check of its own (`PRECALL_BUILTIN_O`), a level below the repr's.
fn repr_fn(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("repr", &args)?;
    let text = vm.recursing(crate::vm::WHILE_CALLING, |vm| repr::repr(vm, &v))?;
    Ok(Value::str(&text))
}

/// `ascii(v)`, counted as `repr(v)` is.
fn ascii_fn(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("ascii", &args)?;
    let text = vm.recursing(crate::vm::WHILE_CALLING, |vm| repr::ascii(vm, &v))?;
    Ok(Value::str(&text))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the
/// top-level package, or the module itself when `fromlist` is not empty.
fn import(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let mut named = ["fromlist", "level"].map(|k| args.take_kw(k));
    reject_kwargs("__import__", &args)?;
    takes_range("__import__", &args, 1, 5)?;
    let mut positional = args.pos.into_iter();
    let name = positional.next().expect("at least one argument");
    let mut rest = positional.skip(2);
    for slot in &mut named {
        if let Some(v) = rest.next() {
            *slot = Some(v);
        }
    }
    let [fromlist, level] = named;
    let Value::Str(name) = name else {
        return Err(type_error(format!(
            "module name must be str, not {}",
            type_of(&name).name()
        )));
    };
    if matches!(level, Some(Value::Int(l)) if l != 0) {
        return Err(exc(
            TypeId::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let from = match fromlist {
        None | Some(Value::None) => false,
        Some(list) => crate::ops::truthy(vm, &list)?,
    };
    if from {
        vm.import(&name)
    } else {
        vm.import_top(&name)
    }
}

fn hash(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("hash", &args)?;
    // A built-in of one argument: CPython counts a level of recursion for the call.
    let hash = vm.recursing(crate::vm::WHILE_CALLING, |vm| ops::hash(vm, &v))?;
    Ok(Value::Int(hash))
}

fn id(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("id", &args)?;
    Ok(Value::Int(crate::object::value::address_of(&v) as i64))
}

fn callable(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("callable", &args)?;
    Ok(Value::Bool(vm.is_callable(&v)))
}

fn chr(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("chr", &args)?;
    let n = match &v {
        Value::Float(_) | Value::Str(_) | Value::None => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(&v).name()
            )))
        }
        Value::BigInt(_) => {
            return Err(exc(
                TypeId::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
        _ => index_arg(&v)?,
    };
    match u32::try_from(n).ok().filter(|n| *n < 0x110000) {
        Some(n) => Ok(Value::str(
            &char::from_u32(n)
                .unwrap_or(char::REPLACEMENT_CHARACTER)
                .to_string(),
        )),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("ord", &args)?;
    match &v {
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_of(other).name()
        ))),
    }
}

fn radix_text(vm: &mut Vm, name: &str, args: &Args, radix: u32, prefix: &str) -> PyResult<Value> {
    let v = exactly_one(name, args)?;
    let v = crate::dunders::index(vm, &v)?.unwrap_or(v);
    let Some(n) = int_value(&v) else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(&v).name()
        )));
    };
    vm.check_size(crate::format::most_digits(&n))?;
    let sign = if n.is_negative() { "-" } else { "" };
    Ok(Value::string(format!(
        "{sign}{prefix}{}",
        n.magnitude().to_str_radix(radix)
    )))
}

fn hex(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    radix_text(vm, "hex", &args, 16, "0x")
}

fn oct(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    radix_text(vm, "oct", &args, 8, "0o")
}

fn bin(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    radix_text(vm, "bin", &args, 2, "0b")
}

fn format(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("format", &args, 1, 2)?;
    let spec = match args.pos.get(1) {
        None => PyStr::rc(""),
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                super::misc_methods::none_or_type(other)
            )))
        }
    };
    Ok(Value::str(&format_value(vm, &args.pos[0], &spec)?))
}

/// `input([prompt])` as CPython's does when stdin is not a terminal: the prompt
/// goes to `sys.stdout`, the line comes from `sys.stdin.readline()` (a simulated
/// program's stdin is empty, so EOFError, unless the program replaced it).
fn input(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("input", &args, 0, 1)?;
    let Value::Module(sys) = vm.import("sys")? else {
        return Err(exc(TypeId::RuntimeError, "input(): lost sys.stdin"));
    };
    let stdin = sys.attrs.borrow().get_str("stdin");
    let stdin = match stdin {
        Some(v) if !v.is_none() => v,
        _ => return Err(exc(TypeId::RuntimeError, "input(): lost sys.stdin")),
    };
    if let Some(prompt) = args.pos.first() {
        let text = repr::str_of(vm, prompt)?;
        write_to(vm, None, Stream::Stdout, &text)?;
    }
    let readline = attrs::get_attr(vm, &stdin, "readline")?;
    let line = match vm.call(&readline, Args::default())? {
        Value::Str(line) => line,
        _ => return Err(type_error("object.readline() returned non-string")),
    };
    if line.is_empty() {
        return Err(exc(TypeId::EOFError, "EOF when reading a line"));
    }
    Ok(Value::str(line.strip_suffix('\n').unwrap_or(&line)))
}

/// `open()`: a simulated program has no file system.
fn open(_vm: &mut Vm, _: &Value, _args: Args) -> PyResult<Value> {
    Err(exc(
        TypeId::NotImplementedError,
        "open() is not simulated: Loopscope programs have no file system",
    ))
}

fn attr_name(v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            type_of(other).name()
        ))),
    }
}

fn getattr(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("getattr", &args, 2, 3)?;
    let name = attr_name(&args.pos[1])?;
    match attrs::get_attr(vm, &args.pos[0], &name) {
        Err(e) if e.is(TypeId::AttributeError) && args.pos.len() == 3 => Ok(args.pos[2].clone()),
        r => r,
    }
}

fn setattr(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("setattr", &args, 3, 3)?;
    let name = attr_name(&args.pos[1])?;
    attrs::set_attr(vm, &args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("delattr", &args, 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    attrs::del_attr(vm, &args.pos[0], &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("hasattr", &args, 2, 2)?;
    let name = attr_name(&args.pos[1])?;
    match attrs::get_attr(vm, &args.pos[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(TypeId::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn isinstance(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("isinstance", &args, 2, 2)?;
    is_instance(vm, &args.pos[0], &args.pos[1]).map(Value::Bool)
}

fn issubclass(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("issubclass", &args, 2, 2)?;
    is_subclass(vm, &args.pos[0], &args.pos[1]).map(Value::Bool)
}

/// `isinstance(obj, cls)`: `cls` a class, a tuple of them (nested), or
/// any object whose type defines `__instancecheck__` (a metaclass's, or
/// typing's aliases').
fn is_instance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(members) = crate::object::union::members(cls) {
        return is_instance(vm, obj, &Value::tuple(members));
    }
    let t = type_of(obj);
    match cls {
        Value::Type(c) if t.is(c) => return Ok(true),
        Value::Tuple(items) => {
            for item in items.iter() {
                if is_instance(vm, obj, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        _ => {}
    }
    if let Some(answer) = check_hook(vm, cls, "__instancecheck__", obj)? {
        return Ok(answer);
    }
    match cls {
        Value::Type(c) if t.is_subclass(c) => Ok(true),
        Value::Type(c) => claimed_class_is_subclass(vm, obj, &t, c),
        _ => Err(type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

/// CPython's last resort in `isinstance`: the class `obj.__class__` claims to be, when its
/// class overrides `__class__` (unittest.mock's mocks made with a `spec` claim the spec's).
fn claimed_class_is_subclass(
    vm: &mut Vm,
    obj: &Value,
    t: &TypeRef,
    cls: &TypeRef,
) -> PyResult<bool> {
    if !crate::dunders::is_class_instance(obj) || t.lookup_override("__class__").is_none() {
        return Ok(false);
    }
    match crate::attrs::get_attr(vm, obj, "__class__") {
        Ok(Value::Type(claimed)) if !claimed.is(t) => Ok(claimed.is_subclass(cls)),
        Ok(_) => Ok(false),
        Err(e) if e.is(TypeId::AttributeError) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `issubclass(sub, cls)`, with `cls` as for [`is_instance`] and the
/// `__subclasscheck__` hook.
fn is_subclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(members) = crate::object::union::members(cls) {
        return is_subclass(vm, sub, &Value::tuple(members));
    }
    if let Value::Tuple(items) = cls {
        for item in items.iter() {
            if is_subclass(vm, sub, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(answer) = check_hook(vm, cls, "__subclasscheck__", sub)? {
        return Ok(answer);
    }
    match (sub, cls) {
        (Value::Type(t), Value::Type(c)) => Ok(t.is_subclass(c)),
        (_, Value::Type(_)) => Err(type_error("issubclass() arg 1 must be a class")),
        _ => Err(type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        )),
    }
}

/// What the type of `cls` answers through `hook` (`__instancecheck__`,
/// `__subclasscheck__`) when Python code defines it.
fn check_hook(vm: &mut Vm, cls: &Value, hook: &str, arg: &Value) -> PyResult<Option<bool>> {
    let Some(check) = type_of(cls).lookup_override(hook) else {
        return Ok(None);
    };
    let answer = vm.call_method(&check, cls, Args::new(vec![arg.clone()]))?;
    crate::ops::truthy(vm, &answer).map(Some)
}

fn iter(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("iter", &args, 1, 2)?;
    if let Some(sentinel) = args.pos.get(1) {
        let func = &args.pos[0];
        if !vm.is_callable(func) {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        return Ok(iterators::new_iter(iterators::IterState::Callable {
            func: Some(func.clone()),
            sentinel: sentinel.clone(),
        }));
    }
    iterators::get_iter(vm, &args.pos[0])
}

/// `globals()`: the calling frame's module namespace (the dict itself).
fn globals(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    super::args::no_args("globals", &args)?;
    let f = vm.frames.last().expect("frame");
    Ok(Value::Dict(f.globals.attrs.clone()))
}

/// `locals()`: the class namespace or the module's in a class body or at
/// module level; in a function, the frame's locals dict refreshed with its
/// variables (CPython's `PyFrame_FastToLocals`: bound ones set, unbound ones
/// removed, other keys kept).
pub(super) fn locals(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    super::args::no_args("locals", &args)?;
    let f = vm.frames.last_mut().expect("frame");
    Ok(frame_locals(f))
}

/// The locals mapping of frame `f` (see [`locals`]).
pub fn frame_locals(f: &mut crate::object::frame::Frame) -> Value {
    if let Some(ns) = &f.namespace {
        return ns.value();
    }
    if !f.code.is_function() {
        return Value::Dict(f.globals.attrs.clone());
    }
    let dict = f
        .locals_dict
        .get_or_insert_with(|| crate::object::value::tracked(Default::default()))
        .clone();
    let mut d = dict.borrow_mut();
    let cells = f.cells.iter().map(|c| c.borrow().clone());
    let values = f.locals.iter().cloned().chain(cells);
    let names = f
        .code
        .varnames
        .iter()
        .chain(&f.code.cellvars)
        .chain(&f.code.freevars);
    for (name, value) in names.zip(values) {
        match value {
            Some(v) => d.insert_str(name, v),
            None => {
                d.remove_str(name);
            }
        }
    }
    drop(d);
    Value::Dict(dict)
}

fn aiter(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("aiter", &args)?;
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "aiter() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    vm.aiter(&args.pos[0])
}

fn anext(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("anext", &args)?;
    match args.pos.len() {
        0 => Err(type_error("anext expected at least 1 argument, got 0")),
        1 | 2 => vm.anext(&args.pos[0], args.pos.get(1).cloned()),
        n => Err(type_error(format!(
            "anext expected at most 2 arguments, got {n}"
        ))),
    }
}

fn next(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("next", &args, 1, 2)?;
    let it = &args.pos[0];
    if crate::dunders::is_class_instance(it) {
        return match crate::dunders::call_special(vm, it, "__next__", Vec::new()) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(type_error(format!(
                "'{}' object is not an iterator",
                type_of(it).name()
            ))),
            Err(e) if e.is(TypeId::StopIteration) && args.pos.len() == 2 => Ok(args.pos[1].clone()),
            Err(e) => Err(e),
        };
    }
    let is_iterator = match it {
        Value::Generator(g) => g.is_sync_gen(),
        Value::Iter(state) => view_len(&state.borrow()).is_none(),
        _ => false,
    };
    if !is_iterator {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            iterators::type_name(it)
        )));
    }
    if let Value::Generator(g) = it {
        // Keep the generator's return value in the StopIteration.
        return match vm.resume(g, crate::vm::Resume::Value(Value::None)) {
            crate::vm::GenOutcome::Yielded(v) => Ok(v),
            crate::vm::GenOutcome::Returned(v) => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::object::exceptions::stop_iteration(v)),
            },
            crate::vm::GenOutcome::Raised(e) => match args.pos.get(1) {
                Some(d) if e.class == TypeId::StopIteration => Ok(d.clone()),
                _ => Err(e),
            },
        };
    }
    match iterators::next_item(vm, it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(exc_empty(TypeId::StopIteration)),
        },
    }
}

fn any(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("any", &args)?;
    let it = iterators::get_iter(vm, &v)?;
    while let Some(x) = iterators::next_item(vm, &it)? {
        if ops::truthy(vm, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let v = exactly_one("all", &args)?;
    let it = iterators::get_iter(vm, &v)?;
    while let Some(x) = iterators::next_item(vm, &it)? {
        if !ops::truthy(vm, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn sum(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    reject_kwargs("sum", &args)?;
    if args.pos.is_empty() {
        return Err(type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    let given = args.pos.len() + start.is_some() as usize;
    if given > 2 {
        return Err(type_error(format!(
            "sum() takes at most 2 arguments ({given} given)"
        )));
    }
    let it = iterators::get_iter(vm, &args.pos[0])?;
    let mut acc = args.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    while let Some(x) = iterators::next_item(vm, &it)? {
        acc = ops::binary_op(vm, BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

fn max(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CmpOp::Gt)
}

fn min(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CmpOp::Lt)
}

fn min_max(vm: &mut Vm, mut args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    reject_kwargs(name, &args)?;
    // One argument is an iterable, consumed an item at a time as CPython's
    // min_max does (an endless one runs into the instruction limit, not memory).
    let iterator = match args.pos.len() {
        1 => iterators::get_iter(vm, &args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            iterators::get_iter(vm, &Value::tuple(std::mem::take(&mut args.pos).into_vec()))?
        }
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = iterators::next_item(vm, &iterator)? {
        let k = match &key {
            Some(f) => vm.call1(f, item.clone())?,
            None => item.clone(),
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let better = ops::compare_op(vm, op, &k, &bk)?;
                if ops::truthy(vm, &better)? {
                    (item, k)
                } else {
                    (bi, bk)
                }
            }
        });
    }
    match best {
        Some((item, _)) => Ok(item),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn sorted(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let key = args.take_kw("key");
    let reverse = args.take_kw("reverse");
    reject_kwargs("sort", &args)?;
    let mut items = iterators::collect(vm, &args.pos[0])?;
    sort::sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}
