//! `cargo xtask bench`: time `loopscope run` against CPython 3.11 on the programs of bench/,
//! check that both print the same thing, measure the trace's memory per event, and write the
//! figures to BENCHMARKS.md.
//!
//! Each program runs once under each runtime, as a child process whose wall time and peak
//! resident memory (`wait4`'s `ru_maxrss`) are measured on its own. CPython runs through
//! bench/run_cpython.py on the conformance suite's virtual clock, so its stamped stdout must
//! equal `loopscope run --timestamps`. A runtime that cannot run a program (the engine is
//! young) is reported with the first line of its stderr, and the other programs still run.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use loopscope_runtime::trace::{Event, Trace};

use crate::failure::Failure;
use crate::process::{probe, run};
use crate::report::{detail, duration, step};
use crate::workspace::Workspace;
use crate::Command;

pub const COMMAND: Command = Command {
    name: "bench",
    about: "time loopscope against CPython 3.11 on bench/*.py and write BENCHMARKS.md",
    options: &[],
    run: |workspace, _| bench(workspace),
};

/// One program of bench/ and the speed-up over CPython that loopscope aims for on it.
struct Benchmark {
    /// File name inside bench/.
    file: &'static str,
    /// What the program does, for the table and BENCHMARKS.md.
    workload: &'static str,
    /// CPython's wall time divided by loopscope's, at least.
    speed_target: f64,
}

const BENCHMARKS: [Benchmark; 3] = [
    Benchmark {
        file: "sleeps.py",
        workload: "(a) 10,000 tasks x 100 random sleeps",
        speed_target: 10.0,
    },
    Benchmark {
        file: "queue.py",
        workload: "(b) 1,000,000 items, Queue(maxsize=100), 100 producers, 50 consumers",
        speed_target: 10.0,
    },
    Benchmark {
        file: "arithmetic.py",
        workload: "(c) 20,000,000 integer iterations in 10 gathered coroutines",
        speed_target: 1.0,
    },
];

/// Bytes of in-memory trace per event that the engine aims to stay within.
const TRACE_BYTES_PER_EVENT_TARGET: f64 = 48.0;

/// The trace target is about long runs: a trace of fewer events than this is dominated by
/// its handful of strings and is not judged.
const LONG_TRACE_EVENTS: usize = 1_000_000;

/// A run still going after this long is stopped and reported as failed.
const RUN_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// What the command types, for BENCHMARKS.md.
const COMMAND_LINE: &str = "cargo xtask bench";

fn bench(workspace: &Workspace) -> Result<(), Failure> {
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
    // The web app's budgets are measured by other commands: keep that section.
    let kept = fs::read_to_string(&report_path)
        .ok()
        .and_then(|old| old.find(WEB_SECTION).map(|at| old[at..].to_string()))
        .unwrap_or_default();
    fs::write(
        &report_path,
        benchmarks_md(&machine, &load_after, &tables, &verdicts) + &kept,
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
    /// `loopscope run --trace`: the run the targets are judged on.
    traced: Run,
    /// `loopscope run` without `--trace`: the same work minus writing the JSON trace.
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
    scratch.file(&format!("{}.trace.json", benchmark.file))
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
                "{}: {} events, {} strings, {} of JSON, {:.1} bytes per event in memory",
                self.benchmark.file,
                grouped(footprint.events),
                grouped(footprint.strings),
                mebibytes(footprint.json_bytes / 1024),
                footprint.bytes_per_event()
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

/// The in-memory size of a run's trace, rebuilt from the JSON that `--trace` wrote.
struct TraceFootprint {
    events: usize,
    strings: usize,
    /// `size_of::<Event>()` per event plus, per interned string, its `String` and its bytes.
    memory_bytes: usize,
    json_bytes: u64,
}

impl TraceFootprint {
    fn bytes_per_event(&self) -> f64 {
        self.memory_bytes as f64 / self.events.max(1) as f64
    }
}

fn trace_footprint(path: &Path) -> Result<TraceFootprint, String> {
    let json = fs::read(path).map_err(|error| format!("cannot read the trace: {error}"))?;
    let trace: Trace = serde_json::from_slice(&json)
        .map_err(|error| format!("the trace is not a loopscope_runtime::trace::Trace: {error}"))?;
    let string_bytes: usize = trace
        .strings
        .iter()
        .map(|string| std::mem::size_of::<String>() + string.len())
        .sum();
    Ok(TraceFootprint {
        events: trace.events.len(),
        strings: trace.strings.len(),
        memory_bytes: std::mem::size_of::<Event>() * trace.events.len() + string_bytes,
        json_bytes: json.len() as u64,
    })
}

/// A wall time with millisecond precision: `12.345 s`.
fn seconds(wall: Duration) -> String {
    format!("{:.3} s", wall.as_secs_f64())
}

/// A count with thousands separators: `10,080,021`.
fn grouped(count: usize) -> String {
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
fn mebibytes(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// Wall and CPU time of a run: `12.345 s (CPU 11.900 s)`.
fn times_of(run: &Measured) -> String {
    format!("{} (CPU {})", seconds(run.wall), seconds(run.cpu))
}

/// Wall times, speed-ups and output equality, as a Markdown table (it reads well in a
/// terminal too).
fn speed_table(results: &[BenchmarkResult]) -> String {
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
fn memory_table(results: &[BenchmarkResult]) -> String {
    let mut table = String::from(
        "| benchmark | CPython peak | loopscope --trace peak | loopscope (no trace) peak | trace events | trace JSON | trace bytes/event (target ≤48) |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
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
            peak(&result.untraced),
            trace.map_or("n/a".into(), |trace| grouped(trace.events)),
            trace.map_or("n/a".into(), |trace| mebibytes(trace.json_bytes / 1024)),
            trace.map_or("n/a".into(), |trace| {
                format!("{:.1}", trace.bytes_per_event())
            }),
        ];
        table.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    table
}

fn wall(run: &Run) -> String {
    run.as_ref().map_or("failed".into(), times_of)
}

fn times(ratio: f64) -> String {
    format!("{ratio:.2}×")
}

/// CPython's time over loopscope's, when both ran; `time` picks wall or CPU time.
fn speed_up(cpython: &Run, loopscope: &Run, time: fn(&Measured) -> Duration) -> Option<f64> {
    let (cpython, loopscope) = (cpython.as_ref().ok()?, loopscope.as_ref().ok()?);
    Some(time(cpython).as_secs_f64() / time(loopscope).as_secs_f64())
}

/// One sentence per target: met, missed, or not measurable (and why); then any output
/// mismatch.
fn target_verdicts(results: &[BenchmarkResult]) -> Vec<String> {
    let mut verdicts = Vec::new();
    for result in results {
        let target = times(result.benchmark.speed_target);
        let name = result.benchmark.file;
        let ratio = |run: &Run, time: fn(&Measured) -> Duration| {
            speed_up(&result.cpython, run, time).map_or("n/a".into(), times)
        };
        let verdict = match speed_up(&result.cpython, &result.traced, |run| run.wall) {
            Some(wall_ratio) => {
                let outcome = if wall_ratio >= result.benchmark.speed_target {
                    "met"
                } else {
                    "MISSED"
                };
                format!(
                    "{name}: speed target ≥{target} {outcome}: {} with --trace ({} without); \
                     in CPU time {} with --trace ({} without)",
                    times(wall_ratio),
                    ratio(&result.untraced, |run| run.wall),
                    ratio(&result.traced, |run| run.cpu),
                    ratio(&result.untraced, |run| run.cpu),
                )
            }
            None => {
                let (runtime, reason) = match (&result.traced, &result.cpython) {
                    (Err(reason), _) => ("loopscope", reason),
                    (_, Err(reason)) => ("CPython", reason),
                    (Ok(_), Ok(_)) => unreachable!("both ran, so there is a ratio"),
                };
                format!("{name}: speed target ≥{target} not measurable: {runtime} failed: {reason}")
            }
        };
        verdicts.push(verdict);
        verdicts.extend(result.output_differences());
    }
    verdicts.push(trace_verdict(results));
    verdicts
}

/// The trace memory target, judged on the long traces (see [`LONG_TRACE_EVENTS`]): the one
/// with the most bytes per event.
fn trace_verdict(results: &[BenchmarkResult]) -> String {
    let target = format!("trace memory target ≤{TRACE_BYTES_PER_EVENT_TARGET} bytes/event");
    let event_size = std::mem::size_of::<Event>();
    let worst = results
        .iter()
        .filter_map(|result| Some((result.benchmark.file, result.trace.as_ref().ok()?)))
        .filter(|(_, trace)| trace.events >= LONG_TRACE_EVENTS)
        .max_by(|a, b| a.1.bytes_per_event().total_cmp(&b.1.bytes_per_event()));
    let Some((file, trace)) = worst else {
        return format!(
            "{target} not measurable: no trace of {LONG_TRACE_EVENTS} events or more was \
             written (size_of::<Event>() = {event_size} bytes)"
        );
    };
    let bytes = trace.bytes_per_event();
    let outcome = if bytes <= TRACE_BYTES_PER_EVENT_TARGET {
        "met"
    } else {
        "MISSED"
    };
    format!(
        "{target} {outcome}: worst long trace {bytes:.1} bytes/event ({file}), of which \
         size_of::<Event>() = {event_size}"
    )
}

/// Where the figures come from, for BENCHMARKS.md.
struct Machine {
    date: String,
    cpu: String,
    cores: usize,
    memory: String,
    python: String,
    rustc: String,
    commit: String,
    /// The load average when the bench started.
    load_before: String,
}

impl Machine {
    fn describe(workspace: &Workspace) -> Machine {
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
fn load_average() -> String {
    let loadavg = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let fields: Vec<&str> = loadavg.split_whitespace().take(3).collect();
    if fields.len() == 3 {
        fields.join(" ")
    } else {
        "unknown".to_string()
    }
}

fn benchmarks_md(machine: &Machine, load_after: &str, tables: &str, verdicts: &[String]) -> String {
    let mut text = String::new();
    let _ = write!(
        text,
        "# Benchmarks\n\
         \n\
         Loopscope against CPython 3.11 on the three programs of [bench/](bench/), full size.\n\
         This file is written by `{COMMAND_LINE}`: run it again to refresh every figure.\n\
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

/// The heading of BENCHMARKS.md's web-app section, which this command keeps.
const WEB_SECTION: &str = "\n## Web app budgets";

/// The fixed part of BENCHMARKS.md: how each figure is obtained.
const METHOD: &str = "## Method

- Programs: `bench/sleeps.py` (a), `bench/queue.py` (b) and `bench/arithmetic.py` (c), each
  printing a short checksum. They run at full size: CPython needs about one to two minutes
  for all three here, so there is no scaled-down mode.
- loopscope: `cargo build --release --package loopscope-cli --bin loopscope`, then, in
  `bench/`, `loopscope run --timestamps --trace TMP/PROGRAM.trace.json PROGRAM.py` (the run
  the speed targets are judged on; its time includes serializing and writing the JSON
  trace) and `loopscope run --timestamps PROGRAM.py` (the same work without the JSON; the
  engine still records the trace in memory, its stdout comes from it).
- CPython: `python3 bench/run_cpython.py bench/PROGRAM.py` with `PYTHONHASHSEED=0`, which
  runs the program in-process on the virtual clock, event loop and stamped stdout of
  `tests/conformance/record.py`. Virtual sleeps cost no real time in either runtime.
- Wall time: from spawning the child to reaping it; the speed targets are judged on it.
  CPU time: the child's user plus system time from `wait4`, shown beside it because it
  suffers less from other work on this shared machine. Peak memory: that child's `ru_maxrss`
  as reported by `wait4`. One run each, no warm-up. The traces are measured only after every
  timed run, because a child's `ru_maxrss` starts at its parent's high-water mark.
- Same output: loopscope's stamped stdout (both runs) equals CPython's byte for byte
  (checksums and virtual timestamps). When it does not, the timings compare different work.
- Trace bytes/event: the trace JSON is deserialized into `loopscope_runtime::trace::Trace`;
  the in-memory size is `size_of::<Event>()` × events + Σ over interned strings of
  (`size_of::<String>()` + length), divided by the number of events. It counts lengths, not
  spare `Vec` capacity, and not the recorder's interning index, which exists only while the
  program runs. The target is judged on traces of at least 1,000,000 events; a shorter trace
  is dominated by its few strings.
- \"failed\" / \"n/a\": that runtime did not run the program to a clean exit; the targets
  section quotes its exit status and first line of stderr.
";

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

    #[test]
    fn figures_read_in_seconds_and_mebibytes() {
        assert_eq!(seconds(Duration::from_millis(12_345)), "12.345 s");
        assert_eq!(times(2.0 / 3.0), "0.67×");
        assert_eq!(grouped(10_080_021), "10,080,021");
        assert_eq!(grouped(119), "119");
        assert_eq!(mebibytes(22_244), "21.7 MiB");
    }
}
