//! Running the fuzz targets in worker processes, so that what cannot be caught inside a
//! process (a stack overflow, an allocation abort, a hang) is still caught and kept.
//!
//! The supervisor starts `loopscope-fuzz worker TARGET SEED SCRATCH RUNS`, limited to
//! [`WORKER_MEMORY_BYTES`] of address space. The worker writes each input to
//! `SCRATCH/current` before running it and prints `progress`, `panic` and `done` lines.
//! A panic is caught in the worker; a worker that dies, or prints nothing for
//! [`HANG_AFTER`], leaves its last input behind as a crash or a hang. Each finding is
//! saved once per signature under `target/fuzz/findings/TARGET/`; once fixed it belongs
//! in `crates/fuzz/regressions/TARGET/`, which the regression test replays.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::targets::{repository, Target};

/// A worker silent for this long is stuck on its current input.
const HANG_AFTER: Duration = Duration::from_secs(30);
/// The address space a worker may use (allocations past it abort, and are findings).
const WORKER_MEMORY_BYTES: u64 = 3 << 30;

/// How much fuzzing to do per target.
#[derive(Clone, Copy)]
pub enum Budget {
    Time(Duration),
    Runs(u64),
}

/// What a fuzzing session did, for its report.
#[derive(Default)]
pub struct Tally {
    pub runs: u64,
    pub corpus: usize,
    pub workers: u32,
    /// (signature, saved file, first seen in this session)
    pub findings: Vec<(String, PathBuf, bool)>,
}

/// What one worker said or did.
enum Event {
    Progress { runs: u64, corpus: usize },
    Panic { input: PathBuf, signature: String },
    Done,
}

/// Fuzz `target` within `budget`, starting from `seed`.
pub fn fuzz(target: Target, budget: Budget, seed: u64) -> Tally {
    // Per supervisor: two fuzzers at once must not share their workers' files.
    let scratch = repository()
        .join("target/fuzz/scratch")
        .join(std::process::id().to_string())
        .join(target.name());
    let _ = std::fs::create_dir_all(&scratch);
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut worker_seed = seed;
    loop {
        let remaining = match budget {
            Budget::Time(time) if started.elapsed() >= time => break,
            Budget::Time(time) => Budget::Time(time - started.elapsed()),
            Budget::Runs(runs) if tally.runs >= runs => break,
            Budget::Runs(runs) => Budget::Runs(runs - tally.runs),
        };
        tally.workers += 1;
        let finished = run_worker(target, worker_seed, &scratch, remaining, &mut tally);
        worker_seed = worker_seed.wrapping_add(1_000_003);
        if finished {
            break;
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if let Some(this_fuzzer) = scratch.parent() {
        let _ = std::fs::remove_dir(this_fuzzer);
    }
    tally
}

/// One worker's life; true when it used up the budget, false when it died and a new one
/// should go on.
fn run_worker(
    target: Target,
    seed: u64,
    scratch: &Path,
    budget: Budget,
    tally: &mut Tally,
) -> bool {
    let runs = match budget {
        Budget::Runs(runs) => runs.to_string(),
        Budget::Time(_) => "unbounded".to_string(),
    };
    let stderr_path = scratch.join("stderr");
    let mut child = match spawn_worker(target, seed, scratch, &runs, &stderr_path) {
        Ok(child) => child,
        Err(error) => panic!("cannot start a fuzz worker: {error}"),
    };
    let (sender, events) = mpsc::channel();
    let stdout = child.stdout.take().expect("piped stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(event) = parse_event(&line) {
                if sender.send(event).is_err() {
                    break;
                }
            }
        }
    });
    let deadline = match budget {
        Budget::Time(time) => Some(Instant::now() + time),
        Budget::Runs(_) => None,
    };
    let base_runs = tally.runs;
    loop {
        if deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            let _ = child.kill();
            let _ = child.wait();
            return true;
        }
        match events.recv_timeout(Duration::from_millis(500)) {
            Ok(Event::Progress { runs, corpus }) => {
                tally.runs = base_runs + runs;
                tally.corpus = tally.corpus.max(corpus);
            }
            Ok(Event::Panic { input, signature }) => {
                keep_finding(target, &signature, &input, tally);
            }
            Ok(Event::Done) => {
                let _ = child.wait();
                return true;
            }
            Err(RecvTimeoutError::Timeout) => {
                if silent_for(scratch) > HANG_AFTER {
                    let _ = child.kill();
                    let _ = child.wait();
                    keep_finding(target, "hang", &scratch.join("current"), tally);
                    return false;
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = child.wait().map(|s| s.to_string()).unwrap_or_default();
                let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
                let signature = crash_signature(&stderr, &status);
                keep_finding(target, &signature, &scratch.join("current"), tally);
                return false;
            }
        }
    }
}

fn spawn_worker(
    target: Target,
    seed: u64,
    scratch: &Path,
    runs: &str,
    stderr_path: &Path,
) -> std::io::Result<Child> {
    let exe = std::env::current_exe()?;
    let worker_args = [
        "worker".to_string(),
        target.name().to_string(),
        seed.to_string(),
        scratch.display().to_string(),
        runs.to_string(),
    ];
    // prlimit caps the address space where it exists (util-linux); elsewhere no cap.
    let mut command = if Command::new("prlimit").arg("--version").output().is_ok() {
        let mut command = Command::new("prlimit");
        command
            .arg(format!("--as={WORKER_MEMORY_BYTES}"))
            .arg("--")
            .arg(exe);
        command
    } else {
        Command::new(exe)
    };
    command
        .args(worker_args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(stderr_path)?)
        .spawn()
}

fn parse_event(line: &str) -> Option<Event> {
    let mut fields = line.split('\t');
    match fields.next()? {
        "progress" => Some(Event::Progress {
            runs: fields.next()?.parse().ok()?,
            corpus: fields.next()?.parse().ok()?,
        }),
        "panic" => Some(Event::Panic {
            input: PathBuf::from(fields.next()?),
            signature: fields.next()?.to_string(),
        }),
        "done" => Some(Event::Done),
        _ => None,
    }
}

/// How long ago the worker last started an input.
fn silent_for(scratch: &Path) -> Duration {
    std::fs::metadata(scratch.join("current"))
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .unwrap_or_default()
}

/// What killed a worker, from its last words.
fn crash_signature(stderr: &str, status: &str) -> String {
    let words = stderr
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or(status);
    if words.contains("has overflowed its stack") || words.contains("stack overflow") {
        "stack overflow".to_string()
    } else if words.contains("memory allocation of") || words.contains("capacity overflow") {
        "allocation failure".to_string()
    } else {
        format!("crash: {}", words.chars().take(120).collect::<String>())
    }
}

/// Saves `input` as the example of `signature`, unless one is already saved.
fn keep_finding(target: Target, signature: &str, input: &Path, tally: &mut Tally) {
    let dir = repository()
        .join("target/fuzz/findings")
        .join(target.name());
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{:016x}.{}", fnv1a(signature), target.extension()));
    let first = !path.exists();
    if first {
        let _ = std::fs::copy(input, &path);
        let _ = std::fs::write(path.with_extension("signature"), signature);
    }
    if !tally
        .findings
        .iter()
        .any(|(known, _, _)| known == signature)
    {
        tally.findings.push((signature.to_string(), path, first));
    }
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
