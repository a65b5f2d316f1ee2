//! `str.format` / `str.format_map`: replacement fields `{name.attr[key]!r:spec}`
//! with automatic or manual numbering, nested specs, and CPython's errors.

use std::rc::Rc;

use crate::attrs;
use crate::format::format_value;
use crate::object::exceptions::{exc, value_error, Exception};
use crate::object::pystr::PyStr;
use crate::object::types::TypeId;
use crate::object::value::{PyResult, Value};
use crate::ops;
use crate::repr;
use crate::vm::Vm;

/// Positional/keyword arguments, or a mapping for `format_map`.
struct Source<'a> {
    pos: &'a [Value],
    kw: &'a [(Rc<PyStr>, Value)],
    mapping: Option<&'a Value>,
    /// `Some(n)`: automatic numbering in use, next index `n`;
    /// `None` with `manual`: manual numbering in use.
    auto: Option<usize>,
    manual: bool,
}

/// Format `fmt` with the given arguments.
pub fn format(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &[(Rc<PyStr>, Value)],
    mapping: Option<&Value>,
) -> PyResult<String> {
    let mut src = Source {
        pos,
        kw,
        mapping,
        auto: None,
        manual: false,
    };
    render(vm, fmt, &mut src, 2)
}

fn render(vm: &mut Vm, fmt: &str, src: &mut Source, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // CPython's MarkupIterator: literal text, then at most one field.
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '{' && c != '}' {
            out.push(c);
            continue;
        }
        let at_end = i >= chars.len();
        if c == '}' && (at_end || chars[i] != '}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if at_end {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if chars[i] == c {
            out.push(c);
            i += 1;
            continue;
        }
        let field = parse_field(&chars, &mut i)?;
        let text = render_field(vm, field, src, depth)?;
        vm.check_size(out.len() + text.len())?;
        out.push_str(&text);
    }
    Ok(out)
}

/// A replacement field's parts, as CPython's `parse_field` splits them.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
}

/// Parse the field starting at `chars[*i]` (just after its `{`).
fn parse_field(chars: &[char], i: &mut usize) -> PyResult<Field> {
    let start = *i;
    let mut c = '\0';
    while *i < chars.len() {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *i < chars.len() && chars[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name: String = chars[start..*i - 1].iter().collect();
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(value_error("expected '}' before end of string"));
        }
        return Ok(Field {
            name,
            conversion: None,
            spec: String::new(),
        });
    }
    let mut conversion = None;
    if c == '!' {
        if *i >= chars.len() {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        }
        conversion = Some(chars[*i]);
        *i += 1;
        if *i < chars.len() {
            let next = chars[*i];
            *i += 1;
            if next == '}' {
                return Ok(Field {
                    name,
                    conversion,
                    spec: String::new(),
                });
            }
            if next != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut count = 1;
    while *i < chars.len() {
        let c = chars[*i];
        *i += 1;
        match c {
            '{' => count += 1,
            '}' => {
                count -= 1;
                if count == 0 {
                    return Ok(Field {
                        name,
                        conversion,
                        spec: chars[spec_start..*i - 1].iter().collect(),
                    });
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

fn render_field(vm: &mut Vm, field: Field, src: &mut Source, depth: u32) -> PyResult<String> {
    let value = lookup(vm, &field.name, src)?;
    let value = match field.conversion {
        None => value,
        Some('r') => Value::string(repr::repr(vm, &value)?),
        Some('s') => Value::string(repr::str_of(vm, &value)?),
        Some('a') => Value::string(repr::ascii(vm, &value)?),
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
    };
    let spec = if field.spec.contains('{') {
        render(vm, &field.spec, src, depth - 1)?
    } else {
        field.spec
    };
    format_value(vm, &value, &spec)
}

fn lookup(vm: &mut Vm, name: &str, src: &mut Source) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() {
        if src.manual {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let n = src.auto.unwrap_or(0);
        src.auto = Some(n + 1);
        positional(src, n)?
    } else if let Ok(n) = first.parse::<usize>() {
        if src.auto.is_some() {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        src.manual = true;
        positional(src, n)?
    } else {
        keyword(vm, src, first)?
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            value = attrs::get_attr(vm, &value, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(value_error("Missing ']' in format string"));
            };
            let key = &r[..end];
            let key = match key.parse::<i64>() {
                Ok(n) if !key.starts_with(['-', '+']) => Value::Int(n),
                _ => Value::str(key),
            };
            value = ops::get_item(vm, &value, &key)?;
            rest = &r[end + 1..];
        } else {
            return Err(value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(value)
}

fn positional(src: &Source, n: usize) -> PyResult<Value> {
    if src.mapping.is_some() {
        return Err(value_error("Format string contains positional fields"));
    }
    src.pos.get(n).cloned().ok_or_else(|| {
        exc(
            TypeId::IndexError,
            format!("Replacement index {n} out of range for positional args tuple"),
        )
    })
}

fn keyword(vm: &mut Vm, src: &Source, name: &str) -> PyResult<Value> {
    if let Some(m) = src.mapping {
        return ops::get_item(vm, m, &Value::str(name));
    }
    src.kw
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v.clone())
        .ok_or_else(|| Exception::new(TypeId::KeyError, vec![Value::str(name)]))
}
