//! Loopscope's composer: build an asyncio scenario from parts, without typing code.
//!
//! A [`Composition`] is coroutines as ordered lists of steps (sleep, blocking sleep, CPU
//! work, print, await a coroutine, create and await tasks, gather, wait_for, wait,
//! queue put/get/task_done/join, async with a lock or semaphore, event set/wait, cancel,
//! raise, repeat, try/except), the queues/locks/events/semaphores they share, and
//! parameters shown as sliders. [`generate`] turns it into the readable Python program
//! that runs — the page runs exactly that code on the same engine, and the user can go
//! on editing it as code. Templates ([`TemplateId`]) build the classic scenarios from
//! their parameters.
//!
//! ```
//! use loopscope_composer::{generate, TemplateId};
//!
//! let mut composition = TemplateId::ProducerConsumer.build();
//! let program = generate(&composition).expect("templates generate");
//! assert!(program.code.contains("queue = asyncio.Queue(maxsize=MAXSIZE)"));
//! assert!(program.code.contains("MAXSIZE = 2\n"));
//! // A slider: a constant changes, the code follows.
//! composition.params.iter_mut().find(|p| p.name == "MAXSIZE").unwrap().value = 5.0;
//! assert!(generate(&composition).unwrap().code.contains("MAXSIZE = 5\n"));
//! ```
//!
//! Modules: `model` (the data, also the share-link payload), `build` (short
//! constructors), `expr` (the fields' small
//! Python, checked), `scope` (declared names, resources passed, variables in scope),
//! `generate` (the program), `edit` (the composer's line operations), `form` (each
//! step's fields, as data), `templates`.

pub mod build;
pub mod edit;
pub mod expr;
pub mod form;
mod generate;
mod model;
mod scope;
mod templates;

pub use generate::{generate, Origin, Problem, Program, ERRORS, MAIN, MAX_DEPTH};
pub use model::*;
pub use scope::SEED;
pub use templates::{TemplateId, TEMPLATES};
