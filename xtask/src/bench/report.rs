//! BENCHMARKS.md from the measured figures: the tables, one verdict per target of issue 13,
//! the machine the figures come from, and how each figure is obtained.

use std::fmt::Write as _;
use std::fs;
use std::process::Command as Process;
use std::time::Duration;

use loopscope_runtime::trace::Record;

use crate::process::probe;
use crate::workspace::Workspace;

use super::{
    BenchmarkResult, Measured, Run, COMMAND_LINE, LONG_TRACE_EVENTS, TRACE_BYTES_PER_EVENT_TARGET,
};

/// A wall time with millisecond precision: `12.345 s`.
pub(super) fn seconds(wall: Duration) -> String {
    format!("{:.3} s", wall.as_secs_f64())
}

/// A count with thousands separators: `10,080,021`.
pub(crate) fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// KiB as MiB with one decimal: `21.7 MiB`.
pub(super) fn mebibytes(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// Wall and CPU time of a run: `12.345 s (CPU 11.900 s)`.
pub(super) fn times_of(run: &Measured) -> String {
    format!("{} (CPU {})", seconds(run.wall), seconds(run.cpu))
}

/// Wall times, speed-ups and output equality, as a Markdown table (it reads well in a
/// terminal too).
pub(super) fn speed_table(results: &[BenchmarkResult]) -> String {
    let mut table = String::from(
        "| benchmark | CPython | loopscope --trace | speed-up | loopscope (no trace) | speed-up | target | same output |\n\
         |---|---:|---:|---:|---:|---:|---:|---|\n",
    );
    for result in results {
        let ratio = |run: &Run| {
            let (Some(wall), Some(cpu)) = (
                speed_up(&result.cpython, run, |run| run.wall),
                speed_up(&result.cpython, run, |run| run.cpu),
            ) else {
                return "n/a".to_string();
            };
            format!("{} (CPU {})", times(wall), times(cpu))
        };
        let cells = [
            format!("{} `{}`", result.benchmark.workload, result.benchmark.file),
            wall(&result.cpython),
            wall(&result.traced),
            ratio(&result.traced),
            wall(&result.untraced),
            ratio(&result.untraced),
            format!("≥{}", times(result.benchmark.speed_target)),
            match (result.all_ran(), result.output_differences().is_empty()) {
                (true, true) => "yes".into(),
                (_, false) => "**NO**".into(),
                (false, true) => "n/a".into(),
            },
        ];
        table.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    table
}

/// Peak memory of every run and the trace's size, as a Markdown table.
pub(super) fn memory_table(results: &[BenchmarkResult]) -> String {
    let mut table = String::from(
        "| benchmark | CPython peak | loopscope --trace peak | loopscope (no trace) peak | trace records (elementary events) | records per operation | binary trace file, read + expanded in | trace bytes/record |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for result in results {
        let peak = |run: &Run| {
            run.as_ref()
                .map_or("n/a".into(), |run| mebibytes(run.peak_kib))
        };
        let trace = result.trace.as_ref();
        let cells = [
            format!("`{}`", result.benchmark.file),
            peak(&result.cpython),
            peak(&result.traced),
            match result.benchmark.peak_target_mib {
                Some(target) => format!("{} (target ≤{target} MiB)", peak(&result.untraced)),
                None => peak(&result.untraced),
            },
            trace.map_or("n/a".into(), |trace| {
                format!("{} ({})", grouped(trace.records), grouped(trace.events))
            }),
            match (&result.benchmark.operations, trace) {
                (Some(ops), Ok(trace)) => format!(
                    "{:.2} per {} (target ≤{})",
                    trace.records as f64 / ops.count as f64,
                    ops.name,
                    ops.events_target
                ),
                (Some(_), Err(_)) => "n/a".into(),
                (None, _) => "—".into(),
            },
            trace.map_or("n/a".into(), |trace| {
                format!(
                    "{} ({:.1} bytes/record), {} + {}",
                    mebibytes(trace.file_bytes / 1024),
                    trace.file_bytes as f64 / trace.records.max(1) as f64,
                    seconds(trace.decode),
                    seconds(trace.expand)
                )
            }),
            trace.map_or("n/a".into(), |trace| {
                format!(
                    "{:.1} (target ≤{TRACE_BYTES_PER_EVENT_TARGET})",
                    trace.bytes_per_record()
                )
            }),
        ];
        table.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    table
}

pub(super) fn wall(run: &Run) -> String {
    run.as_ref().map_or("failed".into(), times_of)
}

pub(super) fn times(ratio: f64) -> String {
    format!("{ratio:.2}×")
}

/// CPython's time over loopscope's, when both ran; `time` picks wall or CPU time.
pub(super) fn speed_up(
    cpython: &Run,
    loopscope: &Run,
    time: fn(&Measured) -> Duration,
) -> Option<f64> {
    let (cpython, loopscope) = (cpython.as_ref().ok()?, loopscope.as_ref().ok()?);
    Some(time(cpython).as_secs_f64() / time(loopscope).as_secs_f64())
}

/// One sentence per target: met, missed, or not measurable (and why); then any output
/// mismatch.
pub(super) fn target_verdicts(results: &[BenchmarkResult]) -> Vec<String> {
    let mut verdicts = Vec::new();
    for result in results {
        let target = times(result.benchmark.speed_target);
        let name = result.benchmark.file;
        let ratio = |run: &Run, time: fn(&Measured) -> Duration| {
            speed_up(&result.cpython, run, time).map_or("n/a".into(), times)
        };
        let verdict = match speed_up(&result.cpython, &result.untraced, |run| run.wall) {
            Some(wall_ratio) => {
                let outcome = if wall_ratio >= result.benchmark.speed_target {
                    "met"
                } else {
                    "MISSED"
                };
                format!(
                    "{name}: speed target ≥{target} {outcome}: {} with the trace in memory \
                     ({} writing the binary trace too); in CPU time {} ({} with --trace)",
                    times(wall_ratio),
                    ratio(&result.traced, |run| run.wall),
                    ratio(&result.untraced, |run| run.cpu),
                    ratio(&result.traced, |run| run.cpu),
                )
            }
            None => {
                let (runtime, reason) = match (&result.untraced, &result.cpython) {
                    (Err(reason), _) => ("loopscope", reason),
                    (_, Err(reason)) => ("CPython", reason),
                    (Ok(_), Ok(_)) => unreachable!("both ran, so there is a ratio"),
                };
                format!("{name}: speed target ≥{target} not measurable: {runtime} failed: {reason}")
            }
        };
        verdicts.push(verdict);
        verdicts.extend(result.operations_verdict());
        verdicts.extend(result.peak_verdict());
        verdicts.extend(result.output_differences());
    }
    verdicts.push(trace_verdict(results));
    verdicts
}

/// The trace memory target, judged on the long traces (see [`LONG_TRACE_EVENTS`]): the one
/// with the most bytes per event.
pub(super) fn trace_verdict(results: &[BenchmarkResult]) -> String {
    let target = format!("trace memory target ≤{TRACE_BYTES_PER_EVENT_TARGET} bytes/event");
    let event_size = std::mem::size_of::<Record>();
    let worst = results
        .iter()
        .filter_map(|result| Some((result.benchmark.file, result.trace.as_ref().ok()?)))
        .filter(|(_, trace)| trace.records >= LONG_TRACE_EVENTS)
        .max_by(|a, b| a.1.bytes_per_record().total_cmp(&b.1.bytes_per_record()));
    let Some((file, trace)) = worst else {
        return format!(
            "{target} not measurable: no trace of {LONG_TRACE_EVENTS} events or more was \
             written (size_of::<Record>() = {event_size} bytes)"
        );
    };
    let bytes = trace.bytes_per_record();
    let outcome = if bytes <= TRACE_BYTES_PER_EVENT_TARGET {
        "met"
    } else {
        "MISSED"
    };
    format!(
        "{target} {outcome}: worst long trace {bytes:.1} bytes/record ({file}), of which \
         size_of::<Record>() = {event_size}"
    )
}

/// Where the figures come from, for BENCHMARKS.md.
pub struct Machine {
    pub date: String,
    pub cpu: String,
    pub cores: usize,
    memory: String,
    python: String,
    rustc: String,
    pub commit: String,
    /// The load average when the bench started.
    pub load_before: String,
}

impl Machine {
    pub fn describe(workspace: &Workspace) -> Machine {
        let unknown = || "unknown".to_string();
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let field = |text: &str, name: &str| {
            text.lines()
                .find(|line| line.starts_with(name))
                .and_then(|line| line.split_once(':'))
                .map(|(_, value)| value.trim().to_string())
        };
        let commit = probe(
            workspace
                .command("git")
                .args(["rev-parse", "--short", "HEAD"]),
        )
        .unwrap_or_else(unknown);
        let dirty = probe(workspace.command("git").args(["status", "--porcelain"]))
            .is_some_and(|status| !status.is_empty());
        Machine {
            date: probe(Process::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
                .unwrap_or_else(unknown),
            cpu: field(&cpuinfo, "model name").unwrap_or_else(unknown),
            cores: std::thread::available_parallelism().map_or(0, |cores| cores.get()),
            memory: field(&meminfo, "MemTotal")
                .and_then(|total| total.strip_suffix("kB")?.trim().parse::<u64>().ok())
                .map_or_else(unknown, |kib| {
                    format!("{:.1} GiB", kib as f64 / (1024.0 * 1024.0))
                }),
            python: probe(workspace.command("python3").arg("--version")).unwrap_or_else(unknown),
            rustc: probe(workspace.command("rustc").arg("--version")).unwrap_or_else(unknown),
            commit: if dirty {
                format!("{commit} plus uncommitted changes in the working tree")
            } else {
                commit
            },
            load_before: load_average(),
        }
    }
}

/// The 1, 5 and 15 minute load averages, from /proc/loadavg.
pub fn load_average() -> String {
    let loadavg = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let fields: Vec<&str> = loadavg.split_whitespace().take(3).collect();
    if fields.len() == 3 {
        fields.join(" ")
    } else {
        "unknown".to_string()
    }
}

pub(super) fn benchmarks_md(
    machine: &Machine,
    load_after: &str,
    tables: &str,
    verdicts: &[String],
) -> String {
    let mut text = String::new();
    let _ = write!(
        text,
        "# Benchmarks\n\
         \n\
         Loopscope against CPython 3.11 on the three programs of [bench/](bench/), full size.\n\
         This file is written by `{COMMAND_LINE}` (the browser's figures further down by \
         `cargo xtask bench-page`): run it again to refresh every figure.\n\
         \n\
         ## Results\n\
         \n\
         {tables}\n\
         ## Targets\n\
         \n"
    );
    for verdict in verdicts {
        let _ = writeln!(text, "- {verdict}");
    }
    let _ = write!(
        text,
        "\n\
         ## Machine\n\
         \n\
         - date: {}\n\
         - command: `{COMMAND_LINE}` at the repository root\n\
         - commit: {}\n\
         - CPU: {} ({} cores visible)\n\
         - load average (1, 5, 15 min): {} at the start, {load_after} at the end; the \
         machine is shared, so other work slows every figure\n\
         - memory: {}\n\
         - {}; {}\n\
         \n",
        machine.date,
        machine.commit,
        machine.cpu,
        machine.cores,
        machine.load_before,
        machine.memory,
        machine.python,
        machine.rustc
    );
    text.push_str(METHOD);
    text
}

/// The first lines of the sections of BENCHMARKS.md this command keeps, from the first of
/// them to the end: the browser's figures (`cargo xtask bench-page`'s section), the engine's
/// profile (callgrind figures, written by hand) and the web app's budgets (by hand).
pub const KEPT_SECTIONS: [&str; 3] = [
    "\n<!-- cargo xtask bench-page: start (this section is rewritten by the command) -->",
    "\n## Engine profile",
    "\n## Web app budgets",
];

/// What this command keeps of the old BENCHMARKS.md: from the first of [`KEPT_SECTIONS`] to
/// the end (nothing if it has none).
pub fn kept_part(old: &str) -> &str {
    KEPT_SECTIONS
        .iter()
        .filter_map(|heading| old.find(heading))
        .min()
        .map_or("", |at| &old[at..])
}

/// The fixed part of BENCHMARKS.md: how each figure is obtained.
pub(super) const METHOD: &str = "## Method

- Programs: `bench/sleeps.py` (a), `bench/queue.py` (b) and `bench/arithmetic.py` (c), each
  printing a short checksum. They run at full size: CPython needs about one to two minutes
  for all three here, so there is no scaled-down mode.
- loopscope: `cargo build --release --package loopscope-cli --bin loopscope`, then, in
  `bench/`, `loopscope run --timestamps --trace TMP/PROGRAM.trace.bin PROGRAM.py` (its time
  includes encoding and writing the binary trace) and `loopscope run --timestamps
  PROGRAM.py` (the same work without the file: the engine still records the whole trace in
  memory, and its stdout comes from it). As issue 13 sets them, the speed and peak memory
  targets are judged on the second run (native, the trace recorded in memory).
- CPython: `python3 bench/run_cpython.py bench/PROGRAM.py` with `PYTHONHASHSEED=0`, which
  runs the program in-process on the virtual clock, event loop and stamped stdout of
  `tests/conformance/record.py`. Virtual sleeps cost no real time in either runtime.
- Wall time: from spawning the child to reaping it; the speed targets are judged on it.
  Events per operation: the trace's records (docs/trace.md, \"Records\": what the engine
  records, one per loop operation) over the program's sleeps (a) or queue items (b); the
  elementary events they expand to are shown beside them.
  CPU time: the child's user plus system time from `wait4`, shown beside it because it
  suffers less from other work on this shared machine. Peak memory: that child's `ru_maxrss`
  as reported by `wait4`. One run each, no warm-up. The traces are measured only after every
  timed run, because a child's `ru_maxrss` starts at its parent's high-water mark.
- Same output: loopscope's stamped stdout (both runs) equals CPython's byte for byte
  (checksums and virtual timestamps). When it does not, the timings compare different work.
- Trace bytes/record: the binary trace is read back (`trace::binary::decode`, timed, as is
  expanding it into elementary events: the page's side of a transfer) into
  `loopscope_runtime::trace::PackedTrace`; the in-memory size is `size_of::<Record>()` ×
  records + Σ over interned strings of (`size_of::<String>()` + length), divided by the
  number of records. It counts lengths, not spare `Vec` capacity, and not the recorder's
  interning index, which exists only while the program runs. The target is judged on traces
  of at least 1,000,000 records; a shorter trace is dominated by its few strings.
- \"failed\" / \"n/a\": that runtime did not run the program to a clean exit; the targets
  section quotes its exit status and first line of stderr.
";

impl BenchmarkResult<'_> {
    /// Events per loop operation against its target, when the program has one.
    fn operations_verdict(&self) -> Option<String> {
        let ops = self.benchmark.operations.as_ref()?;
        let name = self.benchmark.file;
        let target = format!(
            "trace target ≤{} records per {}",
            ops.events_target, ops.name
        );
        Some(match &self.trace {
            Ok(trace) => {
                let per_op = trace.records as f64 / ops.count as f64;
                let outcome = if per_op <= ops.events_target {
                    "met"
                } else {
                    "MISSED"
                };
                format!(
                    "{name}: {target} {outcome}: {per_op:.2} ({} records, {} elementary \
                     events, for {} {}s)",
                    grouped(trace.records),
                    grouped(trace.events),
                    grouped(ops.count),
                    ops.name
                )
            }
            Err(reason) => format!("{name}: {target} not measurable: {reason}"),
        })
    }

    /// Peak memory of the in-memory run against its target, when the program has one.
    fn peak_verdict(&self) -> Option<String> {
        let target_mib = self.benchmark.peak_target_mib?;
        let name = self.benchmark.file;
        let target = format!("peak memory target ≤{target_mib} MiB");
        Some(match &self.untraced {
            Ok(run) => {
                let peak_mib = run.peak_kib as f64 / 1024.0;
                let outcome = if peak_mib <= target_mib {
                    "met"
                } else {
                    "MISSED"
                };
                format!(
                    "{name}: {target} {outcome}: {} with the trace in memory (CPython {})",
                    mebibytes(run.peak_kib),
                    self.cpython
                        .as_ref()
                        .map_or("n/a".into(), |run| mebibytes(run.peak_kib))
                )
            }
            Err(reason) => format!("{name}: {target} not measurable: {reason}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_in_seconds_and_mebibytes() {
        assert_eq!(seconds(Duration::from_millis(12_345)), "12.345 s");
        assert_eq!(times(2.0 / 3.0), "0.67×");
        assert_eq!(grouped(10_080_021), "10,080,021");
        assert_eq!(grouped(119), "119");
        assert_eq!(mebibytes(22_244), "21.7 MiB");
    }
}
