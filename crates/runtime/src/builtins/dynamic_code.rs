//! `eval`, `exec` and `compile`: code given as text (or as a code object) is
//! compiled at run time by Loopscope's own compiler and run in the namespaces
//! it is given, as CPython's builtins do: the module's names of that code live
//! in its locals (`LoadName`/`StoreName`), its functions' globals are the
//! globals dict, `__builtins__` is put in that dict when it has none, and a
//! `__builtins__` other than the builtins restricts what the code finds.
//! A syntax error is a `SyntaxError` with CPython's location tuple.

use std::cell::RefCell;
use std::rc::Rc;

use loopscope_syntax::{Diagnostic, DiagnosticKind, SourceMode};

use super::args::{count_range, reject_kwargs};
use super::function_attrs::Code;
use crate::attrs;
use crate::iterators::type_name;
use crate::object::code::CodeObject;
use crate::object::dict::Dict;
use crate::object::exceptions::{exc, type_error, value_error, Exception};
use crate::object::frame::{Frame, FrameKind, Namespace};
use crate::object::native::downcast;
use crate::object::pystr::PyStr;
use crate::object::types::TypeId;
use crate::object::value::{Args, ExcRef, Module, PyResult, Value};
use crate::vm::{Exit, Vm};

/// How source text is compiled: CPython's `compile()` modes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    /// One interactive statement (`builtins/interactive.rs`).
    Single,
}

/// `eval(source, globals=None, locals=None, /)`.
pub fn eval(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    count_range("eval", &args, 1, 3)?;
    let mut pos = args.pos.into_iter();
    let source = pos.next().unwrap_or(Value::None);
    let globals = pos.next().unwrap_or(Value::None);
    let locals = pos.next().unwrap_or(Value::None);
    if !globals.is_none() && !matches!(globals, Value::Dict(_)) {
        return Err(type_error(if is_mapping(vm, &globals) {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        }));
    }
    if !locals.is_none() && !is_mapping(vm, &locals) {
        return Err(type_error("locals must be a mapping"));
    }
    let (globals, locals) = namespaces(vm, globals, locals)?;
    let code = match &source {
        Value::Str(_) | Value::Bytes(_) => {
            let text = source_text(&source)?;
            // eval() (not compile()) skips the blanks a line starts with.
            compile_text(text.trim_start_matches([' ', '\t']), "<string>", Mode::Eval)?
        }
        _ => match downcast::<Code>(&source) {
            Some(code) => code.0.clone(),
            None => {
                return Err(type_error(
                    "eval() arg 1 must be a string, bytes or code object",
                ))
            }
        },
    };
    run(vm, "eval", code, globals, locals)
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub fn exec(vm: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    let closure = args.take_kw("closure");
    reject_kwargs("exec", &args)?;
    let n = args.pos.len();
    if n == 0 {
        return Err(type_error(
            "exec() takes at least 1 positional argument (0 given)",
        ));
    }
    if n > 3 {
        return Err(type_error(format!(
            "exec() takes at most 3 positional arguments ({n} given)"
        )));
    }
    let mut pos = args.pos.into_iter();
    let source = pos.next().unwrap_or(Value::None);
    let globals = pos.next().unwrap_or(Value::None);
    let locals = pos.next().unwrap_or(Value::None);
    if !globals.is_none() && !matches!(globals, Value::Dict(_)) {
        return Err(type_error(format!(
            "exec() globals must be a dict, not {}",
            type_name(&globals)
        )));
    }
    if !locals.is_none() && !is_mapping(vm, &locals) {
        return Err(type_error(format!(
            "locals must be a mapping or None, not {}",
            type_name(&locals)
        )));
    }
    let (globals, locals) = namespaces(vm, globals, locals)?;
    let code = match downcast::<Code>(&source) {
        Some(code) => code.0.clone(),
        None if closure.as_ref().is_some_and(|c| !c.is_none()) => {
            return Err(type_error(
                "closure can only be used when source is a code object",
            ))
        }
        None => match source {
            Value::Str(_) | Value::Bytes(_) => {
                compile_text(&source_text(&source)?, "<string>", Mode::Exec)?
            }
            _ => {
                return Err(type_error(
                    "exec() arg 1 must be a string, bytes or code object",
                ))
            }
        },
    };
    run(vm, "exec", code, globals, locals)?;
    Ok(Value::None)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`:
/// the code object of `source`. The flags are accepted and have no effect.
pub fn compile(_: &mut Vm, _: &Value, mut args: Args) -> PyResult<Value> {
    const NAMES: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let n = args.pos.len();
    if n > NAMES.len() {
        return Err(type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            n + args.kw.len()
        )));
    }
    let mut given: Vec<Option<Value>> = args.pos.drain(..).map(Some).collect();
    given.resize(NAMES.len(), None);
    for (i, name) in NAMES.iter().enumerate().skip(n) {
        given[i] = args.take_kw(name);
    }
    if let Some((k, _)) = args.kw.first() {
        let already = NAMES[..n].contains(&k.as_str());
        return Err(type_error(if already {
            format!("argument for compile() given by name ('{k}') and position (1)")
        } else {
            format!("compile() got an unexpected keyword argument '{k}'")
        }));
    }
    for (i, name) in NAMES.iter().enumerate().take(3) {
        if given[i].is_none() {
            return Err(type_error(format!(
                "compile() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let [source, filename, mode] = [0, 1, 2].map(|i| given[i].clone().unwrap_or(Value::None));
    let filename = match &filename {
        Value::Str(s) => s.to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                type_name(other)
            )))
        }
    };
    let mode = match &mode {
        Value::Str(m) => match m.as_str() {
            "exec" => Mode::Exec,
            "single" => Mode::Single,
            "eval" => Mode::Eval,
            _ => {
                return Err(value_error(
                    "compile() mode must be 'exec', 'eval' or 'single'",
                ))
            }
        },
        other => {
            return Err(type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                type_name(other)
            )))
        }
    };
    if !matches!(source, Value::Str(_) | Value::Bytes(_)) {
        return Err(type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    }
    let code = compile_text(&source_text(&source)?, &filename, mode)?;
    Ok(Value::Native(Rc::new(Code(code))))
}

/// Anything with a `__getitem__` is a mapping to these builtins.
fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    matches!(v, Value::Dict(_)) || attrs::get_attr(vm, v, "__getitem__").is_ok()
}

/// The text of a str or (UTF-8) bytes source. As CPython's `_Py_SourceAsString`,
/// a NUL in it is refused first (a SyntaxError without a place).
fn source_text(source: &Value) -> PyResult<String> {
    let has_nul = match source {
        Value::Str(s) => s.contains('\0'),
        Value::Bytes(b) => b.contains(&0),
        _ => false,
    };
    if has_nul {
        return Err(exc(
            TypeId::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    match source {
        Value::Str(s) => Ok(s.to_string()),
        Value::Bytes(b) => String::from_utf8(b.to_vec()).map_err(|_| {
            syntax_error_of(
                &Diagnostic {
                    kind: DiagnosticKind::Syntax,
                    message: "(unicode error) 'utf-8' codec can't decode bytes".to_string(),
                    span: Default::default(),
                },
                "<string>",
                None,
                Mode::Exec,
            )
        }),
        _ => Ok(String::new()),
    }
}

/// The globals dict and the locals namespace the code runs in: the caller's
/// when none are given; the globals as locals when only they are. The
/// globals get `__builtins__` (the builtins' dict) when they have none.
fn namespaces(
    vm: &mut Vm,
    globals: Value,
    locals: Value,
) -> PyResult<(Rc<RefCell<Dict>>, Namespace)> {
    let (globals, locals) = match globals {
        Value::Dict(globals) => {
            let locals = match locals {
                Value::None => Value::Dict(globals.clone()),
                given => given,
            };
            (globals, locals)
        }
        _ => {
            let caller = vm.frames.last().expect("a frame calls eval");
            let globals = caller.globals.attrs.clone();
            let locals = match locals {
                Value::None => super::functions::locals(vm, &Value::None, Args::new(Vec::new()))?,
                given => given,
            };
            (globals, locals)
        }
    };
    if globals.borrow().get_str("__builtins__").is_none() {
        let builtins = Value::Dict(vm.builtins.attrs.clone());
        globals.borrow_mut().insert_str("__builtins__", builtins);
    }
    let locals = match locals {
        Value::Dict(d) => Namespace::Dict(d),
        other => Namespace::Mapping(other),
    };
    Ok((globals, locals))
}

/// Compile `text` in `mode`, as if read from `filename`.
/// An error of the parser quotes the line; one of the compiler (`'return'
/// outside function`) has no text, as CPython cannot read `<string>` back.
fn compile_text(text: &str, filename: &str, mode: Mode) -> PyResult<Rc<CodeObject>> {
    let parse_error = |d: Diagnostic| syntax_error_of(&d, filename, Some(text), mode);
    let compile_error = |d: Diagnostic| syntax_error_of(&d, filename, None, mode);
    let code = match mode {
        Mode::Eval => {
            let expr = loopscope_syntax::parse_expression(text).map_err(parse_error)?;
            crate::compile::compile_eval(&expr, filename).map_err(compile_error)?
        }
        Mode::Exec => {
            let module = loopscope_syntax::parse(text).map_err(parse_error)?;
            crate::compile::compile_exec(&module, filename).map_err(compile_error)?
        }
        Mode::Single => {
            let checked = match loopscope_syntax::parse(text) {
                Ok(module) => super::interactive::check_single(text, &module).map(|()| module),
                Err(d) => Err(super::interactive::single_statement_then_more(text)
                    .ok_or_else(|| parse_error(d))?),
            };
            let module = checked.map_err(|refused| refusal_error(&refused, filename))?;
            crate::compile::compile_single(&module, filename).map_err(compile_error)?
        }
    };
    Ok(CodeObject::load(code))
}

/// The SyntaxError of a source the 'single' mode refuses.
fn refusal_error(refused: &super::interactive::Refusal, filename: &str) -> ExcRef {
    let location = Value::tuple(vec![
        Value::str(filename),
        Value::Int(refused.lineno),
        Value::Int(refused.offset),
        Value::str(&refused.text),
        Value::Int(refused.lineno),
        Value::Int(refused.end_offset),
    ]);
    let message = Value::str(refused.message);
    Exception::new(TypeId::SyntaxError, vec![message, location])
}

/// Run `code` in a frame of its own whose globals are `globals` and whose
/// namespace is `locals`; what an `eval`'s expression gives, or None.
fn run(
    vm: &mut Vm,
    function: &str,
    code: Rc<CodeObject>,
    globals: Rc<RefCell<Dict>>,
    locals: Namespace,
) -> PyResult<Value> {
    if !code.freevars.is_empty() {
        return Err(type_error(format!(
            "code object passed to {function}() may not contain free variables"
        )));
    }
    let caller = vm.frames.last().expect("a frame calls eval");
    let module = if Rc::ptr_eq(&caller.globals.attrs, &globals) {
        caller.globals.clone()
    } else {
        let name = match globals.borrow().get_str("__name__") {
            Some(Value::Str(name)) => name,
            _ => PyStr::rc("builtins"),
        };
        Rc::new(Module {
            name,
            attrs: globals,
            filename: code.filename.clone(),
            deferred: std::cell::Cell::new(None),
        })
    };
    let mut frame = Box::new(Frame::new(code, module));
    frame.kind = FrameKind::Base;
    frame.namespace = Some(locals);
    vm.check_nesting()?;
    vm.push_frame(frame)?;
    let base = vm.frames.len() - 1;
    match vm.run_nested(base)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) | Exit::AsyncYield(_) | Exit::Blocked => Err(type_error(format!(
            "the code given to {function}() yielded"
        ))),
    }
}

/// The `SyntaxError` (or `IndentationError`, `TabError`) CPython raises for
/// `d` in `text` compiled from `filename`: `(msg, (filename, lineno, offset,
/// text, end_lineno, end_offset))`, located as the syntax crate locates it
/// (`Diagnostic::location`).
fn syntax_error_of(d: &Diagnostic, filename: &str, text: Option<&str>, mode: Mode) -> ExcRef {
    let source_mode = match mode {
        Mode::Exec => SourceMode::Exec,
        // The interactive tokenizer quotes and places an error at the end of
        // the input as 'eval' does.
        Mode::Eval | Mode::Single => SourceMode::Eval,
    };
    let location = d.location(text, source_mode);
    let class = match d.exception_name() {
        "TabError" => TypeId::TabError,
        "IndentationError" => TypeId::IndentationError,
        _ => TypeId::SyntaxError,
    };
    let fields = Value::tuple(vec![
        Value::str(filename),
        Value::Int(location.lineno),
        Value::Int(location.offset),
        location.text.as_deref().map_or(Value::None, Value::str),
        Value::Int(location.end_lineno),
        Value::Int(location.end_offset),
    ]);
    Exception::new(class, vec![Value::str(&d.message), fields])
}
