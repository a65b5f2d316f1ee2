//! The worker process: generates inputs for one target and runs them, forever or for a
//! number of runs, reporting to the supervisor on stdout (see `supervise.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::rng::Rng;
use crate::targets::{Corpus, Target, RUN_STACK_BYTES};

/// Where and why the last panic happened (set by the panic hook, which prints nothing).
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Replaces the panic message on stderr with a note of it, for [`execute`] to report.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let first_line = message.lines().next().unwrap_or("").chars().take(100);
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = format!("panic at {location}: {}", first_line.collect::<String>());
        }
    }));
}

/// Runs `input` on a thread with the engine's stack: how it ended, or the panic.
pub fn execute(target: Target, input: &str) -> Result<String, String> {
    let input = input.to_string();
    let thread = std::thread::Builder::new()
        .stack_size(RUN_STACK_BYTES)
        .spawn(move || target.execute(&input))
        .map_err(|error| format!("cannot start a thread: {error}"))?;
    thread
        .join()
        .map_err(|_| LAST_PANIC.lock().map(|s| s.clone()).unwrap_or_default())
}

/// The worker's loop; `runs` of `None` means until killed.
pub fn work(target: Target, seed: u64, scratch: &Path, runs: Option<u64>) {
    quiet_panics();
    let mut corpus = Corpus::load(target);
    let mut rng = Rng::new(seed);
    let current = scratch.join("current");
    let mut done = 0u64;
    let mut last_report = Instant::now();
    let mut stdout = std::io::stdout();
    while runs.is_none_or(|runs| done < runs) {
        let input = target.generate(&corpus, &mut rng);
        if let Err(error) = std::fs::write(&current, &input) {
            eprintln!("cannot write {}: {error}", current.display());
            std::process::exit(2);
        }
        match execute(target, &input) {
            Ok(ending) => corpus.learn(&input, ending),
            Err(signature) => {
                let saved = keep_input(scratch, done, &input);
                let _ = writeln!(stdout, "panic\t{}\t{signature}", saved.display());
            }
        }
        done += 1;
        if last_report.elapsed() > Duration::from_millis(500) {
            let _ = writeln!(stdout, "progress\t{done}\t{}", corpus.len());
            let _ = stdout.flush();
            last_report = Instant::now();
        }
    }
    let _ = writeln!(stdout, "progress\t{done}\t{}", corpus.len());
    let _ = writeln!(stdout, "done");
}

fn keep_input(scratch: &Path, index: u64, input: &str) -> PathBuf {
    let path = scratch.join(format!("panic-{index}"));
    let _ = std::fs::write(&path, input);
    path
}
