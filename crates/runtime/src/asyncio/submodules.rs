//! asyncio's submodules (`asyncio.tasks`, `asyncio.exceptions`...): made
//! with the package, as `import asyncio` imports them all in CPython, each
//! holding the package's very objects under the names of its `__all__`
//! that Loopscope has.

use std::rc::Rc;

use crate::object::value::{Module, PyResult, Value};
use crate::vm::Vm;

/// Each submodule and the names of its `__all__` (CPython 3.11).
const SUBMODULES: &[(&str, &[&str])] = &[
    (
        "exceptions",
        &[
            "BrokenBarrierError",
            "CancelledError",
            "InvalidStateError",
            "TimeoutError",
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
            "current_task",
            "all_tasks",
        ],
    ),
    (
        "events",
        &[
            "get_event_loop",
            "set_event_loop",
            "new_event_loop",
            "get_running_loop",
        ],
    ),
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
    ("futures", &["Future", "isfuture"]),
    ("runners", &["Runner", "run"]),
    ("timeouts", &["Timeout", "timeout", "timeout_at"]),
    ("taskgroups", &["TaskGroup"]),
    ("coroutines", &["iscoroutinefunction", "iscoroutine"]),
];

/// Make the submodules of `package`, put them in `sys.modules` and on the
/// package. The Python half of `asyncio.locks` (Barrier and
/// BrokenBarrierError, `python/locks.py`) runs first, in that submodule's
/// namespace with the native Condition; its names join the package.
pub fn install(vm: &mut Vm, package: &Module) -> PyResult<()> {
    let locks = new_submodule("locks");
    if let Some(condition) = package.attrs.borrow().get_str("Condition") {
        locks.attrs.borrow_mut().insert_str("Condition", condition);
    }
    vm.run_library_source(&locks, include_str!("python/locks.py"))?;
    for n in ["Barrier", "BrokenBarrierError"] {
        if let Some(v) = locks.attrs.borrow().get_str(n) {
            package.attrs.borrow_mut().insert_str(n, v);
        }
    }
    for (name, names) in SUBMODULES {
        let module = if *name == "locks" {
            locks.clone()
        } else {
            new_submodule(name)
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
        let value = Value::Module(module);
        vm.modules
            .borrow_mut()
            .insert_str(&format!("asyncio.{name}"), value.clone());
        package.attrs.borrow_mut().insert_str(name, value);
    }
    Ok(())
}

/// The empty submodule `asyncio.NAME` (`__name__` set, so that classes
/// defined in it say they come from it).
fn new_submodule(name: &str) -> Rc<Module> {
    let module = Rc::new(Module {
        name: Rc::from(format!("asyncio.{name}")),
        attrs: Default::default(),
        filename: Rc::from(format!("asyncio/{name}.py")),
    });
    module
        .attrs
        .borrow_mut()
        .insert_str("__name__", Value::str(&format!("asyncio.{name}")));
    module
}
