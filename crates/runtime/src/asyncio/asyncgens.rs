//! `BaseEventLoop`'s async generator hooks (`_asyncgen_firstiter_hook`,
//! `_asyncgen_finalizer_hook`, installed while the loop runs) and
//! `shutdown_asyncgens()`, which `asyncio.run` awaits before closing the loop.

use std::rc::Rc;

use crate::object::exceptions::type_error;
use crate::object::generator::{AgenOp, AsyncGenAwaitable, AsyncGenHooks, Generator};
use crate::object::types::TypeId;
use crate::object::value::{Args, Builtin, PyResult, Value};
use crate::vm::{GenOutcome, Resume, Vm};

use super::aio;
use super::base_events::call_soon;
use super::callbacks::Callback;
use super::objects::{as_async, AsyncObject};

/// The hooks of loop `loop_id` (`sys.set_asyncgen_hooks(...)` in `run_forever`).
pub fn hooks(vm: &mut Vm, loop_id: u32) -> AsyncGenHooks {
    let lp = Value::Native(aio(vm).loop_objects[loop_id as usize].clone());
    let method = |name: &'static str, func| {
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            receiver: lp.clone(),
        }))
    };
    AsyncGenHooks {
        firstiter: Some(method("_asyncgen_firstiter_hook", firstiter)),
        finalizer: Some(method("_asyncgen_finalizer_hook", finalizer)),
    }
}

fn loop_id(recv: &Value) -> PyResult<u32> {
    match as_async(recv).as_deref() {
        Some(AsyncObject::Loop(id)) => Ok(*id),
        _ => Err(type_error("not an event loop")),
    }
}

fn agen_arg(args: &Args) -> PyResult<Rc<Generator>> {
    match args.pos.first() {
        Some(Value::Generator(g)) if g.is_async_gen() => Ok(g.clone()),
        _ => Err(type_error("an async generator was expected")),
    }
}

/// `_asyncgen_firstiter_hook(agen)`: `self._asyncgens.add(agen)` (a WeakSet;
/// kept in first-iteration order here). Its ResourceWarning after shutdown
/// is ignored by Python's default warning filters, so it is not shown.
fn firstiter(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let id = loop_id(recv)?;
    let agen = agen_arg(&args)?;
    aio(vm).loops[id as usize]
        .asyncgens
        .push(Rc::downgrade(&agen));
    Ok(Value::None)
}

/// `_asyncgen_finalizer_hook(agen)`: forget it and, unless the loop is
/// closed, `call_soon_threadsafe(self.create_task, agen.aclose())`.
fn finalizer(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let id = loop_id(recv)?;
    let agen = agen_arg(&args)?;
    let lp = &mut aio(vm).loops[id as usize];
    lp.asyncgens
        .retain(|w| w.upgrade().is_some_and(|g| !Rc::ptr_eq(&g, &agen)));
    if lp.closed {
        return Ok(Value::None);
    }
    let create_task = crate::attrs::get_attr(vm, recv, "create_task")?;
    let aclose = Value::Native(Rc::new(AsyncGenAwaitable::new(agen, AgenOp::Close)));
    let context = crate::modules::contextvars::copy_for_callback(vm);
    call_soon(
        vm,
        id,
        Callback::Python {
            func: create_task,
            args: vec![aclose],
            context,
        },
    );
    Ok(Value::None)
}

/// `loop.shutdown_asyncgens()` as a state machine.
#[derive(Default)]
pub struct Shutdown {
    loop_id: u32,
    /// The generators being closed and the gather of their `aclose()`s.
    closing: Option<(Vec<Rc<Generator>>, Rc<AsyncObject>)>,
}

impl Shutdown {
    /// `results = await tasks.gather(...)` in base_events.py.
    pub fn suspended_line(&self) -> Option<u32> {
        self.closing.as_ref().map(|_| 551)
    }

    pub fn new(loop_id: u32) -> Shutdown {
        Shutdown {
            loop_id,
            closing: None,
        }
    }

    pub fn step(&mut self, vm: &mut Vm, input: Resume) -> GenOutcome {
        match self.closing.take() {
            None => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let lp = &mut aio(vm).loops[self.loop_id as usize];
                lp.asyncgens_shutdown_called = true;
                let agens: Vec<Rc<Generator>> = std::mem::take(&mut lp.asyncgens)
                    .iter()
                    .filter_map(|w| w.upgrade())
                    .collect();
                if agens.is_empty() {
                    return GenOutcome::Returned(Value::None);
                }
                let acloses = agens
                    .iter()
                    .map(|g| {
                        let aw = AsyncGenAwaitable::new(g.clone(), AgenOp::Close);
                        Value::Native(Rc::new(aw))
                    })
                    .collect();
                let gathered = match super::gather::gather(vm, acloses, true) {
                    Ok(v) => v,
                    Err(e) => return GenOutcome::Raised(e),
                };
                let Some(fut) = as_async(&gathered) else {
                    return GenOutcome::Raised(type_error("gather() gave no future"));
                };
                if let Some(f) = fut.as_future() {
                    f.blocking.set(true);
                }
                self.closing = Some((agens, fut.clone()));
                GenOutcome::Yielded(gathered)
            }
            Some((agens, fut)) => {
                if let Resume::Throw(e) = input {
                    return GenOutcome::Raised(e);
                }
                let results = match super::futures::result(&fut) {
                    Ok(Value::List(items)) => items.borrow().clone(),
                    Ok(_) => Vec::new(),
                    Err(e) => return GenOutcome::Raised(e),
                };
                for (result, agen) in results.iter().zip(&agens) {
                    if let Value::Exception(e) = result {
                        if e.is(TypeId::Exception) {
                            let message = format!(
                                "an error occurred during closing of asynchronous generator {}",
                                agen.repr()
                            );
                            // Raised by C code (`aclose()`), the exception
                            // may have no frames: not `from_loop`.
                            let context = vec![
                                ("message", Value::str(&message)),
                                ("exception", Value::Exception(e.clone())),
                                ("asyncgen", Value::Generator(agen.clone())),
                            ];
                            super::exception_handler::report(vm, context, false);
                        }
                    }
                }
                GenOutcome::Returned(Value::None)
            }
        }
    }
}
