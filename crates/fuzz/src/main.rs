//! `loopscope-fuzz`: mutation fuzzing of the parser, the engine and the share-link decoder.
//!
//! ```text
//! loopscope-fuzz [--minutes M | --runs N] [--seed S] [TARGET...]   fuzz (all targets by default)
//! loopscope-fuzz replay TARGET FILE                                run one saved input
//! ```
//!
//! `cargo xtask fuzz --minutes M` runs it in release mode; `cargo xtask test` runs a short,
//! fixed number of runs. Targets: `parse`, `run`, `share` (see `targets.rs`); the time or
//! the runs are shared equally between them. Findings (panics, crashes, hangs; one input
//! per signature) go to `target/fuzz/findings/`; the exit status is 1 if there was any not
//! listed in `crates/fuzz/KNOWN_FINDINGS` (the defects of issue 10 not fixed yet).

mod mutate;
mod rng;
#[path = "../../../src/share_link.rs"]
#[allow(dead_code)]
mod share_link;
mod supervise;
mod targets;
mod worker;

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use supervise::{fuzz, Budget};
use targets::Target;

const USAGE: &str = "usage: loopscope-fuzz [--minutes M | --runs N] [--seed S] [parse|run|share]...\n       loopscope-fuzz replay TARGET FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("worker") => run_worker(&args[1..]),
        Some("replay") => replay(&args[1..]),
        _ => supervise(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("loopscope-fuzz: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn target_named(name: &str) -> Result<Target, String> {
    Target::from_name(name).ok_or_else(|| format!("unknown target '{name}'"))
}

fn number<T: std::str::FromStr>(value: Option<&String>, what: &str) -> Result<T, String> {
    value
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{what} needs a number"))
}

fn supervise(args: &[String]) -> Result<ExitCode, String> {
    let mut budget = Budget::Time(Duration::from_secs(60));
    let mut seed = 1u64;
    let mut targets = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--minutes" => {
                let minutes: f64 = number(it.next(), "--minutes")?;
                budget = Budget::Time(Duration::from_secs_f64(minutes.max(0.0) * 60.0));
            }
            "--runs" => budget = Budget::Runs(number(it.next(), "--runs")?),
            "--seed" => seed = number(it.next(), "--seed")?,
            name => targets.push(target_named(name)?),
        }
    }
    if targets.is_empty() {
        targets = targets::ALL.to_vec();
    }
    let share = match budget {
        Budget::Time(time) => Budget::Time(time / targets.len() as u32),
        runs => runs,
    };
    let known = known_findings();
    let mut found = 0;
    for target in targets {
        let started = std::time::Instant::now();
        let tally = fuzz(target, share, seed);
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{:<6} {} runs in {seconds:.0} s ({:.0}/s), corpus {}, {} worker(s), {} finding(s)",
            target.name(),
            tally.runs,
            tally.runs as f64 / seconds.max(0.001),
            tally.corpus,
            tally.workers,
            tally.findings.len()
        );
        for (signature, path, first) in &tally.findings {
            let seen = if *first { "new" } else { "seen before" };
            let listed = known
                .iter()
                .any(|prefix| signature.starts_with(prefix.as_str()));
            let known = if listed {
                ", listed in KNOWN_FINDINGS"
            } else {
                ""
            };
            println!("  {seen}{known}: {signature}\n    {}", path.display());
            found += usize::from(!listed);
        }
    }
    Ok(if found == 0 {
        ExitCode::SUCCESS
    } else {
        println!("once fixed, move each finding to crates/fuzz/regressions/TARGET/ (its input, named for what it checks)");
        ExitCode::FAILURE
    })
}

/// The signature prefixes of `crates/fuzz/KNOWN_FINDINGS`, one a line, `#` comments.
fn known_findings() -> Vec<String> {
    let path = targets::repository().join("crates/fuzz/KNOWN_FINDINGS");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

fn run_worker(args: &[String]) -> Result<ExitCode, String> {
    let [target, seed, scratch, runs] = args else {
        return Err("worker needs TARGET SEED SCRATCH RUNS".into());
    };
    let runs = runs.parse().ok();
    worker::work(
        target_named(target)?,
        number(Some(seed), "the seed")?,
        Path::new(scratch),
        runs,
    );
    Ok(ExitCode::SUCCESS)
}

fn replay(args: &[String]) -> Result<ExitCode, String> {
    let [target, file] = args else {
        return Err("replay needs TARGET FILE".into());
    };
    let input = std::fs::read_to_string(file).map_err(|error| format!("{file}: {error}"))?;
    worker::quiet_panics();
    match worker::execute(target_named(target)?, &input) {
        Ok(ending) => {
            println!("{ending}");
            Ok(ExitCode::SUCCESS)
        }
        Err(panic) => {
            println!("{panic}");
            Ok(ExitCode::FAILURE)
        }
    }
}
