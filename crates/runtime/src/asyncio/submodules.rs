//! asyncio's submodules (`asyncio.tasks`, `asyncio.exceptions`...): made
//! with the package, as `import asyncio` imports them all in CPython, each
//! holding the package's very objects under the names of its `__all__`
//! that Loopscope has; the Python halves of some of them, run into them (the
//! network's halves at a program's first look into them: `NETWORK_HALVES`).

use std::rc::Rc;

use crate::object::value::{Builtin, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

use super::aio;

/// The `__all__` of the submodules whose names a Python half defines.
const EXCEPTIONS: &[&str] = &[
    "SendfileNotAvailableError",
    "IncompleteReadError",
    "LimitOverrunError",
];
const STREAMS: &[&str] = &[
    "StreamReader",
    "StreamWriter",
    "StreamReaderProtocol",
    "open_connection",
    "start_server",
    "open_unix_connection",
    "start_unix_server",
];
const PROTOCOLS: &[&str] = &[
    "BaseProtocol",
    "Protocol",
    "DatagramProtocol",
    "SubprocessProtocol",
    "BufferedProtocol",
];
const SUBPROCESS: &[&str] = &["create_subprocess_exec", "create_subprocess_shell"];

/// Each submodule and the names of its `__all__` (CPython 3.11's, less the
/// names Loopscope lacks: docs/differences.md).
const SUBMODULES: &[(&str, &[&str])] = &[
    (
        "exceptions",
        &[
            "BrokenBarrierError",
            "CancelledError",
            "InvalidStateError",
            "TimeoutError",
            "IncompleteReadError",
            "LimitOverrunError",
            "SendfileNotAvailableError",
        ],
    ),
    (
        "tasks",
        &[
            "Task",
            "create_task",
            "FIRST_COMPLETED",
            "FIRST_EXCEPTION",
            "ALL_COMPLETED",
            "wait",
            "wait_for",
            "as_completed",
            "sleep",
            "gather",
            "shield",
            "ensure_future",
            "run_coroutine_threadsafe",
            "current_task",
            "all_tasks",
        ],
    ),
    (
        "events",
        &[
            "AbstractEventLoop",
            "Handle",
            "TimerHandle",
            "get_event_loop",
            "set_event_loop",
            "new_event_loop",
            "get_running_loop",
            "_get_running_loop",
        ],
    ),
    ("base_events", &["BaseEventLoop", "Server"]),
    ("selector_events", &[]),
    ("trsock", &[]),
    ("unix_events", &["SelectorEventLoop"]),
    (
        "queues",
        &[
            "Queue",
            "PriorityQueue",
            "LifoQueue",
            "QueueFull",
            "QueueEmpty",
        ],
    ),
    (
        "locks",
        &[
            "Lock",
            "Event",
            "Condition",
            "Semaphore",
            "BoundedSemaphore",
            "Barrier",
        ],
    ),
    ("futures", &["Future", "wrap_future", "isfuture"]),
    ("runners", &["Runner", "run"]),
    ("timeouts", &["Timeout", "timeout", "timeout_at"]),
    ("taskgroups", &["TaskGroup"]),
    ("threads", &["to_thread"]),
    ("coroutines", &["iscoroutinefunction", "iscoroutine"]),
    ("streams", STREAMS),
    ("subprocess", SUBPROCESS),
    ("protocols", PROTOCOLS),
];

/// The submodules whose names make the package's `__all__`, in the order of
/// CPython's `asyncio/__init__.py` (which leaves `taskgroups` out).
const PACKAGE_ALL: &[&str] = &[
    "base_events",
    "coroutines",
    "events",
    "exceptions",
    "futures",
    "locks",
    "protocols",
    "runners",
    "queues",
    "streams",
    "subprocess",
    "tasks",
    "threads",
    "timeouts",
    "unix_events",
];

/// The Python halves of asyncio's submodules: each runs in its submodule's
/// namespace, given the package's names it uses as they are when the package is
/// made (and natives of its own); the names it defines join the package.
const PYTHON_HALVES: &[Half] = &[
    (
        "exceptions",
        library_source!("asyncio/python/exceptions.py"),
        &[],
        EXCEPTIONS,
    ),
    (
        "locks",
        library_source!("asyncio/python/locks.py"),
        &["Condition", "CancelledError"],
        &["Barrier", "BrokenBarrierError"],
    ),
    (
        "futures",
        include_str!("python/futures.py"),
        &[
            "isfuture",
            "ensure_future",
            "iscoroutine",
            "get_event_loop",
            "CancelledError",
            "InvalidStateError",
        ],
        &["wrap_future", "run_coroutine_threadsafe"],
    ),
    (
        "runners",
        library_source!("asyncio/python/runners.py"),
        &[
            "new_event_loop",
            "set_event_loop",
            "iscoroutine",
            "all_tasks",
            "gather",
        ],
        &["Runner", "run"],
    ),
    (
        "threads",
        library_source!("asyncio/python/threads.py"),
        &["get_running_loop", "wrap_future"],
        &["to_thread"],
    ),
    (
        "protocols",
        include_str!("python/protocols.py"),
        &[],
        PROTOCOLS,
    ),
    (
        "trsock",
        library_source!("asyncio/python/trsock.py"),
        &[],
        &[],
    ),
    (
        "selector_events",
        library_source!("asyncio/python/selector_events.py"),
        &[],
        &[],
    ),
    (
        "base_events",
        library_source!("asyncio/python/base_events.py"),
        &["gather", "sleep", "CancelledError"],
        &["Server"],
    ),
    (
        "streams",
        library_source!("asyncio/python/streams.py"),
        &[
            "get_running_loop",
            "get_event_loop",
            "sleep",
            "iscoroutine",
            "Protocol",
            "IncompleteReadError",
            "LimitOverrunError",
        ],
        STREAMS,
    ),
    (
        "subprocess",
        library_source!("asyncio/python/subprocess.py"),
        &[],
        SUBPROCESS,
    ),
];

/// The halves of asyncio's network, which run the first time a program looks into
/// asyncio for a name it lacks (`asyncio.start_server`, `asyncio.StreamReader`,
/// `from asyncio.streams import ...`), into one of these submodules, or asks the loop
/// for a method the engine's loop lacks (`loop.create_server`, ...): `import asyncio`
/// does not pay for what most programs never use. Their modules are made (and in
/// `sys.modules`) at once; see [`Module::complete`].
const NETWORK_HALVES: &[&str] = &["trsock", "selector_events", "base_events", "streams"];

/// Network halves not run yet, with the package they belong to.
pub struct DeferredHalves {
    package: Rc<Module>,
    halves: Vec<(&'static Half, Rc<Module>)>,
}

/// One entry of [`PYTHON_HALVES`]: name, source, the package's names it uses, the
/// names it defines for the package.
type Half = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Make the submodules of `package`, put them in `sys.modules` and on the
/// package. The Python halves run first (`python/locks.py`: Barrier and
/// BrokenBarrierError; `python/futures.py`: wrap_future and
/// run_coroutine_threadsafe; `python/runners.py`: asyncio.run and Runner;
/// `python/protocols.py`: the protocol classes; `python/exceptions.py`;
/// `python/subprocess.py`: a stand-in that says processes are not simulated),
/// except the network's (`python/trsock.py`, `python/selector_events.py`,
/// `python/base_events.py` and `python/streams.py`: streams on the in-memory
/// loopback network), deferred as [`NETWORK_HALVES`] says.
pub fn install(vm: &mut Vm, package: &Rc<Module>) -> PyResult<()> {
    let mut made = Vec::new();
    let mut deferred = Vec::new();
    for half in PYTHON_HALVES {
        let (name, _, uses, _) = half;
        let module = new_submodule(name);
        for n in *uses {
            if let Some(v) = package.attrs.borrow().get_str(n) {
                module.attrs.borrow_mut().insert_str(n, v);
            }
        }
        let natives: &[(&'static str, NativeFn)] = match *name {
            "runners" => &[
                (
                    "_get_running_loop",
                    super::runners::get_running_loop_or_none,
                ),
                ("_run_task", super::runners::run_task),
            ],
            "selector_events" => &[("_register_io", super::selector_events::register_io)],
            "locks" => &[
                ("_condition_park", super::locks::condition::park_native),
                ("_condition_unpark", super::locks::condition::unpark_native),
            ],
            _ => &[],
        };
        {
            for &(n, func) in natives {
                let f = Builtin {
                    name: n,
                    func,
                    receiver: Value::None,
                };
                module
                    .attrs
                    .borrow_mut()
                    .insert_str(n, Value::Builtin(Rc::new(f)));
            }
        }
        if NETWORK_HALVES.contains(name) {
            deferred.push((half, module.clone()));
        } else {
            run_half(vm, package, half, &module)?;
        }
        made.push((*name, module));
    }
    for (name, names) in SUBMODULES {
        let module = match made.iter().find(|(n, _)| n == name) {
            Some((_, m)) => m.clone(),
            None => new_submodule(name),
        };
        {
            let from = package.attrs.borrow();
            let mut attrs = module.attrs.borrow_mut();
            for n in *names {
                if let Some(v) = from.get_str(n) {
                    attrs.insert_str(n, v);
                }
            }
        }
        // CPython's lists are tuples, but for taskgroups'; trsock has none.
        let all = names.iter().map(|n| Value::str(n)).collect();
        let all = match *name {
            "taskgroups" => Some(Value::list(all)),
            "trsock" => None,
            _ => Some(Value::tuple(all)),
        };
        if let Some(all) = all {
            module.attrs.borrow_mut().insert_str("__all__", all);
        }
        if *name == "coroutines" {
            let mark = super::coroutines::make_mark(vm)?;
            module.attrs.borrow_mut().insert_str("_is_coroutine", mark);
        }
        let value = Value::Module(module);
        vm.modules
            .borrow_mut()
            .insert_str(&format!("asyncio.{name}"), value.clone());
        package.attrs.borrow_mut().insert_str(name, value);
    }
    let all = PACKAGE_ALL
        .iter()
        .flat_map(|m| SUBMODULES.iter().filter(move |(n, _)| n == m))
        .flat_map(|(_, names)| names.iter().map(|n| Value::str(n)))
        .collect();
    package
        .attrs
        .borrow_mut()
        .insert_str("__all__", Value::tuple(all));
    package.deferred.set(Some(run_deferred_halves));
    for (_, module) in &deferred {
        module.deferred.set(Some(run_deferred_halves));
    }
    aio(vm).deferred_halves.push(DeferredHalves {
        package: package.clone(),
        halves: deferred,
    });
    Ok(())
}

/// Run a Python half in its submodule, and give the package the names it defines.
fn run_half(
    vm: &mut Vm,
    package: &Module,
    (_, source, _, defines): &Half,
    module: &Rc<Module>,
) -> PyResult<()> {
    vm.run_library_source(module, source)?;
    for n in *defines {
        if let Some(v) = module.attrs.borrow().get_str(n) {
            package.attrs.borrow_mut().insert_str(n, v);
        }
    }
    Ok(())
}

/// The deferred body of the package and of the network's submodules
/// ([`NETWORK_HALVES`]): the first look into any of them runs the network halves of
/// that package, in order, and the others no longer wait.
fn run_deferred_halves(vm: &mut Vm, looked_into: &Rc<Module>) -> PyResult<()> {
    let pending = &mut aio(vm).deferred_halves;
    let Some(i) = pending.iter().position(|d| {
        Rc::ptr_eq(&d.package, looked_into)
            || d.halves.iter().any(|(_, m)| Rc::ptr_eq(m, looked_into))
    }) else {
        return Ok(());
    };
    let DeferredHalves { package, halves } = pending.swap_remove(i);
    package.deferred.set(None);
    for (_, module) in &halves {
        module.deferred.set(None);
    }
    for (half, module) in &halves {
        run_half(vm, &package, half, module)?;
    }
    Ok(())
}

/// The empty submodule `asyncio.NAME` (`__name__` set, so that classes
/// defined in it say they come from it; `__file__` CPython's file, which its
/// repr and its functions' frames name).
fn new_submodule(name: &str) -> Rc<Module> {
    let filename = format!("{}{name}.py", stdlib_path!("asyncio/"));
    let module = Module::new(&format!("asyncio.{name}"), &filename);
    {
        let mut attrs = module.attrs.borrow_mut();
        attrs.insert_str("__name__", Value::string(format!("asyncio.{name}")));
        attrs.insert_str("__file__", Value::str(&filename));
    }
    module
}
