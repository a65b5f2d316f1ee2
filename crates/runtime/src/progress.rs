//! Live progress of a run, for a UI that shows it while the program runs (the web page runs
//! the engine in a worker and shows events, virtual time and instructions as they grow).
//!
//! [`run_program_observed`](crate::run_program_observed) calls a [`ProgressHook`] every
//! [`EVENTS_PER_REPORT`] trace records or [`INSTRUCTIONS_PER_REPORT`] instructions, whichever
//! comes first, with the trace recorded so far; the hook can forward the new part, so what a
//! run recorded survives even if the run never returns.

use std::fmt;
use std::rc::Rc;

use crate::trace::PackedTrace;

/// Records recorded between two reports, at most.
pub const EVENTS_PER_REPORT: usize = 4096;

/// Instructions executed between two reports, at most (give or take the VM's limit-check
/// interval): a program that computes without yielding still reports.
pub const INSTRUCTIONS_PER_REPORT: u64 = 1 << 18;

/// How far a run has got.
pub struct Progress<'a> {
    /// Everything recorded so far (`filename` and `seed` are set only at the end).
    pub trace: &'a PackedTrace,
    /// Instructions executed so far.
    pub instructions: u64,
    /// The virtual clock, in seconds.
    pub now: f64,
}

/// A function told about a run's progress while it runs.
#[derive(Clone)]
pub struct ProgressHook(Rc<dyn Fn(&Progress<'_>)>);

impl ProgressHook {
    pub fn new(report: impl Fn(&Progress<'_>) + 'static) -> ProgressHook {
        ProgressHook(Rc::new(report))
    }
}

impl fmt::Debug for ProgressHook {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("ProgressHook")
    }
}

/// Decides when the hook is due; the VM asks it after each handle and at each limit check.
#[derive(Default)]
pub(crate) struct ProgressReporter {
    hook: Option<ProgressHook>,
    next_events: usize,
    next_instructions: u64,
}

impl ProgressReporter {
    pub(crate) fn new(hook: Option<ProgressHook>) -> ProgressReporter {
        ProgressReporter {
            hook,
            next_events: EVENTS_PER_REPORT,
            next_instructions: INSTRUCTIONS_PER_REPORT,
        }
    }

    /// Calls the hook if enough happened since the last report.
    pub(crate) fn tick(&mut self, trace: &PackedTrace, instructions: u64, now: f64) {
        let Some(hook) = &self.hook else { return };
        if trace.records.len() < self.next_events && instructions < self.next_instructions {
            return;
        }
        self.next_events = trace.records.len() + EVENTS_PER_REPORT;
        self.next_instructions = instructions + INSTRUCTIONS_PER_REPORT;
        (hook.0)(&Progress {
            trace,
            instructions,
            now,
        });
    }
}
