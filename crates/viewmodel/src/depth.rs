//! The ready queue's length after every event, for the timeline's
//! ready-queue lane, with per-block maxima so that the largest length over
//! any range of events (one pixel column of a zoomed-out timeline may cover
//! thousands) is found in a few steps.

use loopscope_runtime::trace::{EventKind, Trace};

/// Events per block of [`ReadyDepth::block_max`].
const BLOCK: usize = 64;

/// How many handles wait in the ready queue after each event.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadyDepth {
    after: Vec<u32>,
    block_max: Vec<u32>,
    max: u32,
}

impl ReadyDepth {
    /// Counts the ready queue through the trace (the fold of docs/trace.md:
    /// `handle_scheduled` and `timer_fired` append, `handle_run` and
    /// `handle_skipped` pop, `loop_closed` empties).
    pub(crate) fn new(trace: &Trace) -> ReadyDepth {
        let mut depth: u32 = 0;
        let after: Vec<u32> = trace
            .events
            .iter()
            .map(|event| {
                match event.kind {
                    EventKind::HandleScheduled { .. } | EventKind::TimerFired { .. } => {
                        depth += 1;
                    }
                    EventKind::HandleRun { .. } | EventKind::HandleSkipped { .. } => {
                        depth = depth.saturating_sub(1);
                    }
                    EventKind::LoopClosed => depth = 0,
                    _ => {}
                }
                depth
            })
            .collect();
        let block_max: Vec<u32> = after
            .chunks(BLOCK)
            .map(|block| block.iter().copied().max().unwrap_or(0))
            .collect();
        let max = block_max.iter().copied().max().unwrap_or(0);
        ReadyDepth {
            after,
            block_max,
            max,
        }
    }

    /// The length after event `k` (0 past the end).
    pub fn after(&self, k: usize) -> u32 {
        self.after.get(k).copied().unwrap_or(0)
    }

    /// The longest the queue got over the whole run.
    pub fn max(&self) -> u32 {
        self.max
    }

    /// The longest the queue got after any event of `first..=last` (clamped).
    pub fn max_between(&self, first: usize, last: usize) -> u32 {
        let last = last.min(self.after.len().saturating_sub(1));
        if self.after.is_empty() || first > last {
            return 0;
        }
        let (first_block, last_block) = (first / BLOCK, last / BLOCK);
        if last_block <= first_block + 1 {
            return self.after[first..=last].iter().copied().max().unwrap_or(0);
        }
        let head = self.after[first..(first_block + 1) * BLOCK].iter();
        let middle = self.block_max[first_block + 1..last_block].iter();
        let tail = self.after[last_block * BLOCK..=last].iter();
        head.chain(middle).chain(tail).copied().max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use loopscope_runtime::{run_program, RunOptions};

    use super::*;

    /// The count is the replayed ready queue's length, at every event of
    /// every example and conformance program.
    #[test]
    fn the_count_is_the_ready_queues_length() {
        for (name, source) in crate::programs::examples_and_cases() {
            let trace = run_program(&source, &RunOptions::default())
                .trace
                .expand()
                .unwrap();
            let catalog = crate::catalog::Catalog::new(&trace);
            let depth = ReadyDepth::new(&trace);
            let mut state = crate::replay::State::default();
            for (k, event) in trace.events.iter().enumerate() {
                state.apply(event, &catalog);
                assert_eq!(
                    depth.after(k) as usize,
                    state.ready.len(),
                    "{name}: event {k}"
                );
            }
        }
    }

    #[test]
    fn block_maxima_agree_with_a_plain_scan() {
        let source = crate::testing::many_sleepers(30, 12);
        let trace = run_program(&source, &RunOptions::default())
            .trace
            .expand()
            .unwrap();
        let depth = ReadyDepth::new(&trace);
        let n = trace.events.len();
        assert!(depth.max() > 10, "the sleepers queue up");
        let mut seed = 17u64;
        for _ in 0..2_000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let a = (seed >> 33) as usize % n;
            let b = (seed >> 13) as usize % n;
            let (first, last) = (a.min(b), a.max(b));
            let plain = (first..=last).map(|k| depth.after(k)).max().unwrap_or(0);
            assert_eq!(depth.max_between(first, last), plain, "{first}..={last}");
        }
        assert_eq!(depth.max_between(0, n - 1), depth.max());
        assert_eq!(depth.max_between(5, 4), 0);
    }
}
