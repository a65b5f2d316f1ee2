//! What CPython's asyncio logs through its logger `asyncio`: the reports of
//! its default exception handler ("Task exception was never retrieved",
//! "Exception in callback ...") and a new loop's "Using selector: ..." (and,
//! in debug mode, a closing loop's "Close <...>").
//! Once the program imported `logging`, they go through the route it
//! registered ([`LogRoute`]) and come out in the program's logging format,
//! or not at all (a DEBUG record, a disabled logger); until then they are
//! written as logging's last resort writes them: records of WARNING and
//! above, the message and the traceback, on stderr.

use crate::object::value::ExcRef;
use crate::object::warnings::{LogEntry, LogRoute};
use crate::trace::Stream;
use crate::vm::Vm;

const DEBUG: i64 = 10;
const WARNING: i64 = 30;
const ERROR: i64 = 40;

/// Where `default_exception_handler` calls `logger.error` in 3.11.7.
const EXCEPTION_HANDLER: (&str, u32, &str) = (
    stdlib_path!("asyncio/base_events.py"),
    1771,
    "default_exception_handler",
);
/// Where `_run_once` warns of a slow callback in 3.11.7.
const SLOW_CALLBACK: (&str, u32, &str) =
    (stdlib_path!("asyncio/base_events.py"), 1917, "_run_once");
/// Where `BaseEventLoop.close` logs its debug-mode "Close %r".
const LOOP_CLOSE: (&str, u32, &str) = (stdlib_path!("asyncio/base_events.py"), 676, "close");
/// Where `BaseSelectorEventLoop.__init__` calls `logger.debug`.
const SELECTOR_LOOP_INIT: (&str, u32, &str) =
    (stdlib_path!("asyncio/selector_events.py"), 54, "__init__");

/// asyncio's default exception handler logging `message`, with the
/// traceback of `e`, `traceback` (as the `traceback` module writes it), when
/// there is an exception.
pub fn log_error(vm: &mut Vm, message: &str, e: Option<&ExcRef>, traceback: Option<&str>) {
    let entry = LogEntry {
        level: ERROR,
        message,
        exc: e,
        exc_text: traceback.map(|t| t.strip_suffix('\n').unwrap_or(t)),
        site: EXCEPTION_HANDLER,
    };
    route(vm, &entry);
}

/// Debug mode's `logger.warning('Executing %s took %.3f seconds', ...)`.
pub fn log_slow_callback(vm: &mut Vm, message: &str) {
    let entry = LogEntry {
        level: WARNING,
        message,
        exc: None,
        exc_text: None,
        site: SLOW_CALLBACK,
    };
    route(vm, &entry);
}

/// Debug mode's `logger.debug("Close %r", self)` as a loop closes.
pub fn log_loop_closing(vm: &mut Vm, loop_repr: &str) {
    let message = format!("Close {loop_repr}");
    let entry = LogEntry {
        level: DEBUG,
        message: &message,
        exc: None,
        exc_text: None,
        site: LOOP_CLOSE,
    };
    route(vm, &entry);
}

/// A new event loop's `logger.debug('Using selector: %s', ...)`.
pub fn log_new_loop(vm: &mut Vm) {
    let entry = LogEntry {
        level: DEBUG,
        message: "Using selector: EpollSelector",
        exc: None,
        exc_text: None,
        site: SELECTOR_LOOP_INIT,
    };
    route(vm, &entry);
}

fn route(vm: &mut Vm, entry: &LogEntry) {
    if let Some(log) = vm.states.get::<LogRoute>().0 {
        if log(vm, entry).is_ok() {
            return;
        }
    }
    if entry.level >= WARNING {
        let mut text = format!("{}\n", entry.message);
        if let Some(traceback) = entry.exc_text {
            text.push_str(traceback);
            text.push('\n');
        }
        vm.write(Stream::Stderr, &text);
    }
}
