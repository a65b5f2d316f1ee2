//! Every input the fuzzer ever failed on, kept once fixed: `regressions/TARGET/*` must run
//! through its target without a panic, a crash or a hang. Each runs in its own process
//! (`loopscope-fuzz replay TARGET FILE`), so one that crashes again fails its case and not
//! the whole test.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any regression needs in a debug build.
const TIMEOUT: Duration = Duration::from_secs(60);

fn replay(target: &str, file: &Path) -> Result<(), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loopscope-fuzz"))
        .args(["replay", target])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start the fuzzer: {error}"))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let output = child.wait_with_output().map_err(|e| e.to_string())?;
            return match status.success() {
                true => Ok(()),
                false => Err(format!(
                    "{status}: {}{}",
                    String::from_utf8_lossy(&output.stdout),
                    String::from_utf8_lossy(&output.stderr)
                )),
            };
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            return Err(format!("still running after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn every_kept_finding_stays_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut failures = Vec::new();
    let mut count = 0;
    for target in ["parse", "run", "share"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(target))
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|path| path.extension().is_some_and(|e| e == "py" || e == "txt"));
        files.sort();
        for file in files {
            count += 1;
            if let Err(problem) = replay(target, &file) {
                failures.push(format!("{}: {problem}", file.display()));
            }
        }
    }
    assert!(count > 0, "no regression cases under {}", root.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
