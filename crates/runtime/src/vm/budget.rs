//! The instruction budget: work done in Rust counted with the bytecode, the
//! periodic checks of the limits (`limits.rs`), and what the stop message says
//! was running when a step of the loop ran out of instructions.

use crate::object::value::PyResult;
use crate::trace::Halt;
use crate::vm::Vm;

use super::interp::LIMIT_CHECK_INTERVAL;

impl Vm {
    /// Counts `work` instruction-equivalents of work done in Rust (an item a native
    /// loop takes from an iterator, the items of a sequence about to be built) and runs
    /// the periodic limit checks when the count passes a check point, so that native
    /// loops (`sum(range(10**12))`, `list(itertools.repeat(0, 10**12))`) stop at the
    /// instruction budget and the memory budget as bytecode does.
    pub(crate) fn count_native_work(&mut self, work: u64) -> PyResult<()> {
        let before = self.instructions;
        if before != self.native_streak_end {
            self.native_streak = 0;
        }
        self.instructions += work;
        self.native_streak += work;
        self.native_streak_end = self.instructions;
        if before / LIMIT_CHECK_INTERVAL == self.instructions / LIMIT_CHECK_INTERVAL {
            return Ok(());
        }
        self.check_limits()
    }

    /// The instruction-equivalents of work native code may still do before the
    /// instruction budget stops the run: what the regex matcher, which stops
    /// itself, is allowed.
    pub(crate) fn native_work_left(&self) -> u64 {
        let used = self.instructions - self.instructions_at_yield;
        self.limits.instructions_without_yield.saturating_sub(used)
    }

    /// Called periodically: enforce the instruction budget and the memory
    /// budget (and report progress).
    pub(crate) fn check_limits(&mut self) -> PyResult<()> {
        self.report_progress();
        let used = self.instructions - self.instructions_at_yield;
        if used > self.limits.instructions_without_yield {
            let msg = format!(
                "stopped after {} instructions without yielding to the event loop: {}",
                self.limits.instructions_without_yield,
                self.where_the_budget_went(used)
            );
            return Err(self.halt(Halt::InstructionLimit, msg));
        }
        self.unless_halted()?;
        self.check_memory_for(0)
    }

    /// What was running when the instruction budget ran out, as the stop
    /// message says it: a long job at one of the program's lines, when it took
    /// most (three quarters) of the `used` instructions (a call into a library
    /// module written in Python, `pickle.dumps` of big data, or one native
    /// operation, `sum(range(10**12))` or a regex that backtracks); else a
    /// Python loop of the program, which may do such things many times.
    fn where_the_budget_went(&self, used: u64) -> String {
        let line = self.current_line();
        let most = used / 4 * 3;
        let running = self.frames.get(self.loop_floor..).unwrap_or_default();
        let library_call = running.iter().rev().take_while(|f| f.code.library).last();
        let still_running = " was still running (a very long job, or one that never ends)";
        if let Some(f) = library_call {
            if self.instructions - f.entered_at > most {
                // A module's function by its module (`pickle.dumps`), a method by
                // its class (`Pattern.match`).
                let function = &f.code.qualname;
                let name = if function.contains('.') {
                    function.to_string()
                } else {
                    format!("{}.{function}", f.globals.name)
                };
                return format!("the call to {name} at line {line}{still_running}");
            }
        }
        let native_op_running = self.native_streak_end == self.instructions;
        if native_op_running && self.native_streak > most {
            return format!("a built-in operation at line {line}{still_running}");
        }
        format!("is there an infinite loop near line {line}?")
    }
}
