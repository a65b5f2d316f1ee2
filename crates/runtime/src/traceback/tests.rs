//! The traceback printers' unit tests, without a VM.
//!
//! Expected texts are CPython 3.11.7's output for the program in each
//! test (run as `prog.py`), and the positions are its `co_positions()`.

use super::*;
use crate::compile::code::{Code, CodeKind, Instr};
use crate::object::exceptions::exception_group;
use crate::object::value::Value;
use loopscope_syntax::ast::{Pos, Span};

// Without a VM: the exceptions here have no classes with `__str__`.
fn format_exception(e: &ExcRef, source_lines: &[String]) -> String {
    Printer::new(Style::Excepthook, source_lines, None).print(e)
}

fn format_logged_exception(message: &str, e: &ExcRef, source_lines: &[String]) -> String {
    logged_without_vm(message, e, source_lines, true)
}

fn format_never_retrieved(describe: &str, e: &ExcRef, source_lines: &[String]) -> String {
    let class = describe.trim_start_matches('<').split([' ', '>']).next();
    let message = format!(
        "{} exception was never retrieved\nfuture: {describe}",
        class.unwrap_or_default()
    );
    logged_without_vm(&message, e, source_lines, class == Some("Task"))
}

fn logged_without_vm(message: &str, e: &ExcRef, lines: &[String], caught: bool) -> String {
    let mut printer = Printer::new(Style::Logging, lines, None);
    if caught {
        printer.caught_by_loop = Some(Rc::as_ptr(e));
    }
    format!("{message}\n{}", printer.print(e))
}

fn lines(source: &str) -> Vec<String> {
    source.lines().map(str::to_string).collect()
}

/// A frame of function `name` stopped at an instruction whose CPython
/// position is `(line, end_line, col, end_col)`.
fn at(name: &str, (line, end_line, col, end_col): (u32, u32, u32, u32)) -> TracebackEntry {
    let code = Code {
        name: Rc::from(name),
        qualname: Rc::from(name),
        kind: CodeKind::Function,
        filename: Rc::from("prog.py"),
        first_line: line,
        instrs: vec![Instr::Nop],
        spans: vec![Span::new(
            Pos { line, col },
            Pos {
                line: end_line,
                col: end_col,
            },
        )],
        consts: Vec::new(),
        functions: Vec::new(),
        names: Vec::new(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        cell_params: Vec::new(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        has_varargs: false,
        has_varkw: false,
        doc: None,
    };
    TracebackEntry {
        code: CodeObject::load(code),
        pc: 0,
        frame: None,
    }
}

fn raised(typ: TypeId, args: Vec<Value>, frames: Vec<TracebackEntry>) -> ExcRef {
    let e = Exception::new(typ, args);
    *e.traceback.borrow_mut() = frames;
    e
}

fn message(typ: TypeId, text: &str, frames: Vec<TracebackEntry>) -> ExcRef {
    raised(typ, vec![Value::str(text)], frames)
}

#[test]
fn context_chain_with_carets() {
    let source = lines(
        "def parse(text):\n    try:\n        return int(text)\n    except ValueError:\n        \
             return undefined + 1\nd = {}\nprint(parse(\"x\"))\n",
    );
    let first = message(
        TypeId::ValueError,
        "invalid literal for int() with base 10: 'x'",
        vec![at("parse", (3, 3, 15, 24))],
    );
    let second = message(
        TypeId::NameError,
        "name 'undefined' is not defined",
        vec![at("<module>", (7, 7, 6, 16)), at("parse", (5, 5, 15, 24))],
    );
    *second.context.borrow_mut() = Some(first);
    let expected = r#"Traceback (most recent call last):
  File "prog.py", line 3, in parse
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'x'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 7, in <module>
    print(parse("x"))
          ^^^^^^^^^^
  File "prog.py", line 5, in parse
    return undefined + 1
           ^^^^^^^^^
NameError: name 'undefined' is not defined
"#;
    assert_eq!(format_exception(&second, &source), expected);
    let logged = format_logged_exception("message", &second, &source);
    assert_eq!(logged, format!("message\n{expected}"));
}

#[test]
fn recursion_is_summarized_and_subscripts_anchored() {
    let source = lines(
        "def div(a, b):\n    return (a)  //  (b)\n\ndef pick(d):\n    return div(1, 0) if d else \
             d[ 'k' ]\n\ndef run(n):\n    if n:\n        return run(n - 1)\n    return pick({})\n\n\
             total = [1, 2]\nrun(6)\n",
    );
    let mut frames = vec![at("<module>", (13, 13, 0, 6))];
    frames.extend((0..6).map(|_| at("run", (9, 9, 15, 25))));
    frames.push(at("run", (10, 10, 11, 19)));
    frames.push(at("pick", (5, 5, 31, 39)));
    let e = message(TypeId::KeyError, "k", frames);
    let expected = r#"Traceback (most recent call last):
  File "prog.py", line 13, in <module>
    run(6)
  File "prog.py", line 9, in run
    return run(n - 1)
           ^^^^^^^^^^
  File "prog.py", line 9, in run
    return run(n - 1)
           ^^^^^^^^^^
  File "prog.py", line 9, in run
    return run(n - 1)
           ^^^^^^^^^^
  [Previous line repeated 3 more times]
  File "prog.py", line 10, in run
    return pick({})
           ^^^^^^^^
  File "prog.py", line 5, in pick
    return div(1, 0) if d else d[ 'k' ]
                               ~^^^^^^^
KeyError: 'k'
"#;
    assert_eq!(format_exception(&e, &source), expected);
    let task = "<Task finished name='Task-2' coro=<pick() done, defined at prog.py:4> \
                    exception=KeyError('k')>";
    assert_eq!(
        format_never_retrieved(task, &e, &source),
        format!("Task exception was never retrieved\nfuture: {task}\n{expected}")
    );
}

#[test]
fn future_never_retrieved_without_traceback() {
    let e = message(TypeId::ValueError, "x", Vec::new());
    assert_eq!(
        format_never_retrieved("<Future finished exception=ValueError('x')>", &e, &[]),
        "Future exception was never retrieved\nfuture: <Future finished \
             exception=ValueError('x')>\nValueError: x\n"
    );
}

#[test]
fn operator_anchors_differ_between_printers() {
    let source = lines("def div(a, b):\n    return (a)  //  (b)\n\ndiv(1, 0)\n");
    let e = message(
        TypeId::ZeroDivisionError,
        "integer division or modulo by zero",
        vec![at("<module>", (4, 4, 0, 9)), at("div", (2, 2, 11, 23))],
    );
    let expected = |carets: &str| {
        format!(
            "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n    \
                 div(1, 0)\n  File \"prog.py\", line 2, in div\n    return (a)  //  (b)\n    \
                 {carets}\nZeroDivisionError: integer division or modulo by zero\n"
        )
    };
    assert_eq!(
        format_exception(&e, &source),
        expected("       ~~~~~^^~~~~~")
    );
    assert_eq!(
        format_logged_exception("m", &e, &source),
        format!("m\n{}", expected("       ~~~~~^~~~~~~"))
    );
}

#[test]
fn carets_use_display_width() {
    let expected = |source: &str, carets: &str| {
        format!(
                "Traceback (most recent call last):\n  File \"prog.py\", line 2, in f\n    \
                 {source}\n    {carets}\nTypeError: can only concatenate str (not \"int\") to str\n"
            )
    };
    let error = |source: &str, (col, end_col)| {
        let lines = lines(&format!("def f():\n    {source}\nf()\n"));
        let e = message(
            TypeId::TypeError,
            "can only concatenate str (not \"int\") to str",
            vec![at("f", (2, 2, col, end_col))],
        );
        (e, lines)
    };
    let (wide, source) = error("return '漢字' + 1", (11, 19));
    let carets = "       ~~~~~~~^~~";
    assert_eq!(
        format_exception(&wide, &source),
        expected("return '漢字' + 1", carets)
    );
    // traceback.py takes the operator's byte offset for a character index.
    let (narrow, source) = error("return 'é' + 1", (11, 18));
    let excepthook = expected("return 'é' + 1", "       ~~~~^~~");
    let logging = expected("return 'é' + 1", "       ~~~~~^~");
    assert_eq!(format_exception(&narrow, &source), excepthook);
    assert_eq!(
        format_logged_exception("m", &narrow, &source),
        format!("m\n{logging}")
    );
}

#[test]
fn multi_line_span_and_cycle() {
    let source = lines(
        "try:\n    try:\n        raise KeyError(\"inner\")\n    except KeyError as e:\n        \
             raise RuntimeError() from e\nexcept RuntimeError as e:\n    e.__cause__.__context__ = \
             e\n    raise ValueError(1,\n        2) from e\n",
    );
    let key = message(
        TypeId::KeyError,
        "inner",
        vec![at("<module>", (3, 3, 8, 31))],
    );
    let runtime = raised(
        TypeId::RuntimeError,
        Vec::new(),
        vec![at("<module>", (5, 5, 8, 35))],
    );
    *runtime.cause.borrow_mut() = Some(key.clone());
    runtime.suppress_context.set(true);
    *key.context.borrow_mut() = Some(runtime.clone());
    let value = raised(
        TypeId::ValueError,
        vec![Value::Int(1), Value::Int(2)],
        vec![at("<module>", (8, 9, 4, 18))],
    );
    *value.cause.borrow_mut() = Some(runtime);
    value.suppress_context.set(true);
    let expected = r#"Traceback (most recent call last):
  File "prog.py", line 3, in <module>
    raise KeyError("inner")
KeyError: 'inner'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "prog.py", line 5, in <module>
    raise RuntimeError() from e
RuntimeError

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "prog.py", line 8, in <module>
    raise ValueError(1,
ValueError: (1, 2)
"#;
    assert_eq!(format_exception(&value, &source), expected);
}

#[test]
fn groups_are_boxed_and_truncated() {
    let source = lines(
            "def fail(message):\n    raise ValueError(message)   \n\ndef catch(message):\n    try:\n        \
             fail(message)\n    except ValueError as e:\n        return e\n\nfirst = catch(\"bad\\nnews\")\n\
             first.add_note(\"a note\\nof two lines\")\ninner = ExceptionGroup(\"inner\", [first, \
             catch(\"worse\")])\nraise ExceptionGroup(\"outer\", [inner] + [KeyError(i) for i in \
             range(16)])\n",
        );
    let frames = || vec![at("catch", (6, 6, 8, 21)), at("fail", (2, 2, 4, 29))];
    let first = message(TypeId::ValueError, "bad\nnews", frames());
    first
        .add_note(Value::str("a note\nof two lines"))
        .expect("notes are a list");
    let inner = exception_group(
        "inner",
        vec![first, message(TypeId::ValueError, "worse", frames())],
    );
    let mut members = vec![inner];
    members.extend((0..16).map(|i| raised(TypeId::KeyError, vec![Value::Int(i)], Vec::new())));
    let outer = exception_group("outer", members);
    *outer.traceback.borrow_mut() = vec![at("<module>", (13, 13, 0, 73))];
    let keys: String = (0..14)
        .map(|i| {
            format!(
                "    +---------------- {} ----------------\n    | KeyError: {i}\n",
                i + 2
            )
        })
        .collect();
    let member = |message: &str, source_suffix: &str, caret_line: &str| {
        format!(
                "      | Traceback (most recent call last):\n      |   File \"prog.py\", line 6, in catch\n      \
                 |     fail(message)\n      |   File \"prog.py\", line 2, in fail\n      |     raise \
                 ValueError(message){source_suffix}\n{caret_line}      | ValueError: {message}\n"
            )
    };
    let expected = |first: String, second: String| {
        format!(
                "  + Exception Group Traceback (most recent call last):\n  |   File \"prog.py\", line 13, in \
                 <module>\n  |     raise ExceptionGroup(\"outer\", [inner] + [KeyError(i) for i in range(16)])\n  \
                 | ExceptionGroup: outer (17 sub-exceptions)\n  +-+---------------- 1 ----------------\n    \
                 | ExceptionGroup: inner (2 sub-exceptions)\n    +-+---------------- 1 ----------------\n\
                 {first}      | a note\n      | of two lines\n      +---------------- 2 ----------------\n\
                 {second}      +------------------------------------\n{keys}    +---------------- ... \
                 ----------------\n    | and 2 more exceptions\n    +------------------------------------\n"
            )
    };
    let carets = "      |     ^^^^^^^^^^^^^^^^^^^^^^^^^\n";
    assert_eq!(
        format_exception(&outer, &source),
        expected(
            member("bad\nnews", "   ", carets),
            member("worse", "   ", carets)
        )
    );
    assert_eq!(
        format_logged_exception("m", &outer, &source),
        format!(
            "m\n{}",
            expected(member("bad\n      | news", "", ""), member("worse", "", ""))
        )
    );
}

#[test]
fn errors_caught_by_the_loop_have_a_traceback_header() {
    // `loop.call_soon(int, "x")`: raised in library code only.
    let e = message(
        TypeId::ValueError,
        "invalid literal for int() with base 10: 'x'",
        Vec::new(),
    );
    assert_eq!(
        format_logged_exception(
            "Exception in callback int('x')\nhandle: <Handle int('x')>",
            &e,
            &[]
        ),
        "Exception in callback int('x')\nhandle: <Handle int('x')>\nTraceback (most recent call \
             last):\nValueError: invalid literal for int() with base 10: 'x'\n"
    );
    let timeout = raised(TypeId::TimeoutError, Vec::new(), Vec::new());
    assert_eq!(
        format_never_retrieved(
            "<Task finished name='Task-2' coro=<wait_for()>>",
            &timeout,
            &[]
        ),
        "Task exception was never retrieved\nfuture: <Task finished name='Task-2' \
             coro=<wait_for()>>\nTraceback (most recent call last):\nTimeoutError\n"
    );
}

#[test]
fn repeated_frames_in_a_group_lose_their_margin_only_in_the_excepthook() {
    let source = lines(
            "def f(n):\n    if n == 10: raise ValueError\n    return f(n+1)\ndef h():\n    try:\n        \
             f(0)\n    except Exception as e:\n        return e\nraise ExceptionGroup('g', [h()])\n",
        );
    let mut frames = vec![at("h", (6, 6, 8, 12))];
    frames.extend((0..10).map(|_| at("f", (3, 3, 11, 17))));
    frames.push(at("f", (2, 2, 16, 32)));
    let member = raised(TypeId::ValueError, Vec::new(), frames);
    let group = exception_group("g", vec![member]);
    *group.traceback.borrow_mut() = vec![at("<module>", (9, 9, 0, 32))];
    let expected = |repeated: &str| {
        let recursion =
            "    |   File \"prog.py\", line 3, in f\n    |     return f(n+1)\n    |            \
                             ^^^^^^\n"
                .repeat(3);
        format!(
                "  + Exception Group Traceback (most recent call last):\n  |   File \"prog.py\", line 9, in \
                 <module>\n  |     raise ExceptionGroup('g', [h()])\n  | ExceptionGroup: g (1 \
                 sub-exception)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call \
                 last):\n    |   File \"prog.py\", line 6, in h\n    |     f(0)\n{recursion}{repeated}  \
                 [Previous line repeated 7 more times]\n    |   File \"prog.py\", line 2, in f\n    |     if n \
                 == 10: raise ValueError\n    |                 ^^^^^^^^^^^^^^^^\n    | ValueError\n    \
                 +------------------------------------\n"
            )
    };
    assert_eq!(format_exception(&group, &source), expected(""));
    assert_eq!(
        format_logged_exception("m", &group, &source),
        format!("m\n{}", expected("    | "))
    );
}

#[test]
fn library_frames_are_hidden_but_keep_the_header() {
    let source = lines(
        "import asyncio\n\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(5), 1)\n",
    );
    let cancelled = raised(TypeId::CancelledError, Vec::new(), Vec::new());
    mark_raised_in_library(&cancelled);
    let timeout = raised(
        TypeId::TimeoutError,
        Vec::new(),
        vec![at("main", (4, 4, 4, 47))],
    );
    *timeout.cause.borrow_mut() = Some(cancelled);
    timeout.suppress_context.set(true);
    mark_raised_in_library(&timeout);
    assert_eq!(
            format_exception(&timeout, &source),
            "Traceback (most recent call last):\nasyncio.exceptions.CancelledError\n\nThe above exception \
             was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  \
             File \"prog.py\", line 4, in main\n    await asyncio.wait_for(asyncio.sleep(5), \
             1)\nTimeoutError\n"
        );
}

#[test]
fn group_depth_is_limited() {
    let mut e = raised(TypeId::ValueError, vec![Value::Int(0)], Vec::new());
    for depth in 0..12 {
        e = exception_group(&format!("d{depth}"), vec![e]);
    }
    let mut expected = String::new();
    for (level, depth) in (2..12).rev().enumerate() {
        let indent = "  ".repeat(level + 1);
        expected.push_str(&format!(
            "{indent}| ExceptionGroup: d{depth} (1 sub-exception)\n"
        ));
        expected.push_str(&format!("{indent}+-+---------------- 1 ----------------\n"));
    }
    let indent = " ".repeat(22);
    expected.push_str(&format!("{indent}| ... (max_group_depth is 10)\n"));
    expected.push_str(&format!("{indent}+------------------------------------\n"));
    assert_eq!(format_exception(&e, &[]), expected);
}

#[test]
fn never_awaited_warning() {
    let source = lines("async def work():\n    pass\n\nif True:\n    work()\n");
    assert_eq!(
        format_warning_never_awaited(
            "prog.py",
            5,
            source_line(&source, 5),
            "coroutine 'work' was never awaited",
            TRACEMALLOC_HINT
        ),
        "prog.py:5: RuntimeWarning: coroutine 'work' was never awaited\n  work()\n\
             RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
    assert_eq!(
        format_warning_never_awaited_at_exit("coroutine 'C.work' was never awaited", ""),
        "sys:1: RuntimeWarning: coroutine 'C.work' was never awaited\n"
    );
    assert_eq!(
        format_warning_never_awaited_at_exit("coroutine 'w' was never awaited", TRACEMALLOC_HINT),
        "sys:1: RuntimeWarning: coroutine 'w' was never awaited\n\
             RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
}
