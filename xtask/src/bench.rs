//! `cargo xtask bench`: time `loopscope run` against CPython 3.11 on the programs of bench/,
//! check that both print the same thing, measure the trace's memory per event, and write the
//! figures to BENCHMARKS.md.
//!
//! Each program runs once under each runtime, as a child process whose wall time and peak
//! resident memory (`wait4`'s `ru_maxrss`) are measured on its own. CPython runs through
//! bench/run_cpython.py on the conformance suite's virtual clock, so its stamped stdout must
//! equal `loopscope run --timestamps`. A runtime that cannot run a program (the engine is
//! young) is reported with the first line of its stderr, and the other programs still run.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use loopscope_runtime::trace::{binary, Record};

use crate::failure::Failure;
use crate::process::run;
use crate::report::{detail, duration, step};
use crate::toolchain;
use crate::workspace::Workspace;
use crate::Command;

mod report;

pub(crate) use report::grouped;
use report::{
    benchmarks_md, mebibytes, memory_table, seconds, speed_table, target_verdicts, times_of,
};
pub use report::{kept_part, load_average, Machine, KEPT_SECTIONS};

pub const COMMAND: Command = Command {
    name: "bench",
    about: "time loopscope against CPython 3.11 on bench/*.py and write BENCHMARKS.md",
    options: &[],
    run: |workspace, _| bench(workspace),
};

/// One program of bench/ and what loopscope aims for on it (issue 13's targets).
struct Benchmark {
    /// File name inside bench/.
    file: &'static str,
    /// What the program does, for the table and BENCHMARKS.md.
    workload: &'static str,
    /// CPython's wall time divided by loopscope's (the run with the trace in memory), at least.
    speed_target: f64,
    /// The loop operations the program performs, for the trace's events per operation.
    operations: Option<Operations>,
    /// Peak memory of loopscope's in-memory run, at most, in MiB.
    peak_target_mib: Option<f64>,
}

/// How many of one loop operation a program performs, and the trace events it may take each.
struct Operations {
    /// What one operation is: `sleep`, `queue item`.
    name: &'static str,
    count: usize,
    events_target: f64,
}

const BENCHMARKS: [Benchmark; 3] = [
    Benchmark {
        file: "sleeps.py",
        workload: "(a) 10,000 tasks x 100 random sleeps",
        speed_target: 10.0,
        operations: Some(Operations {
            name: "sleep",
            count: 1_000_000,
            events_target: 4.0,
        }),
        peak_target_mib: Some(200.0),
    },
    Benchmark {
        file: "queue.py",
        workload: "(b) 1,000,000 items, Queue(maxsize=100), 100 producers, 50 consumers",
        speed_target: 10.0,
        operations: Some(Operations {
            name: "queue item",
            count: 1_000_000,
            events_target: 6.0,
        }),
        peak_target_mib: None,
    },
    Benchmark {
        file: "arithmetic.py",
        workload: "(c) 20,000,000 integer iterations in 10 gathered coroutines",
        speed_target: 1.5,
        operations: None,
        peak_target_mib: None,
    },
];

/// Bytes of in-memory trace per event that the engine aims to stay within.
const TRACE_BYTES_PER_EVENT_TARGET: f64 = 40.0;

/// The trace target is about long runs: a trace of fewer events than this is dominated by
/// its handful of strings and is not judged.
const LONG_TRACE_EVENTS: usize = 1_000_000;

/// A run still going after this long is stopped and reported as failed.
const RUN_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// What the command types, for BENCHMARKS.md.
const COMMAND_LINE: &str = "cargo xtask bench";

fn bench(workspace: &Workspace) -> Result<(), Failure> {
    toolchain::ensure_oracle()?;
    let started = Instant::now();
    let machine = Machine::describe(workspace);
    detail(&format!(
        "{} cores, load average {} (other work on this machine slows every figure)",
        machine.cores, machine.load_before
    ));
    step("building loopscope (release)");
    let loopscope = match build_loopscope(workspace) {
        Ok(binary) => Ok(binary),
        Err(failure) => {
            detail(&format!("loopscope cannot be measured: {failure}"));
            Err(format!("build failed: {failure}"))
        }
    };
    let scratch = Scratch::create()?;
    let mut results = Vec::new();
    for (index, benchmark) in BENCHMARKS.iter().enumerate() {
        step(&format!(
            "benchmark {} of {}: {} ({})",
            index + 1,
            BENCHMARKS.len(),
            benchmark.file,
            benchmark.workload
        ));
        results.push(measure_benchmark(
            workspace,
            benchmark,
            loopscope
                .as_ref()
                .map(PathBuf::as_path)
                .map_err(String::as_str),
            &scratch,
        )?);
    }
    // Only now: deserializing a trace takes gigabytes, and a child spawned after that would
    // inherit our high-water mark in its ru_maxrss.
    step("measuring the traces");
    for result in &mut results {
        result.measure_trace(&scratch);
    }
    step("results");
    let tables = format!("{}\n{}", speed_table(&results), memory_table(&results));
    println!("{tables}");
    let verdicts = target_verdicts(&results);
    for verdict in &verdicts {
        detail(verdict);
    }
    let report_path = workspace.path("BENCHMARKS.md");
    let load_after = load_average();
    // The browser's figures, the engine's profile and the web app's budgets are measured
    // otherwise: keep them.
    let old = fs::read_to_string(&report_path).unwrap_or_default();
    let kept = kept_part(&old);
    fs::write(
        &report_path,
        benchmarks_md(&machine, &load_after, &tables, &verdicts) + kept,
    )
    .map_err(|error| Failure::new(format!("cannot write {}: {error}", report_path.display())))?;
    step(&format!(
        "wrote BENCHMARKS.md (the whole bench took {})",
        duration(started.elapsed())
    ));
    Ok(())
}

/// `cargo build --release` of the CLI; returns the path of the binary.
fn build_loopscope(workspace: &Workspace) -> Result<PathBuf, Failure> {
    run(workspace.cargo().args([
        "build",
        "--release",
        "--package",
        "loopscope-cli",
        "--bin",
        "loopscope",
    ]))?;
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| workspace.path("").join(dir))
        .unwrap_or_else(|| workspace.path("target"));
    Ok(target_dir.join("release").join("loopscope"))
}

/// A private temporary directory for the children's output and traces, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn create() -> Result<Scratch, Failure> {
        let dir = std::env::temp_dir().join(format!("loopscope-bench-{}", std::process::id()));
        fs::create_dir_all(&dir)
            .map_err(|error| Failure::new(format!("cannot create {}: {error}", dir.display())))?;
        Ok(Scratch(dir))
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A child's measurements, or why it did not run to a clean exit.
type Run = Result<Measured, String>;

/// Everything measured about one benchmark; an `Err` says why a figure is missing.
struct BenchmarkResult<'a> {
    benchmark: &'a Benchmark,
    cpython: Run,
    /// `loopscope run --trace`: the run in memory, then the binary trace written.
    traced: Run,
    /// `loopscope run` without `--trace`: the trace recorded in memory only, the run the
    /// speed and memory targets are judged on.
    untraced: Run,
    trace: Result<TraceFootprint, String>,
}

fn measure_benchmark<'a>(
    workspace: &Workspace,
    benchmark: &'a Benchmark,
    loopscope: Result<&Path, &str>,
    scratch: &Scratch,
) -> Result<BenchmarkResult<'a>, Failure> {
    let trace_path = trace_path(benchmark, scratch);
    let traced = run_loopscope(workspace, benchmark, loopscope, Some(&trace_path), scratch)?;
    report_run("loopscope --trace", &traced);
    let untraced = run_loopscope(workspace, benchmark, loopscope, None, scratch)?;
    report_run("loopscope", &untraced);

    let mut command = workspace.command("python3");
    command
        .args(["bench/run_cpython.py", &format!("bench/{}", benchmark.file)])
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    let cpython = measure(&mut command, scratch)?;
    report_run("CPython", &cpython);

    let result = BenchmarkResult {
        benchmark,
        cpython,
        traced,
        untraced,
        trace: Err("loopscope did not run".to_string()),
    };
    match result.output_differences().as_slice() {
        [] if result.all_ran() => detail(&format!(
            "same output: {}",
            result.output().lines().last().unwrap_or("(none)")
        )),
        [] => {}
        differences => {
            for difference in differences {
                detail(&format!("WARNING: {difference}"));
            }
        }
    }
    Ok(result)
}

/// `loopscope run --timestamps [--trace TRACE] PROGRAM` in bench/, if loopscope was built.
fn run_loopscope(
    workspace: &Workspace,
    benchmark: &Benchmark,
    loopscope: Result<&Path, &str>,
    trace: Option<&Path>,
    scratch: &Scratch,
) -> Result<Run, Failure> {
    let binary = match loopscope {
        Ok(binary) => binary,
        Err(reason) => return Ok(Err(reason.to_string())),
    };
    let mut command = Process::new(binary);
    command
        .current_dir(workspace.path("bench"))
        .args(["run", "--timestamps"]);
    if let Some(trace) = trace {
        command.arg("--trace").arg(trace);
    }
    command.arg(benchmark.file);
    measure(&mut command, scratch)
}

/// One line per run: `CPython: 12.345 s (CPU 11.900 s), peak 21.7 MiB` or
/// `CPython failed: why`.
fn report_run(runtime: &str, run: &Run) {
    match run {
        Ok(run) => detail(&format!(
            "{runtime}: {}, peak {}",
            times_of(run),
            mebibytes(run.peak_kib)
        )),
        Err(reason) => detail(&format!("{runtime} failed: {reason}")),
    }
}

/// Where `loopscope run --trace` writes the trace of `benchmark`.
fn trace_path(benchmark: &Benchmark, scratch: &Scratch) -> PathBuf {
    scratch.file(&format!("{}.trace.bin", benchmark.file))
}

impl BenchmarkResult<'_> {
    /// Measures the trace that the `--trace` run wrote, then deletes it.
    fn measure_trace(&mut self, scratch: &Scratch) {
        if self.traced.is_err() {
            return;
        }
        let path = trace_path(self.benchmark, scratch);
        self.trace = trace_footprint(&path);
        let _ = fs::remove_file(&path);
        match &self.trace {
            Ok(footprint) => detail(&format!(
                "{}: {} records ({} elementary events), {} strings, {} binary file read in \
                 {} and expanded in {}, {:.1} bytes per record in memory",
                self.benchmark.file,
                grouped(footprint.records),
                grouped(footprint.events),
                grouped(footprint.strings),
                mebibytes(footprint.file_bytes / 1024),
                seconds(footprint.decode),
                seconds(footprint.expand),
                footprint.bytes_per_record()
            )),
            Err(reason) => detail(&format!(
                "{}: trace not measured: {reason}",
                self.benchmark.file
            )),
        }
    }

    fn all_ran(&self) -> bool {
        self.cpython.is_ok() && self.traced.is_ok() && self.untraced.is_ok()
    }

    /// What the program printed (under the first runtime that ran it).
    fn output(&self) -> &str {
        [&self.cpython, &self.traced, &self.untraced]
            .into_iter()
            .find_map(|run| run.as_ref().ok())
            .map_or("", |run| run.stdout.as_str())
    }

    /// One sentence per loopscope run whose output differs from CPython's.
    fn output_differences(&self) -> Vec<String> {
        let Ok(cpython) = &self.cpython else {
            return Vec::new();
        };
        [
            ("--trace", &self.traced),
            ("without --trace", &self.untraced),
        ]
        .into_iter()
        .filter_map(|(which, run)| {
            let difference = first_difference(&run.as_ref().ok()?.stdout, &cpython.stdout)?;
            Some(format!(
                "{}: loopscope's output ({which}) differs from CPython's, so the timings \
                     compare different work: {difference}",
                self.benchmark.file
            ))
        })
        .collect()
    }
}

/// A child that ran to a successful exit.
struct Measured {
    wall: Duration,
    /// User plus system CPU time: less disturbed than wall time by other work on the machine.
    cpu: Duration,
    /// Peak resident set size, in KiB.
    peak_kib: u64,
    stdout: String,
}

/// Runs `command` with its output captured in `scratch`, and measures it. The outer `Err` is
/// a failure of the bench itself; the inner one says why the child did not run to a clean
/// exit (its exit status and the first line of its stderr).
fn measure(command: &mut Process, scratch: &Scratch) -> Result<Result<Measured, String>, Failure> {
    let stdout_path = scratch.file("stdout");
    let stderr_path = scratch.file("stderr");
    let create = |path: &Path| {
        File::create(path)
            .map_err(|error| Failure::new(format!("cannot create {}: {error}", path.display())))
    };
    command
        .stdin(Stdio::null())
        .stdout(create(&stdout_path)?)
        .stderr(create(&stderr_path)?);
    println!("    $ {}", crate::process::command_line(command));
    let started = Instant::now();
    let child = match command.spawn() {
        Ok(child) => child,
        Err(error) => return Ok(Err(format!("could not be started: {error}"))),
    };
    let exit = wait_with_usage(child.id(), started)?;
    let wall = started.elapsed();
    if let Exit::Code(_, usage) = &exit {
        let own_peak_kib = own_peak_kib();
        if usage.peak_kib <= own_peak_kib {
            detail(&format!(
                "WARNING: this peak may be ours, not the child's: a child's ru_maxrss starts at \
                 its parent's high-water mark ({} here)",
                mebibytes(own_peak_kib)
            ));
        }
    }
    let read =
        |path: &Path| String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).into_owned();
    let stderr = read(&stderr_path);
    let status = match exit {
        Exit::Code(0, usage) => {
            return Ok(Ok(Measured {
                wall,
                cpu: usage.cpu,
                peak_kib: usage.peak_kib,
                stdout: read(&stdout_path),
            }))
        }
        Exit::Code(code, _) => format!("exit status {code}"),
        Exit::Signal(signal) => format!("killed by signal {signal}"),
        Exit::TimedOut => format!("still running after {}, stopped", duration(RUN_TIMEOUT)),
    };
    let first_line = stderr.lines().find(|line| !line.trim().is_empty());
    Ok(Err(match first_line {
        Some(line) => format!("{status}: {line}"),
        None => status,
    }))
}

/// How a measured child ended.
enum Exit {
    /// Exit status and what the child used.
    Code(i32, Usage),
    Signal(i32),
    TimedOut,
}

/// A child's resource usage, from `wait4`.
struct Usage {
    /// Peak resident set size, in KiB.
    peak_kib: u64,
    /// User plus system CPU time.
    cpu: Duration,
}

impl Usage {
    fn of(usage: &libc::rusage) -> Usage {
        let time = |time: libc::timeval| {
            Duration::from_secs(u64::try_from(time.tv_sec).unwrap_or(0))
                + Duration::from_micros(u64::try_from(time.tv_usec).unwrap_or(0))
        };
        Usage {
            peak_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
            cpu: time(usage.ru_utime) + time(usage.ru_stime),
        }
    }
}

/// Reaps child `pid` with `wait4`, which reports that very child's resource usage (unlike
/// `getrusage(RUSAGE_CHILDREN)`, whose `ru_maxrss` is the largest of all children so far).
/// Polls every millisecond so that a hung child can be killed after [`RUN_TIMEOUT`].
#[allow(unsafe_code)] // libc's wait4 and kill: std cannot report one child's peak memory
fn wait_with_usage(pid: u32, started: Instant) -> Result<Exit, Failure> {
    let pid = libc::pid_t::try_from(pid).expect("process ids fit in pid_t");
    let mut timed_out = false;
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is plain old data, for which all-zero bytes are a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let flags = if timed_out { 0 } else { libc::WNOHANG };
        // SAFETY: `status` and `usage` are valid for writes; `pid` is our own unreaped child.
        let reaped = unsafe { libc::wait4(pid, &mut status, flags, &mut usage) };
        if reaped == pid {
            return Ok(if timed_out {
                Exit::TimedOut
            } else if libc::WIFEXITED(status) {
                Exit::Code(libc::WEXITSTATUS(status), Usage::of(&usage))
            } else {
                Exit::Signal(libc::WTERMSIG(status))
            });
        }
        if reaped == -1 {
            let error = std::io::Error::last_os_error();
            if error.kind() != std::io::ErrorKind::Interrupted {
                return Err(Failure::new(format!(
                    "wait4 on child {pid} failed: {error}"
                )));
            }
        } else if started.elapsed() > RUN_TIMEOUT && !timed_out {
            // SAFETY: the child is not reaped yet, so `pid` still names it.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            timed_out = true;
        } else {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

/// This process's own high-water mark of resident memory (`VmHWM`), in KiB, or 0 where
/// /proc does not tell. A child starts with it: spawned by `posix_spawn`, the child shares
/// our memory until it execs, and Linux keeps that mark in the child's `ru_maxrss`.
/// (`getrusage(RUSAGE_SELF)` would not do: it includes the peak of whatever ran in this
/// process before it exec'd us, such as cargo.)
fn own_peak_kib() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().strip_suffix("kB"))
        .and_then(|kib| kib.trim().parse().ok())
        .unwrap_or(0)
}

/// `None` when both outputs are equal, else where they first differ.
fn first_difference(loopscope: &str, cpython: &str) -> Option<String> {
    if loopscope == cpython {
        return None;
    }
    let mut ours = loopscope.lines();
    let mut theirs = cpython.lines();
    for number in 1.. {
        match (ours.next(), theirs.next()) {
            (Some(a), Some(b)) if a == b => continue,
            (None, None) => break,
            (a, b) => {
                return Some(format!(
                    "line {number}: loopscope {:?}, CPython {:?}",
                    a.unwrap_or("(end of output)"),
                    b.unwrap_or("(end of output)")
                ))
            }
        }
    }
    Some("the lines are equal, only the line endings differ".to_string())
}

/// The in-memory size of a run's trace, read back from the binary file `--trace` wrote.
struct TraceFootprint {
    records: usize,
    /// The elementary events the records stand for.
    events: usize,
    strings: usize,
    /// `size_of::<Record>()` per record plus, per interned string, its `String` and its
    /// bytes.
    memory_bytes: usize,
    file_bytes: u64,
    /// Reading the file's bytes into records, and expanding those into events.
    decode: Duration,
    expand: Duration,
}

impl TraceFootprint {
    fn bytes_per_record(&self) -> f64 {
        self.memory_bytes as f64 / self.records.max(1) as f64
    }
}

fn trace_footprint(path: &Path) -> Result<TraceFootprint, String> {
    let bytes = fs::read(path).map_err(|error| format!("cannot read the trace: {error}"))?;
    let started = Instant::now();
    let trace = binary::decode(&bytes).map_err(|error| error.to_string())?;
    let decode = started.elapsed();
    let started = Instant::now();
    let events = trace
        .expand()
        .map_err(|error| error.to_string())?
        .events
        .len();
    let expand = started.elapsed();
    let string_bytes: usize = trace
        .strings
        .iter()
        .map(|string| std::mem::size_of::<String>() + string.len())
        .sum();
    Ok(TraceFootprint {
        records: trace.records.len(),
        events,
        strings: trace.strings.len(),
        memory_bytes: std::mem::size_of::<Record>() * trace.records.len() + string_bytes,
        file_bytes: bytes.len() as u64,
        decode,
        expand,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_outputs_have_no_difference() {
        assert_eq!(first_difference("0.000 a\n", "0.000 a\n"), None);
    }

    #[test]
    fn a_difference_names_the_first_differing_line() {
        assert_eq!(
            first_difference("0.000 a\n1.000 b\n", "0.000 a\n1.000 c\n").unwrap(),
            r#"line 2: loopscope "1.000 b", CPython "1.000 c""#
        );
        assert_eq!(
            first_difference("0.000 a\n", "0.000 a\n0.000 b\n").unwrap(),
            r#"line 2: loopscope "(end of output)", CPython "0.000 b""#
        );
        assert_eq!(
            first_difference("0.000 a", "0.000 a\n").unwrap(),
            "the lines are equal, only the line endings differ"
        );
    }
}
