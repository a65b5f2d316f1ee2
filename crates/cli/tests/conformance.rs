//! Conformance suite: `loopscope run` must print exactly what CPython 3.11 prints.
//!
//! Every case `tests/conformance/cases/NAME.py` (expectation `cases/NAME.expected`) and
//! every example `assets/examples/NAME.py` (expectation
//! `tests/conformance/examples/NAME.expected`) and every program the composer's templates
//! generate, `crates/composer/tests/generated/NAME.py` (expectation
//! `tests/conformance/composed/NAME.expected`), is one test, named `cases/NAME`,
//! `examples/NAME` or `composed/NAME`. For each, in the program's directory, this runs
//!
//! ```text
//! loopscope run --timestamps [--seed N] --trace FILE NAME.py [ARG ...]
//! ```
//!
//! (`--seed N` only for a program pinning its seed with `# loopscope: seed=N` among
//! its first 5 lines, `ARG ...` for one pinning its arguments with
//! `# loopscope: args=ARG ...`) and compares the exit status, the stamped stdout and the stderr
//! with the expectation, byte for byte. A deadlock expectation (status 3, stderr
//! ending in `<deadlock>`) requires status 3, the same stdout, and a non-empty stderr
//! containing the word "deadlock". The program then runs a second time with another
//! trace file: both runs must print the same and write byte-identical traces.
//! Each run is killed after 60 s. The expectation format and the recorder's semantics
//! are documented in `tests/conformance/record.py`.
//!
//! `tests/conformance/KNOWN_GAPS` lists, one per line with a `#` reason, the
//! programs the engine does not reproduce yet. They still run: a listed program
//! that differs is reported as a known gap (counted as ignored), and a listed
//! program that now matches fails the suite until it is removed from the list,
//! so the list can only shrink honestly.
//!
//! With `LOOPSCOPE_UPDATE=1`, nothing is checked: every selected expectation is
//! re-recorded from CPython 3.11 with `python3 tests/conformance/record.py` (which
//! fails at once when `python3` is not CPython 3.11). An expectation's first line says
//! how to regenerate it; the runner requires it and skips it (loopscope-golden).
//!
//! The harness is this file's own (`harness = false`), with libtest's command line
//! basics: name filters (substrings, or whole names with `--exact`), `--skip FILTER`,
//! `--list`, `--test-threads N`, `--ignored` (there are no ignored tests, so it selects
//! none); other flags are accepted and ignored.

use std::env;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How long one run of a program may take before it is killed: a guard against a hang,
/// not a speed test. The slowest case (`pickle_bulk_digest`) took 6.9 s in the test's
/// debug build at load 5 on this machine's 2 cores, so 20 s left too little room.
const RUN_TIMEOUT: Duration = Duration::from_secs(60);
/// The pins `# loopscope: seed=N` and `# loopscope: args=...` count only among a
/// program's first lines.
const SEED_PIN_LINES: usize = 5;
/// The status of a program that deadlocked (CPython would hang forever).
const DEADLOCK_STATUS: i32 = 3;
/// How the recorder marks stdout that does not end with a newline.
const NO_NEWLINE_MARKER: &str = "\\ No newline at end of stdout\n";
/// Lines of each side shown from the first difference on.
const DIFF_LINES: usize = 6;

fn main() -> ExitCode {
    let options = Options::parse(env::args().skip(1));
    let all = discover();
    if all.is_empty() {
        eprintln!(
            "no conformance programs found under {}",
            conformance_dir().display()
        );
        return ExitCode::FAILURE;
    }
    let total = all.len();
    let cases: Vec<Case> = all
        .into_iter()
        .filter(|case| options.selects(&case.name))
        .collect();
    let filtered_out = total - cases.len();
    if options.list {
        for case in &cases {
            println!("{}: test", case.name);
        }
        return ExitCode::SUCCESS;
    }
    let recording = loopscope_golden::updating();
    if recording {
        // Fails here, loudly, unless `python3` is CPython 3.11.
        loopscope_golden::cpython();
    }
    let scratch = env::temp_dir().join(format!("loopscope-conformance-{}", std::process::id()));
    if let Err(error) = fs::create_dir_all(&scratch) {
        eprintln!("cannot create {}: {error}", scratch.display());
        return ExitCode::FAILURE;
    }

    println!("\nrunning {} tests", cases.len());
    let started = Instant::now();
    let failures = run_all(&cases, options.threads, |case| {
        if recording {
            record(case)
        } else {
            check(case, &scratch)
        }
    });
    let _ = fs::remove_dir_all(&scratch);

    let gaps = if recording { Vec::new() } else { known_gaps() };
    let mut known = Vec::new();
    let mut failures: Vec<(String, String)> = failures
        .into_iter()
        .filter(|(name, report)| {
            let listed = gaps.iter().any(|g| g == name);
            if listed {
                known.push((name.clone(), report.clone()));
            }
            !listed
        })
        .collect();
    for case in &cases {
        if gaps.contains(&case.name) && !known.iter().any(|(n, _)| n == &case.name) {
            failures.push((
                case.name.clone(),
                "now matches CPython: remove it from tests/conformance/KNOWN_GAPS".to_string(),
            ));
        }
    }
    if !known.is_empty() {
        println!("\nknown gaps (listed in tests/conformance/KNOWN_GAPS, still differing):");
        for (name, report) in &known {
            let first = report.lines().next().unwrap_or("");
            println!("    {name}: {first}");
        }
    }

    if !failures.is_empty() {
        println!("\nfailures:\n");
        for (name, report) in &failures {
            println!("---- {name} ----\n{}\n", report.trim_end());
        }
        println!("failures:");
        for (name, _) in &failures {
            println!("    {name}");
        }
        let verb = if recording {
            "could not be recorded"
        } else {
            "differ"
        };
        println!("\n{} of {} cases {verb}", failures.len(), cases.len());
    }
    println!(
        "\ntest result: {}. {} passed; {} failed; {} ignored; 0 measured; {} filtered out; finished in {:.2}s\n",
        if failures.is_empty() { "ok" } else { "FAILED" },
        cases.len() - failures.len() - known.len(),
        failures.len(),
        known.len(),
        filtered_out,
        started.elapsed().as_secs_f64(),
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(101)
    }
}

/// The command line, as far as this harness understands libtest's.
struct Options {
    filters: Vec<String>,
    skips: Vec<String>,
    exact: bool,
    list: bool,
    ignored_only: bool,
    threads: usize,
}

impl Options {
    fn parse(args: impl Iterator<Item = String>) -> Options {
        let mut options = Options {
            filters: Vec::new(),
            skips: Vec::new(),
            exact: false,
            list: false,
            ignored_only: false,
            threads: thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--exact" => options.exact = true,
                "--list" => options.list = true,
                "--ignored" => options.ignored_only = true,
                "--skip" => options.skips.extend(args.next()),
                "--test-threads" => {
                    if let Some(n) = args.next().and_then(|n| n.parse().ok()) {
                        options.threads = n;
                    }
                }
                flag if flag.starts_with("--test-threads=") => {
                    if let Ok(n) = flag["--test-threads=".len()..].parse() {
                        options.threads = n;
                    }
                }
                // Flags taking a value that must not be read as a filter.
                "--format" | "--color" | "-Z" | "--logfile" => {
                    args.next();
                }
                flag if flag.starts_with('-') => {}
                filter => options.filters.push(filter.to_string()),
            }
        }
        options.threads = options.threads.max(1);
        options
    }

    fn selects(&self, name: &str) -> bool {
        let matches = |filter: &String| {
            if self.exact {
                name == filter
            } else {
                name.contains(filter.as_str())
            }
        };
        !self.ignored_only
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skips.iter().any(matches)
    }
}

/// One program of the suite and where its expectation lives.
struct Case {
    /// `cases/NAME`, `examples/NAME` or `composed/NAME`.
    name: String,
    program: PathBuf,
    expectation: PathBuf,
}

fn conformance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

/// Names (`cases/NAME`, `examples/NAME`) listed in KNOWN_GAPS.
fn known_gaps() -> Vec<String> {
    let text = fs::read_to_string(conformance_dir().join("KNOWN_GAPS")).unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

fn record_script() -> PathBuf {
    conformance_dir().join("record.py")
}

/// Every case, then every example, then every composed program, each group sorted by file name.
fn discover() -> Vec<Case> {
    let conformance = conformance_dir();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/examples");
    let composed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../composer/tests/generated");
    let mut cases = Vec::new();
    for (group, programs, expectations) in [
        (
            "cases",
            conformance.join("cases"),
            conformance.join("cases"),
        ),
        ("examples", examples, conformance.join("examples")),
        ("composed", composed, conformance.join("composed")),
    ] {
        for program in python_files(&programs) {
            let stem = program.file_stem().unwrap().to_string_lossy().into_owned();
            cases.push(Case {
                name: format!("{group}/{stem}"),
                expectation: expectations.join(format!("{stem}.expected")),
                program,
            });
        }
    }
    cases
}

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Runs `job` on every case over `threads` workers, printing libtest-style progress
/// lines; returns the failures (name, report) sorted by name.
fn run_all(
    cases: &[Case],
    threads: usize,
    job: impl Fn(&Case) -> Result<(), String> + Sync,
) -> Vec<(String, String)> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    thread::scope(|scope| {
        for _ in 0..threads.min(cases.len()) {
            let sender = sender.clone();
            let (next, job) = (&next, &job);
            scope.spawn(move || {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let _ = sender.send((case, job(case)));
                }
            });
        }
        drop(sender);
        let mut failures = Vec::new();
        for (case, outcome) in receiver {
            match outcome {
                Ok(()) => println!("test {} ... ok", case.name),
                Err(report) => {
                    println!("test {} ... FAILED", case.name);
                    failures.push((case.name.clone(), report));
                }
            }
        }
        failures.sort();
        failures
    })
}

/// Re-records the case's expectation from CPython.
fn record(case: &Case) -> Result<(), String> {
    // main has checked that `python3` is CPython 3.11.
    let mut command = Command::new("python3");
    command
        .arg(record_script())
        .arg("-o")
        .arg(&case.expectation)
        .arg(&case.program);
    let run = run_with_timeout(command, Duration::from_secs(120))?;
    if run.status == Some(0) {
        Ok(())
    } else {
        Err(format!(
            "record.py failed ({}):\n{}",
            describe_status(run.status),
            String::from_utf8_lossy(&run.stderr)
        ))
    }
}

/// Runs the case twice under the engine and returns every way it falls short.
fn check(case: &Case, scratch: &Path) -> Result<(), String> {
    let text = loopscope_golden::golden!().read(&case.expectation)?;
    let expected = Expectation::parse(&text)
        .map_err(|error| format!("{}: {error}", case.expectation.display()))?;
    let trace_stem = scratch.join(case.name.replace('/', "-"));
    let traces = [
        trace_stem.with_extension("1.trace"),
        trace_stem.with_extension("2.trace"),
    ];
    let first = run_engine(case, &traces[0])?;

    let mut problems = expected.compare(&first);
    let second = run_engine(case, &traces[1])?;
    if (&second.status, &second.stdout, &second.stderr)
        != (&first.status, &first.stdout, &first.stderr)
    {
        problems.push("the second run printed something else than the first".to_string());
    }
    match (fs::read(&traces[0]), fs::read(&traces[1])) {
        (Ok(one), Ok(two)) if one != two => problems.push(format!(
            "the two runs wrote different traces (first difference at byte {})",
            one.iter()
                .zip(&two)
                .position(|(a, b)| a != b)
                .unwrap_or(one.len().min(two.len()))
        )),
        (Ok(_), Ok(_)) => {}
        (Err(error), _) | (_, Err(error)) => {
            problems.push(format!("no trace file was written: {error}"))
        }
    }
    for trace in &traces {
        let _ = fs::remove_file(trace);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `loopscope run --timestamps [--seed N] --trace TRACE NAME.py [ARG ...]` in the program's
/// directory.
fn run_engine(case: &Case, trace: &Path) -> Result<Run, String> {
    let source = fs::read_to_string(&case.program)
        .map_err(|error| format!("cannot read {}: {error}", case.program.display()))?;
    let mut command = Command::new(env!("CARGO_BIN_EXE_loopscope"));
    command
        .current_dir(case.program.parent().unwrap())
        .args(["run", "--timestamps"]);
    if let Some(seed) = pinned_seed(&source) {
        command.arg("--seed").arg(seed.to_string());
    }
    command
        .arg("--trace")
        .arg(trace)
        .arg(case.program.file_name().unwrap());
    if let Some(args) = pinned(&source, "args") {
        command.args(args.split_whitespace());
    }
    run_with_timeout(command, RUN_TIMEOUT)
}

/// The N of a `# loopscope: seed=N` line among the first lines (as record.py reads it).
fn pinned_seed(source: &str) -> Option<i64> {
    pinned(source, "seed")?.trim().parse().ok()
}

/// What follows `# loopscope: KEY=` on one of the first lines (as record.py reads it).
fn pinned<'a>(source: &'a str, key: &str) -> Option<&'a str> {
    source.lines().take(SEED_PIN_LINES).find_map(|line| {
        let rest = line
            .strip_prefix('#')?
            .trim_start()
            .strip_prefix("loopscope:")?;
        rest.trim_start()
            .strip_prefix(key)?
            .trim_start()
            .strip_prefix('=')
    })
}

/// What one finished run printed.
struct Run {
    /// The exit code, `None` when the process was ended by a signal.
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn run_with_timeout(mut command: Command, timeout: Duration) -> Result<Run, String> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start {program}: {error}"))?;
    let stdout = read_in_background(child.stdout.take().unwrap());
    let stderr = read_in_background(child.stderr.take().unwrap());
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "still running after {} s: killed",
                    timeout.as_secs()
                ));
            }
            Err(error) => return Err(format!("cannot wait for {program}: {error}")),
        }
    };
    Ok(Run {
        status: status.code(),
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

fn read_in_background(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn describe_status(status: Option<i32>) -> String {
    status.map_or_else(
        || "killed by a signal".to_string(),
        |code| format!("status {code}"),
    )
}

/// A parsed `.expected` file (format: see tests/conformance/record.py).
struct Expectation {
    status: i32,
    stdout: String,
    stderr: String,
}

impl Expectation {
    fn parse(text: &str) -> Result<Expectation, String> {
        let (status_line, rest) = text.split_once('\n').ok_or("no status line")?;
        let status = status_line
            .strip_prefix("status ")
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| format!("bad status line {status_line:?}"))?;
        let rest = rest
            .strip_prefix("--- stdout\n")
            .ok_or("no `--- stdout` line after the status")?;
        // Stamped stdout lines start with a digit, so the first line `--- stderr` ends stdout.
        let (mut stdout, stderr) = if let Some(stderr) = rest.strip_prefix("--- stderr\n") {
            (String::new(), stderr)
        } else {
            let (stdout, stderr) = rest
                .split_once("\n--- stderr\n")
                .ok_or("no `--- stderr` line")?;
            (format!("{stdout}\n"), stderr)
        };
        if let Some(unterminated) = stdout.strip_suffix(NO_NEWLINE_MARKER) {
            stdout = unterminated
                .strip_suffix('\n')
                .ok_or("misplaced no-newline marker")?
                .to_string();
        }
        Ok(Expectation {
            status,
            stdout,
            stderr: stderr.to_string(),
        })
    }

    fn is_deadlock(&self) -> bool {
        self.status == DEADLOCK_STATUS && self.stderr.ends_with("<deadlock>\n")
    }

    /// Every difference between this expectation and RUN, described.
    fn compare(&self, run: &Run) -> Vec<String> {
        let mut problems = Vec::new();
        if run.status != Some(self.status) {
            problems.push(format!(
                "status: expected {}, got {}",
                self.status,
                describe_status(run.status)
            ));
        }
        let stdout = String::from_utf8_lossy(&run.stdout);
        if stdout != self.stdout {
            problems.push(format!(
                "stdout differs:\n{}",
                first_difference(&self.stdout, &stdout)
            ));
        }
        let stderr = String::from_utf8_lossy(&run.stderr);
        if self.is_deadlock() {
            if !stderr.contains("deadlock") {
                problems.push(format!(
                    "a deadlock is expected, but stderr does not say \"deadlock\": {stderr:?}"
                ));
            }
        } else if stderr != self.stderr {
            problems.push(format!(
                "stderr differs:\n{}",
                first_difference(&self.stderr, &stderr)
            ));
        }
        problems
    }
}

/// A few lines of context, then the expected (`-`) and actual (`+`) lines from the
/// first differing line on.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.split_inclusive('\n').collect();
    let actual: Vec<&str> = actual.split_inclusive('\n').collect();
    let first = expected
        .iter()
        .zip(&actual)
        .position(|(e, a)| e != a)
        .unwrap_or(expected.len().min(actual.len()));
    let show = |sign: &str, line: &&str| {
        let missing_newline = if line.ends_with('\n') {
            ""
        } else {
            "  (no newline)"
        };
        format!("{sign} {}{missing_newline}", line.trim_end_matches('\n'))
    };
    let context = expected[first.saturating_sub(2)..first]
        .iter()
        .map(|line| show(" ", line));
    let removed = expected
        .iter()
        .skip(first)
        .take(DIFF_LINES)
        .map(|line| show("-", line));
    let added = actual
        .iter()
        .skip(first)
        .take(DIFF_LINES)
        .map(|line| show("+", line));
    let mut lines = vec![format!("@@ line {} @@", first + 1)];
    lines.extend(context.chain(removed).chain(added));
    lines.join("\n")
}
