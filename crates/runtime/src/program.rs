//! Running a whole program: parse, compile, execute the module (as
//! `asyncio.run(<module>)` when it uses top-level `await`), report an
//! uncaught exception like CPython, and hand back the trace.

use crate::limits::Limits;
use crate::modules::{CommandLine, DEFAULT_SEED};
use crate::object::code::CodeObject;
use crate::object::exceptions::Exception;
use crate::object::frame::{Frame, FrameKind};
use crate::object::generator::Generator;
use crate::object::value::{ExcRef, Module, Value};
use crate::object::warnings::ImportsStopped;
use crate::progress::{ProgressHook, ProgressReporter};
use crate::trace::{EndReason, EventKind, PackedTrace, Stream};
use crate::vm::{Exit, Vm};

#[derive(Clone, Debug)]
pub struct RunOptions {
    pub filename: String,
    pub seed: u64,
    pub limits: Limits,
    /// The program's arguments, `sys.argv[1:]` (`sys.argv[0]` is `filename`).
    pub args: Vec<String>,
    /// Pack the trace's events into records (docs/trace.md, "Records"); false records each
    /// elementary event as a record of its own (the tests compare the two).
    pub pack_trace: bool,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            filename: "main.py".into(),
            seed: DEFAULT_SEED,
            limits: Limits::default(),
            args: Vec::new(),
            pack_trace: true,
        }
    }
}

/// How a run ended. Exit status as the CLI reports it: 0 ok, 1 uncaught
/// exception or SyntaxError, 2 unsupported feature, 3 deadlock or limit.
pub struct Outcome {
    pub status: i32,
    /// The trace as recorded (`trace.expand()` gives its elementary events).
    pub trace: PackedTrace,
}

impl Outcome {
    /// The text written to one stream, concatenated.
    pub fn stream_text(&self, stream: Stream) -> String {
        let (stdout, stderr) = self.streams(false);
        match stream {
            Stream::Stdout => stdout,
            Stream::Stderr => stderr,
        }
    }

    /// stdout with each completed line prefixed by its virtual time (`loopscope run
    /// --timestamps`: what `tests/conformance/record.py` writes for CPython).
    pub fn stamped_stdout(&self) -> String {
        self.streams(true).0
    }

    /// stdout (stamped as [`Outcome::stamped_stdout`] says when `stamped`) and stderr,
    /// in one pass over the trace (a long run's trace is hundreds of megabytes).
    pub fn streams(&self, stamped: bool) -> (String, String) {
        let (mut out, mut err) = (String::new(), String::new());
        // Where the line being written started, if one is open: its stamp goes there when it
        // completes (the program's own text may hold any character, NUL included).
        let mut open_line: Option<usize> = None;
        let mut end_time = 0.0;
        for (time, _, kind) in self.trace.single_events() {
            match kind {
                EventKind::Output { stream, text } => {
                    let text = self.trace.strings.get(*text as usize);
                    let text = text.map_or("", String::as_str);
                    match stream {
                        Stream::Stdout if stamped => {
                            for piece in text.split_inclusive('\n') {
                                let start = *open_line.get_or_insert(out.len());
                                out.push_str(piece);
                                if piece.ends_with('\n') {
                                    out.insert_str(start, &format!("{time:.3} "));
                                    open_line = None;
                                }
                            }
                        }
                        Stream::Stdout => out.push_str(text),
                        Stream::Stderr => err.push_str(text),
                    }
                }
                EventKind::ProgramEnded { .. } => end_time = time,
                _ => {}
            }
        }
        if let Some(start) = open_line {
            out.insert_str(start, &format!("{end_time:.3} "));
        }
        (out, err)
    }
}

pub fn run_program(source: &str, options: &RunOptions) -> Outcome {
    run_program_observed(source, options, None)
}

/// [`run_program`], telling `progress` how far the run has got every so often while it
/// runs (see [`crate::progress`]).
pub fn run_program_observed(
    source: &str,
    options: &RunOptions,
    progress: Option<ProgressHook>,
) -> Outcome {
    // A run starts from nothing a previous run in this thread left behind.
    crate::object::value::restart_addresses();
    crate::object::gc::restart();
    crate::object::warnings::discard_pending();
    crate::object::weakrefs::discard_all();
    crate::repr::set_int_max_str_digits(crate::repr::INT_MAX_STR_DIGITS);
    let mut vm = new_vm(source, options);
    vm.progress = ProgressReporter::new(progress);
    vm.recorder.pack = options.pack_trace;
    let (mut status, mut reason, uncaught) = execute(&mut vm, source, options);
    if crate::object::warnings::has_pending() {
        vm.report_notices();
    }
    if vm.halted.is_none() {
        join_threads(&mut vm);
        if let Some(stop) = vm.halted.clone() {
            vm.write_limit_message(&stop.message);
            status = 3;
        }
    }
    if vm.halted.is_none() {
        run_exit_functions(&mut vm);
        // The collection before modules are torn down (unless the program
        // disabled the collector): pending tasks first, as below.
        collect_unreported_tasks(&mut vm);
        if crate::object::gc::is_enabled() {
            collect_cycles_at_exit(&mut vm);
        }
        // `sys.path = None`, then `sys.last_value = None`: what only the
        // uncaught exception kept alive dies, and the cycles it was part of
        // in the collection after `sys.modules` is emptied.
        vm.states.get::<ImportsStopped>().0 = true;
        if uncaught.is_some() {
            drop(uncaught);
            vm.report_notices();
            collect_cycles_at_exit(&mut vm);
        }
        finalize_main_module(&mut vm);
        collect_unreported_tasks(&mut vm);
    }
    // A limit reached at shutdown (in an atexit function) still says why the run stopped;
    // the event is at the program's line the run was halted at (0 between callbacks).
    let (message, line) = match &vm.halted {
        Some(stop) => {
            reason = EndReason::Halted { halt: stop.halt };
            (stop.message.clone(), stop.line)
        }
        None => (String::new(), 0),
    };
    let message = vm.recorder.intern(&message);
    let now = vm.now;
    vm.recorder.record(
        now,
        line,
        EventKind::ProgramEnded {
            status,
            reason,
            message,
        },
    );
    let recorder = std::mem::take(&mut vm.recorder);
    drop(vm);
    // A module's functions refer to it (their globals) and it to them, through a
    // namespace the collector does not see: every module the run made (also those
    // it took out of `sys.modules`) is emptied, as CPython's finalization empties
    // every module, or each run would leave its modules behind (megabytes a run
    // for a program importing asyncio, logging or decimal).
    for module in Module::take_made() {
        let namespace = std::mem::take(&mut *module.attrs.borrow_mut());
        drop(namespace);
    }
    // Cycles left behind are freed now (a page runs many programs in one worker),
    // and the collector forgets them. Objects dying with the VM may still report
    // (never-awaited coroutines): nobody is left to tell. What a report would have
    // kept alive (the pending task of a deadlocked run, with its coroutine and what
    // it awaits) is garbage once the report is dropped: collected again.
    for _ in 0..4 {
        crate::object::gc::collect(2, &mut || {});
        if !crate::object::warnings::has_pending() {
            break;
        }
        crate::object::warnings::discard_pending();
    }
    crate::object::warnings::discard_pending();
    crate::object::weakrefs::discard_all();
    crate::object::gc::restart();
    Outcome {
        status,
        trace: recorder.finish(&options.filename, options.seed),
    }
}

/// A VM with the built-in types' behaviour installed and every module
/// registered: the one place that knows all of them.
fn new_vm(source: &str, options: &RunOptions) -> Vm {
    let mut vm = Vm::new(
        crate::builtins::make_module(),
        &options.filename,
        source,
        options.seed,
        options.limits.clone(),
    );
    crate::builtins::install(&mut vm);
    crate::modules::register(&mut vm.registry);
    let argv = std::iter::once(&options.filename).chain(&options.args);
    *vm.states.get::<CommandLine>() = CommandLine(argv.cloned().collect());
    crate::asyncio::install(&mut vm);
    vm
}

/// Run the program: its exit status, why it ended, and the exception that
/// ended it, if any (CPython keeps it in `sys.last_value` until shutdown
/// clears that).
fn execute(vm: &mut Vm, source: &str, options: &RunOptions) -> (i32, EndReason, Option<ExcRef>) {
    if source.len() > options.limits.max_source_bytes {
        vm.write(
            Stream::Stderr,
            &format!(
                "loopscope: {}: the program is {} bytes; the limit is {} bytes\n",
                options.filename,
                source.len(),
                options.limits.max_source_bytes
            ),
        );
        return (2, EndReason::NotStarted, None);
    }
    let module = loopscope_syntax::parse(source)
        .and_then(|m| crate::compile::compile_module(&m, &options.filename));
    let code = match module {
        Ok(c) => c,
        Err(d) => {
            let mut text = d.render(source, &options.filename);
            if !text.ends_with('\n') {
                text.push('\n');
            }
            vm.write(Stream::Stderr, &text);
            // `python3 PROGRAM` exits with 1 on a SyntaxError; 2 is Loopscope's own
            // "valid Python it does not run".
            let status = if d.kind == loopscope_syntax::DiagnosticKind::Unsupported {
                2
            } else {
                1
            };
            return (status, EndReason::NotStarted, None);
        }
    };
    let code = CodeObject::load(code);
    let mut frame = Box::new(Frame::new(code.clone(), vm.main.clone()));
    let result = if code.kind == crate::compile::code::CodeKind::AsyncModule {
        let coro = Generator::from_frame(frame, true);
        crate::asyncio::runners::run_coroutine(vm, coro)
    } else {
        frame.kind = FrameKind::Base;
        match vm.push_frame(frame) {
            Ok(()) => vm.run(0).map(|exit| match exit {
                Exit::Return(v) | Exit::Yield(v) | Exit::AsyncYield(v) => v,
                Exit::Blocked => Value::None,
            }),
            Err(e) => Err(e),
        }
    };
    if let Some(stop) = vm.halted.clone() {
        vm.write_limit_message(&stop.message);
        return (3, EndReason::Halted { halt: stop.halt }, None);
    }
    match result {
        Ok(_) => (0, EndReason::Finished, None),
        Err(e) if e.is(crate::object::types::TypeId::SystemExit) => (
            crate::builtins::exit_status(vm, &e),
            EndReason::SystemExit,
            None,
        ),
        Err(e) => {
            if crate::object::warnings::has_pending() {
                vm.report_notices();
            }
            let text = crate::traceback::format_exception(vm, &e);
            vm.write(Stream::Stderr, &text);
            let reason = EndReason::Uncaught {
                error: vm.recorder.intern(&e.class.qualname()),
                line: raised_at(&e, &options.filename),
            };
            (1, reason, Some(e))
        }
    }
}

/// The program's line an uncaught exception was raised at: its traceback's innermost
/// frame of the program file (0 if it passed through none).
fn raised_at(e: &Exception, filename: &str) -> u32 {
    e.traceback
        .borrow()
        .iter()
        .rev()
        .find(|entry| !entry.code.library && *entry.code.filename == *filename)
        .map_or(0, |entry| entry.code.line_of(entry.pc as usize))
}

/// One of shutdown's collections (after the exit functions unless the
/// program disabled the collector, and again once `sys.modules` is
/// emptied): cycles die and their finalizers report.
fn collect_cycles_at_exit(vm: &mut Vm) {
    crate::object::gc::collect(2, &mut || vm.report_notices());
    if crate::object::warnings::has_pending() {
        vm.report_notices();
    }
}

/// The garbage collection at shutdown: tasks kept alive only by reference
/// cycles die now, and those holding an exception nobody retrieved report it
/// (in creation order), as do those still pending (see
/// [`crate::asyncio::tasks::dies_pending_at_exit`]).
fn collect_unreported_tasks(vm: &mut Vm) {
    for task in crate::asyncio::tasks::live_tasks(vm) {
        let Some(f) = task.as_future() else { continue };
        if crate::asyncio::tasks::dies_pending_at_exit(vm, &task) {
            crate::object::warnings::push(crate::object::warnings::Notice::TaskDestroyedPending(
                Value::Native(task.clone()),
            ));
            if let Some(tp) = &f.task {
                // Then its coroutine dies, suspended: closed.
                crate::object::warnings::push(crate::object::warnings::Notice::Close(
                    tp.coro.clone(),
                ));
            }
            continue;
        }
        if !f.log_traceback.replace(false) {
            continue;
        }
        let describe = f.describe_on_drop.borrow_mut().take().map(String::from);
        let exc = f.exception.borrow().clone();
        if let (Some(describe), Some(exc)) = (describe, exc) {
            crate::object::warnings::push(
                crate::object::warnings::Notice::ExceptionNeverRetrieved {
                    describe,
                    exc,
                    future: Value::Native(task.clone()),
                },
            );
        }
    }
    if crate::object::warnings::has_pending() {
        vm.report_notices();
    }
}

/// `threading._shutdown()`, when the program imported threading: CPython's
/// first step at shutdown runs threading's exit functions (an executor's
/// workers are told to stop) and waits for every thread that is not a
/// daemon.
fn join_threads(vm: &mut Vm) {
    let threading = vm.modules.borrow().get_str("threading");
    let Some(threading) = threading else { return };
    let shutdown = crate::attrs::get_attr(vm, &threading, "_shutdown");
    if let Err(e) = shutdown.and_then(|shutdown| vm.call0(&shutdown)) {
        if vm.halted.is_none() {
            let text = crate::traceback::format_exception(vm, &e);
            vm.write(Stream::Stderr, &text);
        }
    }
}

/// `atexit`'s functions, when the program imported it (CPython calls them
/// first thing at shutdown).
fn run_exit_functions(vm: &mut Vm) {
    let atexit = vm.modules.borrow().get_str("atexit");
    let Some(atexit) = atexit else { return };
    let run = crate::attrs::get_attr(vm, &atexit, "_run_exitfuncs");
    // Its own errors are reported inside; a limit reached there halts the run.
    let _ = run.and_then(|run| vm.call0(&run));
    if crate::object::warnings::has_pending() {
        vm.report_notices();
    }
}

/// Interpreter shutdown: CPython clears `__main__`'s globals (names starting
/// with `_` first, then the rest, in dict order); what dies then reports as
/// being at `sys:1`.
fn finalize_main_module(vm: &mut Vm) {
    let names: Vec<Value> = vm.main.attrs.borrow().keys();
    for underscored in [true, false] {
        for name in &names {
            let Value::Str(s) = name else { continue };
            if s.starts_with('_') != underscored || &**s == "__builtins__" {
                continue;
            }
            let old = vm.main.attrs.borrow().get_str(s);
            vm.main.attrs.borrow_mut().insert_str(s, Value::None);
            drop(old);
            if crate::object::warnings::has_pending() {
                vm.report_notices();
            }
        }
    }
}
