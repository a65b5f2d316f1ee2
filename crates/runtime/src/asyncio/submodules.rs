//! asyncio's submodules (`asyncio.tasks`, `asyncio.exceptions`...): made
//! with the package, as `import asyncio` imports them all in CPython, each
//! holding the package's very objects under the names of its `__all__`
//! that Loopscope has.

use std::rc::Rc;

use crate::object::value::{Module, Value};
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
/// package.
pub fn install(vm: &mut Vm, package: &Module) {
    for (name, names) in SUBMODULES {
        let module = Rc::new(Module {
            name: Rc::from(format!("asyncio.{name}")),
            attrs: Default::default(),
            filename: Rc::from(format!("asyncio/{name}.py")),
        });
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
}
