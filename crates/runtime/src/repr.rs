//! `repr()`, `str()` and `ascii()` of every value, byte-identical to
//! CPython 3.11: string quoting and escapes, float digits (via
//! `loopscope_cpython`), container brackets, `[...]` for recursive
//! containers, and the `<... at 0x...>` forms with deterministic addresses.
//!
//! A class's `__repr__` / `__str__` run as Python code, wherever the object
//! is (inside a list, as a dict key...). Without a VM (destructors,
//! warnings, the trace), [`repr_value`] shows instances of classes in their
//! default form instead.

use std::cell::RefCell;
use std::rc::Rc;

use loopscope_cpython::float_repr::float_repr;

use crate::iterators::{DictPart, IterState};
use crate::object::exceptions::{exc, exc_empty, type_error, Exception};
use crate::object::instance::payload;
use crate::object::native::downcast;
use crate::object::set::PySet;
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::union::Union;
use crate::object::value::{address_of, Args, NativeFn, PyResult, Value};
use crate::quote::{escape_char, quote_bytes, quote_str};
use crate::vm::Vm;

/// Nesting depth past which `repr` gives up, like CPython's recursion limit.
const MAX_DEPTH: usize = 900;

/// The end of the RecursionError message of a repr CPython gives up on
/// (`PyObject_Repr`'s `_Py_EnterRecursiveCall`).
pub(crate) const WHILE_REPR: &str = " while getting the repr of an object";

/// The end of the RecursionError message of `PyObject_Str`'s recursion check.
pub(crate) const WHILE_STR: &str = " while getting the str of an object";

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let mut w = Writer::new(Some(vm), false);
    w.value(v)?;
    Ok(std::mem::take(&mut w.out))
}

/// `str(v)`.
pub fn str_of(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(_) | Value::Exception(_) | Value::Type(TypeRef::Class(_)) => {
            // `PyObject_Str` counts a level of recursion before it calls `__str__`,
            // or the type's repr directly (`object_str`, not `PyObject_Repr`).
            if let Some(f) = type_of(v).lookup_override("__str__") {
                return vm.recursing(WHILE_STR, |vm| call_text(vm, &f, v, "__str__"));
            }
            match (v, payload(v)) {
                (_, Value::Str(s)) => Ok(s.to_string()),
                (Value::Exception(e), _) => exception_str(Some(vm), e),
                // A native base type's own `__str__` (asyncio's queues) takes the instance.
                (_, Value::Native(obj)) => match special_slot(vm, obj.class_id(), "__str__") {
                    Some(str_slot) => match str_slot(vm, v, Args::new(Vec::new()))? {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => repr(vm, v),
                    },
                    None => repr(vm, v),
                },
                _ => {
                    let mut w = Writer::new(Some(vm), false);
                    w.check = WHILE_STR;
                    w.value(v)?;
                    Ok(std::mem::take(&mut w.out))
                }
            }
        }
        Value::Native(obj) => {
            // A native type with a `__str__` of its own (asyncio's queues).
            match special_slot(vm, obj.class_id(), "__str__") {
                Some(str_slot) => match str_slot(vm, v, Args::new(Vec::new()))? {
                    Value::Str(s) => Ok(s.to_string()),
                    _ => repr(vm, v),
                },
                None => repr(vm, v),
            }
        }
        _ => repr(vm, v),
    }
}

/// The native function a built-in type has for the special method `name`.
fn special_slot(vm: &Vm, t: TypeId, name: &str) -> Option<NativeFn> {
    let slots = vm.slots.get(t);
    slots
        .special
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
}

/// `ascii(v)`: `repr` with every non-ASCII character escaped.
pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let mut w = Writer::new(Some(vm), true);
    w.value(v)?;
    Ok(std::mem::take(&mut w.out))
}

/// `repr(v)` without a VM (destructors, warnings, the trace, `Debug`):
/// no Python code runs, so instances of classes show their default repr.
pub fn repr_value(v: &Value) -> String {
    let mut w = Writer::new(None, false);
    match w.value(v) {
        Ok(()) => std::mem::take(&mut w.out),
        Err(_) => "<...>".to_string(),
    }
}

/// Same as [`repr_value`]; used by `impl Debug for Value`.
pub fn debug_repr(v: &Value) -> String {
    repr_value(v)
}

/// `str(v)` without a VM.
pub fn str_value(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Exception(e) => exception_str(None, e),
        _ => {
            let mut w = Writer::new(None, false);
            w.value(v)?;
            Ok(std::mem::take(&mut w.out))
        }
    }
}

/// The result of a class's `__repr__` / `__str__`, which must be a str.
fn call_text(vm: &mut Vm, f: &Value, obj: &Value, what: &str) -> PyResult<String> {
    match crate::attrs::call_special_method(vm, f, obj, Args::default())? {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!(
            "{what} returned non-string (type {})",
            type_of(&other).name()
        ))),
    }
}

/// `str()` of a UnicodeDecodeError or UnicodeEncodeError made by a codec (its args
/// `(encoding, object, start, end, reason)`), as CPython's `UnicodeDecodeError_str` and
/// `UnicodeEncodeError_str` word it.
fn unicode_error_str(e: &Exception, args: &[Value]) -> Option<String> {
    let [Value::Str(encoding), object, Value::Int(start), Value::Int(end), Value::Str(reason)] =
        args
    else {
        return None;
    };
    let (start, end) = (usize::try_from(*start).ok()?, usize::try_from(*end).ok()?);
    let one = end == start + 1;
    if e.is(TypeId::UnicodeDecodeError) {
        let Value::Bytes(data) = object else {
            return None;
        };
        let what = match data.get(start) {
            Some(byte) if one => format!("byte 0x{byte:02x} in position {start}"),
            _ => format!("bytes in position {start}-{}", end.saturating_sub(1)),
        };
        return Some(format!("'{encoding}' codec can't decode {what}: {reason}"));
    }
    if e.is(TypeId::UnicodeEncodeError) {
        let Value::Str(text) = object else {
            return None;
        };
        let what = match text.chars().nth(start) {
            Some(c) if one => format!("character '{}' in position {start}", escape_char(c)),
            _ => format!("characters in position {start}-{}", end.saturating_sub(1)),
        };
        return Some(format!("'{encoding}' codec can't encode {what}: {reason}"));
    }
    None
}

/// `BaseException.__str__`: no args → `''`, one → `str(arg)` (`repr` for
/// KeyError), several → the args tuple's repr; groups add their member
/// count. With a VM, the args' own `__str__`/`__repr__` run.
pub fn exception_str(mut vm: Option<&mut Vm>, e: &Exception) -> PyResult<String> {
    let mut text_of = |v: &Value, as_repr: bool| -> PyResult<String> {
        match (vm.as_deref_mut(), as_repr) {
            (Some(vm), true) => repr(vm, v),
            (Some(vm), false) => str_of(vm, v),
            (None, true) => Ok(repr_value(v)),
            (None, false) => str_value(v),
        }
    };
    let args = e.args.borrow().clone();
    if e.is(TypeId::BaseExceptionGroup) {
        let message = match args.first() {
            Some(m) => text_of(m, false)?,
            None => String::new(),
        };
        let n = e.group_members().len();
        let plural = if n == 1 { "" } else { "s" };
        return Ok(format!("{message} ({n} sub-exception{plural})"));
    }
    if e.is(TypeId::OSError) && (2..=5).contains(&args.len()) {
        // `[Errno 2] No such file: 'name'`.
        let mut text = format!(
            "[Errno {}] {}",
            text_of(&args[0], false)?,
            text_of(&args[1], false)?
        );
        if let Some(filename) = args.get(2).filter(|f| !f.is_none()) {
            text.push_str(&format!(": {}", text_of(filename, true)?));
        }
        return Ok(text);
    }
    if let Some(text) = unicode_error_str(e, &args) {
        return Ok(text);
    }
    if let (true, [message, Value::Tuple(location)]) = (e.is(TypeId::SyntaxError), args.as_slice())
    {
        // `msg (file, line N)`, the file's base name only.
        let message = text_of(message, false)?;
        let file = match location.first() {
            Some(Value::Str(f)) => Some(f.rsplit('/').next().unwrap_or(f).to_string()),
            _ => None,
        };
        let line = match location.get(1) {
            Some(Value::Int(n)) => Some(*n),
            _ => None,
        };
        return Ok(match (file, line) {
            (Some(file), Some(line)) => format!("{message} ({file}, line {line})"),
            (Some(file), None) => format!("{message} ({file})"),
            (None, Some(line)) => format!("{message} (line {line})"),
            (None, None) => message,
        });
    }
    match args.as_slice() {
        [] => Ok(String::new()),
        [arg] if e.is(TypeId::KeyError) => text_of(arg, true),
        [arg] => text_of(arg, false),
        args => text_of(&Value::tuple(args.to_vec()), true),
    }
}

/// CPython 3.11's limit on decimal int conversions (`sys.int_info`).
/// `sys.int_info.default_max_str_digits`: the limit a run starts with.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `sys.int_info.str_digits_check_threshold`: the least limit but 0 (no limit).
pub const INT_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    /// The run's limit on decimal digits of int/str conversions
    /// (`sys.set_int_max_str_digits`; 0: none).
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(INT_MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()`.
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(std::cell::Cell::get)
}

/// `sys.set_int_max_str_digits(n)`, already checked (0, or at least the threshold);
/// a run starts with the default again.
pub fn set_int_max_str_digits(digits: usize) {
    MAX_STR_DIGITS.with(|m| m.set(digits));
}

/// `str(n)` for an int, refusing more digits than the run's limit.
pub fn int_to_decimal(n: &num_bigint::BigInt) -> PyResult<String> {
    check_int_digits(n)?;
    Ok(n.to_string())
}

/// The ValueError CPython raises before printing a too-long int in decimal.
pub fn check_int_digits(n: &num_bigint::BigInt) -> PyResult<()> {
    let limit = int_max_str_digits();
    if limit == 0 {
        return Ok(());
    }
    // As long_to_decimal_string: an int of many 30-bit digits is refused without
    // converting it (the conversion is quadratic) when it surely has too many decimal
    // digits; a smaller one is counted. An int under 2**(3.32 * limit) never is.
    let size = n.bits().div_ceil(30) as usize;
    let too_long = if size >= 10 * INT_STR_DIGITS_THRESHOLD / 90 + 2
        && limit / 90 <= (size.saturating_sub(11)) / 10
    {
        true
    } else {
        n.bits() as f64 * std::f64::consts::LOG10_2 > limit as f64 - 1.0
            && n.magnitude().to_string().len() > limit
    };
    if too_long {
        return Err(exc(
            TypeId::ValueError,
            format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ),
        ));
    }
    Ok(())
}

/// An exception's `args`: OSError keeps only errno and strerror when it was
/// also given a filename (3 to 5 arguments, the third not None).
pub fn visible_args(e: &Exception) -> Vec<Value> {
    let args = e.args.borrow();
    if e.is(TypeId::OSError) && (3..=5).contains(&args.len()) && !args[2].is_none() {
        args[..2].to_vec()
    } else {
        args.clone()
    }
}

/// The type of an unbound method (`str.upper`), whose receiver is
/// `(type, name)` (see `attrs::type_attr`).
fn unbound_owner(receiver: &Value, name: &str) -> Option<TypeId> {
    match receiver {
        Value::Tuple(parts) => match &parts[..] {
            [Value::Type(TypeRef::Builtin(t)), Value::Str(n)] if n.as_str() == name => Some(*t),
            _ => None,
        },
        _ => None,
    }
}

/// `text` with every non-ASCII character escaped (`ascii()`).
fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&escape_char(c));
        }
    }
    out
}

thread_local! {
    /// The containers being printed, by address, outermost first: one list for
    /// every repr under way, so a container reached again through a class's
    /// `__repr__` shows as `[...]` (CPython's `Py_ReprEnter` keeps this list per thread).
    static ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Accumulates a repr, tracking the containers being printed.
struct Writer<'v> {
    /// Runs classes' `__repr__`; without it they show their default form.
    vm: Option<&'v mut Vm>,
    out: String,
    ascii: bool,
    /// How many containers of [`ACTIVE`] were entered before this repr started.
    outer: usize,
    /// The recursion check the next class `__repr__` is called under: `PyObject_Repr`'s,
    /// or for the object a `str()` started with, `PyObject_Str`'s.
    check: &'static str,
}

impl Drop for Writer<'_> {
    /// Leaves the containers this repr entered, also when it failed half-way.
    fn drop(&mut self) {
        let outer = self.outer;
        let _ = ACTIVE.try_with(|active| active.borrow_mut().truncate(outer));
    }
}

impl<'v> Writer<'v> {
    fn new(vm: Option<&'v mut Vm>, ascii: bool) -> Writer<'v> {
        Writer {
            vm,
            out: String::new(),
            ascii,
            outer: ACTIVE.with(|active| active.borrow().len()),
            check: WHILE_REPR,
        }
    }

    /// An instance of a class (or an exception of one): its class's
    /// `__repr__`, else its payload's repr, else the default form. The call
    /// counts a level of recursion, as `PyObject_Repr` does before its frame.
    fn instance(&mut self, v: &Value) -> PyResult<()> {
        let t = type_of(v);
        let check = std::mem::replace(&mut self.check, WHILE_REPR);
        if let (Some(f), Some(vm)) = (t.lookup_override("__repr__"), self.vm.as_deref_mut()) {
            let text = vm.recursing(check, |vm| call_text(vm, &f, v, "__repr__"))?;
            let text = if self.ascii {
                ascii_escape(&text)
            } else {
                text
            };
            self.out.push_str(&text);
            return Ok(());
        }
        match (v, payload(v)) {
            (Value::Exception(e), _) => self.exception(e),
            (Value::Type(class), _) => {
                self.out.push_str(&class.repr());
                Ok(())
            }
            // `set_repr`: a subclass's instance shows its type's name.
            (_, Value::Set(s)) if !payload(v).is(v) => self.set(&s.clone(), Some(&t.name())),
            // A native base type's own `__repr__` (asyncio's queues and locks)
            // takes the instance, whose class it names.
            (_, Value::Native(obj)) if self.vm.is_some() => {
                let vm = self.vm.as_deref_mut().expect("checked above");
                match special_slot(vm, obj.class_id(), "__repr__") {
                    Some(repr_slot) => {
                        if let Value::Str(text) = repr_slot(vm, v, Args::new(Vec::new()))? {
                            self.out.push_str(&text);
                        }
                        Ok(())
                    }
                    None => self.value(&Value::Native(obj.clone())),
                }
            }
            (_, inner) if !inner.is(v) => self.value(&inner.clone()),
            _ => {
                let module = t.module();
                let prefix = match module.as_ref() {
                    "builtins" => String::new(),
                    m => format!("{m}."),
                };
                self.out.push_str(&format!(
                    "<{prefix}{} object at {:#x}>",
                    t.qualname(),
                    address_of(v)
                ));
                Ok(())
            }
        }
    }

    /// `set_repr`: `{1, 2}`, `set()`, and with the type's name around the
    /// braces when it is not exactly `set` (`frozenset({1, 2})`, `S({1})`).
    fn set(&mut self, s: &Rc<RefCell<PySet>>, type_name: Option<&str>) -> PyResult<()> {
        let (items, frozen) = {
            let s = s.borrow();
            (s.items(), s.frozen)
        };
        let name = type_name.unwrap_or(if frozen { "frozenset" } else { "set" });
        if items.is_empty() {
            self.out.push_str(name);
            self.out.push_str("()");
            return Ok(());
        }
        if !self.enter(Rc::as_ptr(s) as *const u8 as usize)? {
            self.out.push_str(name);
            self.out.push_str("(...)");
            return Ok(());
        }
        let named = name != "set";
        if named {
            self.out.push_str(name);
            self.out.push('(');
        }
        self.out.push('{');
        self.items(items.iter())?;
        self.out.push('}');
        if named {
            self.out.push(')');
        }
        self.leave();
        Ok(())
    }

    /// `int | list[str] | None`: members that are not types by their repr.
    fn union(&mut self, union: &Union) -> PyResult<()> {
        for (i, member) in union.members.iter().enumerate() {
            if i > 0 {
                self.out.push_str(" | ");
            }
            match crate::object::union::member_name(member) {
                Some(name) => self.out.push_str(&name),
                None => self.value(member)?,
            }
        }
        Ok(())
    }

    /// `Name(args)`.
    fn exception(&mut self, e: &Exception) -> PyResult<()> {
        self.out.push_str(&e.class.name());
        let args = visible_args(e);
        self.out.push('(');
        self.items(args.iter())?;
        self.out.push(')');
        Ok(())
    }

    /// Enter a container; `false` when it is already being printed.
    fn enter(&mut self, ptr: usize) -> PyResult<bool> {
        ACTIVE.with(|active| {
            let mut active = active.borrow_mut();
            if active.contains(&ptr) {
                return Ok(false);
            }
            if active.len() - self.outer >= MAX_DEPTH {
                return Err(exc(
                    TypeId::RecursionError,
                    format!("maximum recursion depth exceeded{WHILE_REPR}"),
                ));
            }
            active.push(ptr);
            Ok(true)
        })
    }

    fn leave(&mut self) {
        ACTIVE.with(|active| active.borrow_mut().pop());
    }

    fn items<'a>(&mut self, items: impl Iterator<Item = &'a Value>) -> PyResult<()> {
        for (i, v) in items.enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.value(v)?;
        }
        Ok(())
    }

    /// Writes `v`, then refuses (MemoryError) a repr grown past the size cap:
    /// a structure sharing one part at every level (`l = [l, l]` forty times)
    /// has a repr of terabytes, as repeated reprs of a string do.
    fn value(&mut self, v: &Value) -> PyResult<()> {
        self.write(v)?;
        match self.vm.as_deref_mut() {
            Some(vm) => vm.check_size(self.out.len()),
            None if self.out.len() > crate::limits::Limits::default().max_sequence_len => {
                Err(exc_empty(TypeId::MemoryError))
            }
            None => Ok(()),
        }
    }

    fn write(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("None"),
            Value::Ellipsis => self.out.push_str("Ellipsis"),
            Value::Bool(b) => self.out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::BigInt(b) => self.out.push_str(&int_to_decimal(b)?),
            Value::Float(f) => self.out.push_str(&float_repr(*f)),
            Value::Complex(x, y) => self
                .out
                .push_str(&loopscope_cpython::complex::repr((*x, *y))),
            Value::Str(s) => self.out.push_str(&quote_str(s, self.ascii)),
            Value::Bytes(b) => self.out.push_str(&quote_bytes(b)),
            Value::MemoryView(m) => {
                let released = if m.released.get() { "released " } else { "" };
                let address = crate::object::value::address_of(v);
                self.out
                    .push_str(&format!("<{released}memory at {address:#x}>"));
            }
            Value::ByteArray(b) => {
                self.out.push_str("bytearray(");
                self.out.push_str(&quote_bytes(&b.data.borrow()));
                self.out.push(')');
            }
            Value::Tuple(t) => {
                if !self.enter(t.as_ptr() as usize)? {
                    self.out.push_str("(...)");
                    return Ok(());
                }
                self.out.push('(');
                self.items(t.iter())?;
                if t.len() == 1 {
                    self.out.push(',');
                }
                self.out.push(')');
                self.leave();
            }
            Value::List(l) => {
                if !self.enter(std::rc::Rc::as_ptr(l) as *const u8 as usize)? {
                    self.out.push_str("[...]");
                    return Ok(());
                }
                let items = l.borrow().clone();
                self.out.push('[');
                self.items(items.iter())?;
                self.out.push(']');
                self.leave();
            }
            Value::Dict(d) => {
                if !self.enter(std::rc::Rc::as_ptr(d) as *const u8 as usize)? {
                    self.out.push_str("{...}");
                    return Ok(());
                }
                let items = d.borrow().items();
                self.out.push('{');
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.value(k)?;
                    self.out.push_str(": ");
                    self.value(v)?;
                }
                self.out.push('}');
                self.leave();
            }
            Value::Set(s) => self.set(s, None)?,
            Value::Range(r) => {
                if r.step == 1 {
                    self.out
                        .push_str(&format!("range({}, {})", r.start, r.stop));
                } else {
                    self.out
                        .push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
                }
            }
            Value::Slice(s) => {
                self.out.push_str("slice(");
                self.items(s.iter())?;
                self.out.push(')');
            }
            Value::Function(f) => {
                let addr = address_of(v);
                self.out
                    .push_str(&format!("<function {} at {addr:#x}>", f.qualname()));
            }
            Value::Builtin(b) => {
                if let Some(owner) = unbound_owner(&b.receiver, b.name) {
                    self.out.push_str(&format!(
                        "<method '{}' of '{}' objects>",
                        b.name,
                        owner.name()
                    ));
                } else if b.receiver.is_none() {
                    self.out
                        .push_str(&format!("<built-in function {}>", b.name));
                } else {
                    let text = format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name,
                        type_of(&b.receiver).name(),
                        address_of(&b.receiver)
                    );
                    self.out.push_str(&text);
                }
            }
            Value::Generator(g) => self.out.push_str(&g.repr()),
            Value::Type(t) => match &t {
                // A class whose metaclass may define `__repr__`.
                TypeRef::Class(c) if matches!(c.metaclass, TypeRef::Class(_)) => {
                    self.instance(v)?
                }
                _ => self.out.push_str(&t.repr()),
            },
            Value::Exception(e) => match &e.class {
                TypeRef::Builtin(_) => self.exception(e)?,
                TypeRef::Class(_) => self.instance(v)?,
            },
            Value::Instance(_) => self.instance(v)?,
            Value::Method(m) => {
                let name = match &m.func {
                    Value::Function(f) => f.qualname().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    other => type_of(other).name().into_owned(),
                };
                self.out.push_str(&format!("<bound method {name} of "));
                self.value(&m.receiver.clone())?;
                self.out.push('>');
            }
            Value::NotImplemented => self.out.push_str("NotImplemented"),
            // No file and `__loader__` None: made by `types.ModuleType`.
            Value::Module(m)
                if m.filename.is_empty()
                    && matches!(m.attrs.borrow().get_str("__loader__"), Some(Value::None)) =>
            {
                self.out.push_str(&format!("<module '{}'>", m.name))
            }
            Value::Module(m) => self.out.push_str(&if m.filename.is_empty() {
                format!("<module '{}' (built-in)>", m.name)
            } else {
                format!("<module '{}' from '{}'>", m.name, m.filename)
            }),
            Value::Iter(it) => self.iterator(v, &it.borrow())?,
            Value::Cell(c) => {
                let addr = address_of(v);
                let text = match &*c.borrow() {
                    None => format!("<cell at {addr:#x}: empty>"),
                    Some(inner) => format!(
                        "<cell at {addr:#x}: {} object at {:#x}>",
                        type_of(inner).name(),
                        address_of(inner)
                    ),
                };
                self.out.push_str(&text);
            }
            Value::Native(obj) => {
                // A type may show more with the VM at hand (asyncio's
                // running coroutines, their callbacks' arguments).
                let slot = self.vm.as_deref().and_then(|vm| {
                    let slots = vm.slots.get(obj.class_id());
                    slots
                        .special
                        .iter()
                        .find(|(n, _)| *n == "__repr__")
                        .map(|(_, f)| *f)
                });
                if let Some(union) = downcast::<Union>(v) {
                    self.union(&union)?;
                    return Ok(());
                }
                match (slot, self.vm.as_deref_mut()) {
                    (Some(repr), Some(vm)) => match repr(vm, v, Args::new(Vec::new()))? {
                        Value::Str(s) => self.out.push_str(&s),
                        _ => self.out.push_str(&obj.repr()),
                    },
                    _ => self.out.push_str(&obj.repr()),
                }
            }
        }
        Ok(())
    }

    fn iterator(&mut self, v: &Value, state: &IterState) -> PyResult<()> {
        if let IterState::DictView { dict, part } = state {
            let name = match part {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            let d = dict.borrow().clone();
            let items: Vec<Value> = match part {
                DictPart::Keys => d.keys(),
                DictPart::Values => d.values(),
                DictPart::Items => d
                    .items()
                    .into_iter()
                    .map(|(k, v)| Value::tuple(vec![k, v]))
                    .collect(),
            };
            self.out.push_str(name);
            self.out.push_str("([");
            self.items(items.iter())?;
            self.out.push_str("])");
            return Ok(());
        }
        match state {
            IterState::Count { next, step } => {
                self.out.push_str("count(");
                self.value(next)?;
                if !matches!(step, Value::Int(1)) {
                    self.out.push_str(", ");
                    self.value(step)?;
                }
                self.out.push(')');
                return Ok(());
            }
            IterState::Repeat { item, remaining } => {
                self.out.push_str("repeat(");
                self.value(item)?;
                if let Some(n) = remaining {
                    self.out.push_str(&format!(", {n}"));
                }
                self.out.push(')');
                return Ok(());
            }
            _ => {}
        }
        self.out.push_str(&format!(
            "<{} object at {:#x}>",
            state.type_name(),
            address_of(v)
        ));
        Ok(())
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", debug_repr(self))
    }
}
