//! Tracebacks, logged errors and their carets, end to end: each program's
//! stderr and exit status must equal what CPython 3.11 printed for it
//! (recorded with tests/conformance/record.py, frames of other files dropped).

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

fn check(name: &str, source: &str, status: i32, stderr: &str) {
    let options = RunOptions {
        filename: format!("{name}.py"),
        ..RunOptions::default()
    };
    let outcome = run_program(source, &options);
    assert_eq!(outcome.stream_text(Stream::Stderr), stderr);
    assert_eq!(outcome.status, status);
}

/// An uncaught exception chained to three handled ones: carets for a
/// parenthesized operator, a subscript (wide characters, trailing blanks)
/// and a multi-line expression, as the default `sys.excepthook` prints them.
#[test]
fn uncaught_chain_shows_each_caret_form() {
    let source = r##"def divide(a, b):
    return (a)  //  (b)


def lookup(table, key):
    return table[ key ]   


def combine(x, y):
    return (x +
            y)


try:
    divide(1, 0)
except ZeroDivisionError:
    try:
        lookup({"é": 1}, "漢字")
    except KeyError:
        try:
            combine(1, "s")
        except TypeError:
            raise RuntimeError("all three failed")
"##;
    let stderr = r##"Traceback (most recent call last):
  File "caret_forms.py", line 15, in <module>
    divide(1, 0)
  File "caret_forms.py", line 2, in divide
    return (a)  //  (b)
           ~~~~~^^~~~~~
ZeroDivisionError: integer division or modulo by zero

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "caret_forms.py", line 18, in <module>
    lookup({"é": 1}, "漢字")
  File "caret_forms.py", line 6, in lookup
    return table[ key ]   
           ~~~~~^^^^^^^
KeyError: '漢字'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "caret_forms.py", line 21, in <module>
    combine(1, "s")
  File "caret_forms.py", line 10, in combine
    return (x +
            ^^^
TypeError: unsupported operand type(s) for +: 'int' and 'str'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "caret_forms.py", line 23, in <module>
    raise RuntimeError("all three failed")
RuntimeError: all three failed
"##;
    check("caret_forms", source, 1, stderr);
}

/// The same caret forms in exceptions asyncio logs ("Task exception was never
/// retrieved"), which `traceback.py` formats slightly differently.
#[test]
fn never_retrieved_errors_use_the_logging_format() {
    let source = r##"import asyncio


async def divide(a, b):
    await asyncio.sleep(0.1)
    return (a)  //  (b)


async def lookup(table, key):
    await asyncio.sleep(0.2)
    return table[ key ]   


async def label(value):
    await asyncio.sleep(0.3)
    return "é" + value


async def main():
    asyncio.create_task(divide(1, 0))
    asyncio.create_task(lookup({}, "k"))
    asyncio.create_task(label(1))
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
"##;
    let stderr = r##"Task exception was never retrieved
future: <Task finished name='Task-2' coro=<divide() done, defined at logged_forms.py:4> exception=ZeroDivisionError('integer division or modulo by zero')>
Traceback (most recent call last):
  File "logged_forms.py", line 6, in divide
    return (a)  //  (b)
           ~~~~~^~~~~~~
ZeroDivisionError: integer division or modulo by zero
Task exception was never retrieved
future: <Task finished name='Task-3' coro=<lookup() done, defined at logged_forms.py:9> exception=KeyError('k')>
Traceback (most recent call last):
  File "logged_forms.py", line 11, in lookup
    return table[ key ]
        ~~~~~^^^^^^^
KeyError: 'k'
Task exception was never retrieved
future: <Task finished name='Task-4' coro=<label() done, defined at logged_forms.py:14> exception=TypeError('can only concatenate str (not "int") to str')>
Traceback (most recent call last):
  File "logged_forms.py", line 16, in label
    return "é" + value
           ~~~~~^~~~~~
TypeError: can only concatenate str (not "int") to str
"##;
    check("logged_forms", source, 0, stderr);
}

/// An exception group with a multi-line message, a note, a nested group whose
/// member has a cause, and more members than are shown.
#[test]
fn exception_group_boxes() {
    let source = r##"def fail(kind, text):
    raise kind(text)


def caught(kind, text):
    try:
        fail(kind, text)
    except Exception as error:
        return error


def caught_from(text):
    try:
        try:
            fail(KeyError, text)
        except KeyError as error:
            raise ValueError("converted") from error
    except ValueError as error:
        return error


first = caught(ValueError, "two\nlines")
first.add_note("a note")
inner = ExceptionGroup("inner", [caught_from("k"), caught(TypeError, "t")])
raise ExceptionGroup("outer", [first, inner] + [OSError(n) for n in range(15)])
"##;
    let stderr = r##"  + Exception Group Traceback (most recent call last):
  |   File "group_report.py", line 25, in <module>
  |     raise ExceptionGroup("outer", [first, inner] + [OSError(n) for n in range(15)])
  | ExceptionGroup: outer (17 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "group_report.py", line 7, in caught
    |     fail(kind, text)
    |   File "group_report.py", line 2, in fail
    |     raise kind(text)
    | ValueError: two
lines
    | a note
    +---------------- 2 ----------------
    | ExceptionGroup: inner (2 sub-exceptions)
    +-+---------------- 1 ----------------
      | Traceback (most recent call last):
      |   File "group_report.py", line 15, in caught_from
      |     fail(KeyError, text)
      |   File "group_report.py", line 2, in fail
      |     raise kind(text)
      | KeyError: 'k'
      | 
      | The above exception was the direct cause of the following exception:
      | 
      | Traceback (most recent call last):
      |   File "group_report.py", line 17, in caught_from
      |     raise ValueError("converted") from error
      | ValueError: converted
      +---------------- 2 ----------------
      | Traceback (most recent call last):
      |   File "group_report.py", line 7, in caught
      |     fail(kind, text)
      |   File "group_report.py", line 2, in fail
      |     raise kind(text)
      | TypeError: t
      +------------------------------------
    +---------------- 3 ----------------
    | OSError: 0
    +---------------- 4 ----------------
    | OSError: 1
    +---------------- 5 ----------------
    | OSError: 2
    +---------------- 6 ----------------
    | OSError: 3
    +---------------- 7 ----------------
    | OSError: 4
    +---------------- 8 ----------------
    | OSError: 5
    +---------------- 9 ----------------
    | OSError: 6
    +---------------- 10 ----------------
    | OSError: 7
    +---------------- 11 ----------------
    | OSError: 8
    +---------------- 12 ----------------
    | OSError: 9
    +---------------- 13 ----------------
    | OSError: 10
    +---------------- 14 ----------------
    | OSError: 11
    +---------------- 15 ----------------
    | OSError: 12
    +---------------- ... ----------------
    | and 2 more exceptions
    +------------------------------------
"##;
    check("group_report", source, 1, stderr);
}

/// An exception in a `call_soon` callback, logged by the loop's default
/// handler (`traceback.py`: the source line loses its trailing blanks and
/// the carets shift left by as many columns).
#[test]
fn callback_error_is_logged() {
    let source = r##"import asyncio


def broken(x):
    return {"k": 1}[ x ]   


async def main():
    asyncio.get_running_loop().call_soon(broken, 0)
    await asyncio.sleep(1)


asyncio.run(main())
"##;
    let stderr = r##"Exception in callback broken(0) at callback_error.py:4
handle: <Handle broken(0) at callback_error.py:4>
Traceback (most recent call last):
  File "callback_error.py", line 5, in broken
    return {"k": 1}[ x ]
        ~~~~~~~~^^^^^
KeyError: 0
"##;
    check("callback_error", source, 0, stderr);
}

/// wait_for's TimeoutError comes from the CancelledError raised inside
/// asyncio: that cause has only library frames, so just its header shows.
#[test]
fn wait_for_timeout_cause_has_a_bare_header() {
    let source = r##"import asyncio


async def main():
    print("waiting")
    await asyncio.wait_for(asyncio.sleep(5), timeout=1)


asyncio.run(main())
"##;
    let stderr = r##"Traceback (most recent call last):
asyncio.exceptions.CancelledError

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "wait_for_uncaught.py", line 9, in <module>
    asyncio.run(main())
  File "wait_for_uncaught.py", line 6, in main
    await asyncio.wait_for(asyncio.sleep(5), timeout=1)
TimeoutError
"##;
    check("wait_for_uncaught", source, 1, stderr);
}
