//! `repr()`, `str()` and `ascii()` of every value, byte-identical to
//! CPython 3.11: string quoting and escapes, float digits (via
//! `loopscope_cpython`), container brackets, `[...]` for recursive
//! containers, and the `<... at 0x...>` forms with deterministic addresses.
//!
//! No built-in `repr` runs Python code, so the work is pure; the `vm`
//! parameters exist for the callers' uniformity and report errors
//! (RecursionError on absurdly deep nesting) as exceptions.

use loopscope_cpython::float_repr::float_repr;

use crate::iterators::{DictPart, IterState};
use crate::object::exceptions::{exc, Exception};
use crate::object::types::{type_of, TypeId};
use crate::object::value::{address_of, PyResult, Value};
use crate::vm::Vm;

/// Nesting depth past which `repr` gives up, like CPython's recursion limit.
const MAX_DEPTH: usize = 900;

/// `repr(v)`.
pub fn repr(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let mut w = Writer::new(false);
    w.value(v)?;
    Ok(w.out)
}

/// `str(v)`.
pub fn str_of(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    str_value(v)
}

/// `ascii(v)`: `repr` with every non-ASCII character escaped.
pub fn ascii(_vm: &mut Vm, v: &Value) -> PyResult<String> {
    let mut w = Writer::new(true);
    w.value(v)?;
    Ok(w.out)
}

/// `repr(v)` without a VM (destructors, warnings, `Debug`).
pub fn repr_value(v: &Value) -> String {
    let mut w = Writer::new(false);
    match w.value(v) {
        Ok(()) => w.out,
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
        Value::Exception(e) => exception_str(e),
        _ => {
            let mut w = Writer::new(false);
            w.value(v)?;
            Ok(w.out)
        }
    }
}

/// `str(exc)`: no args → `''`, one → `str(arg)` (`repr` for KeyError),
/// several → the args tuple's repr; groups add their member count.
pub fn exception_str(e: &Exception) -> PyResult<String> {
    if e.typ.is_subclass(TypeId::BaseExceptionGroup) {
        let message = match e.args.first() {
            Some(m) => str_value(m)?,
            None => String::new(),
        };
        let n = e.group_members().len();
        let plural = if n == 1 { "" } else { "s" };
        return Ok(format!("{message} ({n} sub-exception{plural})"));
    }
    if e.typ.is_subclass(TypeId::OSError) && (2..=5).contains(&e.args.len()) {
        // `[Errno 2] No such file: 'name'`.
        let mut text = format!(
            "[Errno {}] {}",
            str_value(&e.args[0])?,
            str_value(&e.args[1])?
        );
        if let Some(filename) = e.args.get(2).filter(|f| !f.is_none()) {
            text.push_str(&format!(": {}", repr_value(filename)));
        }
        return Ok(text);
    }
    match e.args.as_slice() {
        [] => Ok(String::new()),
        [arg] if e.typ.is_subclass(TypeId::KeyError) => Ok(repr_value(arg)),
        [arg] => str_value(arg),
        args => Ok(repr_value(&Value::tuple(args.to_vec()))),
    }
}

/// CPython 3.11's limit on decimal int conversions (`sys.int_info`).
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `str(n)` for an int, refusing more than [`INT_MAX_STR_DIGITS`] digits.
pub fn int_to_decimal(n: &num_bigint::BigInt) -> PyResult<String> {
    check_int_digits(n)?;
    Ok(n.to_string())
}

/// The ValueError CPython raises before printing a too-long int in decimal.
pub fn check_int_digits(n: &num_bigint::BigInt) -> PyResult<()> {
    // 2**14000 has 4215 digits: anything smaller is always within the limit.
    if n.bits() > 14000 && n.magnitude().to_string().len() > INT_MAX_STR_DIGITS {
        return Err(exc(
            TypeId::ValueError,
            format!(
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ),
        ));
    }
    Ok(())
}

/// An exception's `args`: OSError keeps only errno and strerror when it was
/// also given a filename (3 to 5 arguments, the third not None).
pub fn visible_args(e: &Exception) -> &[Value] {
    if e.typ.is_subclass(TypeId::OSError) && (3..=5).contains(&e.args.len()) && !e.args[2].is_none()
    {
        &e.args[..2]
    } else {
        &e.args
    }
}

/// The type of an unbound method (`str.upper`), whose receiver is
/// `(type, name)` (see `attrs::type_attr`).
fn unbound_owner(receiver: &Value, name: &str) -> Option<TypeId> {
    match receiver {
        Value::Tuple(parts) => match &parts[..] {
            [Value::Type(t), Value::Str(n)] if &**n == name => Some(*t),
            _ => None,
        },
        _ => None,
    }
}

/// `'it''s'` → `"it's"`: CPython's choice of quote and escapes for str.
pub fn quote_str(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if ascii_only || !is_printable(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn push_escape(out: &mut String, c: char) {
    out.push_str(&escape_char(c));
}

/// `\xe9`, `\u2028`, `\U0001f600`: CPython's escape of one character.
pub fn escape_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// An approximation of `str.isprintable` for non-ASCII characters:
/// controls, format characters, separators other than space, private use
/// and unassigned planes are escaped.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    !matches!(n,
        0x80..=0xa0
        | 0xad
        | 0x1680
        | 0x180e
        | 0x2000..=0x200f
        | 0x2028..=0x202f
        | 0x205f..=0x2064
        | 0x2066..=0x206f
        | 0x3000
        | 0xd800..=0xf8ff
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0xe0000..=0x10ffff
    )
}

/// `b'...'`.
pub fn quote_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Accumulates a repr, tracking the containers being printed.
struct Writer {
    out: String,
    ascii: bool,
    active: Vec<usize>,
}

impl Writer {
    fn new(ascii: bool) -> Writer {
        Writer {
            out: String::new(),
            ascii,
            active: Vec::new(),
        }
    }

    /// Enter a container; `false` when it is already being printed.
    fn enter(&mut self, ptr: usize) -> PyResult<bool> {
        if self.active.contains(&ptr) {
            return Ok(false);
        }
        if self.active.len() >= MAX_DEPTH {
            return Err(exc(
                TypeId::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.active.push(ptr);
        Ok(true)
    }

    fn leave(&mut self) {
        self.active.pop();
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

    fn value(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("None"),
            Value::Ellipsis => self.out.push_str("Ellipsis"),
            Value::Bool(b) => self.out.push_str(if *b { "True" } else { "False" }),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::BigInt(b) => self.out.push_str(&int_to_decimal(b)?),
            Value::Float(f) => self.out.push_str(&float_repr(*f)),
            Value::Str(s) => self.out.push_str(&quote_str(s, self.ascii)),
            Value::Bytes(b) => self.out.push_str(&quote_bytes(b)),
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
            Value::Set(s) => {
                let items = s.borrow().items();
                if items.is_empty() {
                    self.out.push_str("set()");
                    return Ok(());
                }
                if !self.enter(std::rc::Rc::as_ptr(s) as *const u8 as usize)? {
                    self.out.push_str("set(...)");
                    return Ok(());
                }
                self.out.push('{');
                self.items(items.iter())?;
                self.out.push('}');
                self.leave();
            }
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
                    .push_str(&format!("<function {} at {addr:#x}>", f.qualname));
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
            Value::Type(t) => self.out.push_str(&t.repr()),
            Value::Exception(e) => {
                self.out.push_str(e.typ.name());
                match visible_args(e) {
                    [one] => {
                        self.out.push('(');
                        self.value(one)?;
                        self.out.push(')');
                    }
                    args => {
                        self.out.push('(');
                        self.items(args.iter())?;
                        self.out.push(')');
                    }
                }
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
            Value::Native(obj) => self.out.push_str(&obj.repr()),
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
