//! The interpreter's state, as plain data: the frame stack, the modules, the
//! virtual clock, the trace recorder, and each module's own state. Like
//! CPython's thread state, it is what every native function receives
//! (`NativeFn` takes `&mut Vm`); everything that *runs* code — the dispatch
//! loop, calls, the protocols — is the VM layer's (`vm/`), and the modules
//! and asyncio keep their state here through [`ModuleStates`] without this
//! layer knowing their types.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::limits::Limits;
use crate::object::dict::Dict;
use crate::object::frame::Frame;
use crate::object::generator::{AsyncGenHooks, Resume};
use crate::object::slots::TypeSlots;
use crate::object::value::{ExcRef, Module, PyResult, Value};
use crate::progress::ProgressReporter;
use crate::python_sources::LibraryFile;
use crate::trace::Recorder;

pub struct Vm {
    /// Boxed, so that a generator's frame moves on and off as one pointer
    /// (clippy's `vec_box` assumes the box is only another allocation).
    #[allow(clippy::vec_box)]
    pub frames: Vec<Box<Frame>>,
    /// Ended frames kept for the next calls (`Vm::new_frame`): a call then
    /// allocates no box, no value stack and no locals. Boxes, to be pushed
    /// onto `frames` as they are.
    #[allow(clippy::vec_box)]
    pub spare_frames: Vec<Box<Frame>>,
    pub builtins: Rc<Module>,
    pub main: Rc<Module>,
    /// `sys.modules`: the modules imported so far, by name — a dict that
    /// programs see and may change (`sys.modules[name] = obj`).
    pub modules: Rc<RefCell<Dict>>,
    /// Every module a program can import, and how to make it.
    pub registry: ModuleRegistry,
    /// What the layers above register for each built-in type: methods,
    /// data attributes, construction, `await`.
    pub slots: TypeSlots,
    /// Each module's own state (asyncio's loops, `random`'s generator, ...).
    pub states: ModuleStates,
    /// The run's seed (`--seed`).
    pub seed: u64,
    /// Input for the `Send` being re-executed by a resumed frame.
    pub(crate) pending_input: Option<Resume>,
    /// An exception to raise in the top frame when the loop continues
    /// (thrown into a generator suspended at a `yield`).
    pub(crate) pending_throw: Option<ExcRef>,
    /// `instructions` when the event loop last got control back.
    pub(crate) instructions_at_yield: u64,
    /// Total instructions executed.
    pub instructions: u64,
    /// The instruction-equivalents of work done in Rust (`Vm::count_native_work`)
    /// since the last bytecode instruction: how long the native operation that ran
    /// out of the instruction budget had been running (`vm/budget.rs`).
    pub(crate) native_streak: u64,
    /// `instructions` when the streak was last counted (a bytecode instruction
    /// since then ends it).
    pub(crate) native_streak_end: u64,
    /// Exceptions pushed on a frame's `handling` and not popped since: while it
    /// is 0 no frame handles one, and a raise need not look through the frames
    /// (a recursion 1,000 deep that raises at every leaf would scan them all each
    /// time). A frame dropped while handling leaves it higher than the truth,
    /// which only costs that scan.
    pub(crate) handling_entries: usize,
    pub limits: Limits,
    pub recorder: Recorder,
    /// The await chains the recorder has interned, by their frames.
    pub await_chains: crate::object::await_chains::AwaitChains,
    /// Virtual time in seconds; read by `time.*` and the event loop.
    pub now: f64,
    pub source_lines: Rc<Vec<String>>,
    /// Set when a limit stops the program (exit status 3).
    pub halted: Option<crate::limits::Stop>,
    /// What the run holds, measured against [`Limits::memory_bytes`].
    pub(crate) memory: crate::memory::Usage,
    /// Bytes of program output written, measured against [`Limits::max_output_bytes`].
    pub(crate) output_bytes: usize,
    /// Never-awaited warnings already shown, by (message, file, line):
    /// CPython's `__warningregistry__` for the `default` action (one per module).
    pub(crate) warning_registry: HashSet<(String, Rc<str>, u32)>,
    /// Line where the last resumed generator yielded, returned or raised.
    pub last_line: u32,
    /// Frames below this depth belong to code waiting for the running loop.
    pub(crate) loop_floor: usize,
    /// Python frames CPython would have on the stack that Loopscope runs as
    /// Rust (asyncio.run's and the loop's own functions), so that deep
    /// recursion fails at the same depth as in CPython.
    pub(crate) library_depth: usize,
    /// Frames on the stack of library code CPython runs in C
    /// ([`crate::object::code::CodeObject::runs_as_c`]): not counted in the depth.
    pub(crate) c_frames: usize,
    /// Nested runs of the dispatch loop (Rust code calling Python), bounded
    /// so that the Rust stack cannot overflow.
    pub(crate) native_depth: usize,
    /// Set by the thread scheduler when a simulated thread blocks: the
    /// dispatch loop then ends the thread's run with `Exit::Blocked`.
    pub(crate) block_request: bool,
    /// Tells a watching UI how far the run has got (`run_program_observed`).
    pub(crate) progress: ProgressReporter,
    /// The methods of built-in types taken from a type (`object.__lt__`),
    /// made once each so that they are the same object every time, as in
    /// CPython (`functools.total_ordering` compares them with `is`).
    pub(crate) unbound_methods: HashMap<(crate::object::types::TypeId, &'static str), Value>,
    /// `sys.get_coroutine_origin_tracking_depth()`: how many frames a new
    /// coroutine's `cr_origin` keeps (0: none is kept).
    pub coroutine_origin_depth: usize,
    /// `tracemalloc.start()`/`stop()`: whether new coroutines record where they
    /// were allocated (for the "never awaited" warning).
    pub tracemalloc: crate::object::stack_summary::Tracemalloc,
    /// `sys.set_asyncgen_hooks`: installed by asyncio's running loop.
    pub asyncgen_hooks: AsyncGenHooks,
}

/// Builds a module written in Rust.
pub type ModuleBuilder = fn(&mut Vm) -> PyResult<Rc<Module>>;

/// How a module is made the first time it is imported.
#[derive(Clone, Copy)]
pub enum ModuleSource {
    /// Built by Rust code.
    Native(ModuleBuilder),
    /// Python source, compiled by Loopscope's own compiler at import. Its
    /// frames are library frames: tracebacks do not show them, as the
    /// conformance recorder does not show CPython's.
    Python {
        source: LibraryFile,
        /// The file CPython's module would come from (its repr shows it).
        filename: &'static str,
    },
}

/// The importable modules, by dotted name (`asyncio`, `os.path`).
#[derive(Default)]
pub struct ModuleRegistry {
    entries: HashMap<&'static str, ModuleSource>,
}

impl ModuleRegistry {
    pub fn register(&mut self, name: &'static str, source: ModuleSource) {
        self.entries.insert(name, source);
    }

    pub fn get(&self, name: &str) -> Option<ModuleSource> {
        self.entries.get(name).copied()
    }
}

/// Each module's own state, one value per Rust type (a handful: a short
/// list beats a hash map).
pub struct ModuleStates {
    states: Vec<(TypeId, Box<dyn Any>)>,
    /// Where each type asked for was found, in a slot chosen by the type (a constant
    /// once compiled): asyncio asks for its state many times per loop operation, a task's
    /// step for the current context and a program for its module's state between them.
    found: [(TypeId, usize); FOUND_SLOTS],
}

/// How many slots [`ModuleStates`] remembers types in.
const FOUND_SLOTS: usize = 64;

/// The two slots `id` may be remembered in ([`ModuleStates::found`]), from the 64 bits a
/// `TypeId` hashes as, which the compiler folds to constants for a type known at compile
/// time. Two, so that two hot types whose first slots collide (the current context and
/// asyncio's state, asked for by every task step, did in one build) both stay found.
#[inline(always)]
fn found_slots(id: TypeId) -> (usize, usize) {
    use std::hash::{Hash, Hasher};
    struct Bits(u64);
    impl Hasher for Bits {
        fn write(&mut self, bytes: &[u8]) {
            for &b in bytes {
                self.0 = self.0.rotate_left(8) ^ u64::from(b);
            }
        }
        fn write_u64(&mut self, n: u64) {
            self.0 ^= n;
        }
        fn finish(&self) -> u64 {
            self.0
        }
    }
    let mut bits = Bits(0);
    id.hash(&mut bits);
    let h = bits.finish();
    let first = (h ^ (h >> 17) ^ (h >> 41)) as usize % FOUND_SLOTS;
    let second = ((h >> 29) ^ (h >> 53) ^ (h >> 7)) as usize % FOUND_SLOTS;
    (first, second)
}

impl Default for ModuleStates {
    fn default() -> ModuleStates {
        // No state is ever stored under this type.
        let none = (TypeId::of::<ModuleStates>(), usize::MAX);
        ModuleStates {
            states: Vec::new(),
            found: [none; FOUND_SLOTS],
        }
    }
}

impl ModuleStates {
    /// The state of type `T`, made by `init` the first time it is asked for.
    pub fn get_or_init<T: Any>(&mut self, init: impl FnOnce() -> T) -> &mut T {
        let index = match self.index_of::<T>() {
            Some(i) => i,
            None => self.add(Box::new(init())),
        };
        self.at(index)
    }

    /// The state of type `T`, starting from its default.
    #[inline]
    pub fn get<T: Any + Default>(&mut self) -> &mut T {
        let index = match self.index_of::<T>() {
            Some(i) => i,
            None => self.add_default::<T>(),
        };
        self.at(index)
    }

    #[inline]
    fn index_of<T: Any>(&mut self) -> Option<usize> {
        let id = TypeId::of::<T>();
        let (first, second) = found_slots(id);
        if self.found[first].0 == id {
            return Some(self.found[first].1);
        }
        if self.found[second].0 == id {
            return Some(self.found[second].1);
        }
        self.find(id, first, second)
    }

    /// Where `id`'s state is, looked up in the list, and remembered in the first of its
    /// two slots that is free (else in the second: what sits in the first may be
    /// another type's first choice).
    #[cold]
    #[inline(never)]
    fn find(&mut self, id: TypeId, first: usize, second: usize) -> Option<usize> {
        let index = self.states.iter().position(|(t, _)| *t == id)?;
        let free = self.found[first].1 == usize::MAX;
        self.found[if free { first } else { second }] = (id, index);
        Some(index)
    }

    #[inline]
    fn at<T: Any>(&mut self, index: usize) -> &mut T {
        match self.states[index].1.downcast_mut::<T>() {
            Some(state) => state,
            None => unreachable!("a state is stored under its own type"),
        }
    }

    #[cold]
    #[inline(never)]
    fn add_default<T: Any + Default>(&mut self) -> usize {
        self.add(Box::new(T::default()))
    }

    #[cold]
    fn add(&mut self, state: Box<dyn Any>) -> usize {
        self.states.push(((*state).type_id(), state));
        self.states.len() - 1
    }
}
