//! Golden files for every test of the workspace: a test compares what it produced with the
//! file that holds what it must produce, or re-records that file.
//!
//! - One variable re-records every kind of expectation: `LOOPSCOPE_UPDATE=1` (see
//!   [`updating`]). Files written by the test itself are rewritten; files recorded from
//!   CPython 3.11 by a script are re-recorded by running that script ([`record_with_cpython`]).
//! - Every golden file's first line says how to regenerate it ([`Golden::header`]):
//!   `# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p PACKAGE --test TEST`. Readers skip
//!   it; a file without it (or with another command) fails the test, so the line stays true.
//! - CPython is the oracle: a check that needs it fails loudly when `python3` is missing or
//!   is not CPython 3.11.7 ([`cpython`], [`ORACLE_VERSION`]); it never passes with a note.
//!
//! In an integration test (`tests/NAME.rs`), with `loopscope-golden` as a dev-dependency:
//!
//! ```
//! # let path = std::env::temp_dir().join(format!("golden-doc-{}.txt", std::process::id()));
//! # std::fs::write(&path, loopscope_golden::golden!().header() + "what it printed\n").unwrap();
//! let golden = loopscope_golden::golden!(); // this package, this test target
//! golden.assert_matches(&path, "what it printed\n");
//! # std::fs::remove_file(&path).unwrap();
//! ```

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

/// The environment variable that re-records every golden file: `LOOPSCOPE_UPDATE=1`.
pub const UPDATE_VARIABLE: &str = "LOOPSCOPE_UPDATE";

/// Where every header starts.
const HEADER_PREFIX: &str = "# Regenerate with: ";

/// The Python that records expectations.
const PYTHON: &str = "python3";
/// The oracle's exact version. Patch releases differ where the tests look: 3.11.2 points a
/// syntax error's caret elsewhere than 3.11.7 does, and the engine's tracebacks name the
/// files of 3.11.7's standard library (`stdlib_path!` in the runtime).
pub const ORACLE_VERSION: &str = "3.11.7";

/// Whether this run re-records golden files instead of comparing (`LOOPSCOPE_UPDATE=1`).
pub fn updating() -> bool {
    env::var(UPDATE_VARIABLE).is_ok_and(|value| value == "1")
}

/// The golden files of the test target that calls it: `Golden::of_test` with this
/// package's and this test's names.
#[macro_export]
macro_rules! golden {
    () => {
        $crate::Golden::of_test(env!("CARGO_PKG_NAME"), env!("CARGO_CRATE_NAME"))
    };
}

/// The golden files of one test target, which all regenerate with the same command.
pub struct Golden {
    regenerate: String,
}

impl Golden {
    /// The golden files of `cargo test -p PACKAGE --test TEST` (see [`golden!`]).
    pub fn of_test(package: &str, test: &str) -> Golden {
        Golden {
            regenerate: format!("{UPDATE_VARIABLE}=1 cargo test -p {package} --test {test}"),
        }
    }

    /// The command that regenerates these files.
    pub fn regenerate(&self) -> &str {
        &self.regenerate
    }

    /// The first line of each of these files, with its newline.
    pub fn header(&self) -> String {
        format!("{HEADER_PREFIX}{}\n", self.regenerate)
    }

    /// Compares `actual` with the golden file at `path`, or, when [`updating`], writes it
    /// there (with the header). Returns what differs, ready to print.
    pub fn check(&self, path: &Path, actual: &str) -> Result<(), String> {
        if updating() {
            return write(path, &(self.header() + actual));
        }
        let expected = self.read(path)?;
        if expected == actual {
            Ok(())
        } else {
            Err(format!(
                "{} differs from what the test produced ({})\n{}",
                path.display(),
                self.advice(),
                first_difference(&expected, actual)
            ))
        }
    }

    /// [`Golden::check`], failing the test on a difference.
    pub fn assert_matches(&self, path: &Path, actual: &str) {
        if let Err(difference) = self.check(path, actual) {
            panic!("{difference}");
        }
    }

    /// The contents of the golden file at `path` without its header line. Fails when the
    /// file is missing or its first line is not [`Golden::header`].
    pub fn read(&self, path: &Path) -> Result<String, String> {
        let text = fs::read_to_string(path).map_err(|error| {
            format!(
                "cannot read {}: {error} ({})",
                path.display(),
                self.advice()
            )
        })?;
        let header = self.header();
        match text.strip_prefix(&header) {
            Some(body) => Ok(body.to_string()),
            None => Err(format!(
                "{}: the first line must be `{}` ({})",
                path.display(),
                header.trim_end(),
                self.advice()
            )),
        }
    }

    fn advice(&self) -> String {
        format!(
            "if the new output is right, regenerate with `{}` and review the diff",
            self.regenerate
        )
    }
}

/// `python3`, after checking that it is CPython 3.11.7, the oracle of every recorded
/// expectation. Panics, failing the test, when it is missing or another version.
pub fn cpython() -> Command {
    if let Err(problem) = check_oracle() {
        panic!("{problem}");
    }
    Command::new(PYTHON)
}

/// Whether `python3` is the oracle, CPython [`ORACLE_VERSION`]; the error says what was
/// found instead and what to do. `cargo xtask test` asks before its first stage.
pub fn check_oracle() -> Result<(), String> {
    let needs = format!("the tests need CPython {ORACLE_VERSION} as `{PYTHON}` (the oracle)");
    let version = Command::new(PYTHON)
        .args([
            "-c",
            "import platform; print(platform.python_implementation(), platform.python_version())",
        ])
        .output()
        .map_err(|error| format!("{needs}, but `{PYTHON}` cannot run: {error}"))?;
    if !version.status.success() {
        return Err(format!(
            "{needs}, but `{PYTHON}` failed ({})",
            version.status
        ));
    }
    let found = String::from_utf8_lossy(&version.stdout).trim().to_string();
    if found == format!("CPython {ORACLE_VERSION}") {
        Ok(())
    } else {
        Err(format!(
            "{needs}, but `{PYTHON}` is {found}: install CPython {ORACLE_VERSION} (for example \
             `pyenv install {ORACLE_VERSION}`) and put it first on PATH"
        ))
    }
}

/// Scripts already run by [`record_with_cpython`] in this test process.
static RECORDED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// When [`updating`], runs the recorder `script` under CPython 3.11, once per test process
/// however many tests read its files (tests run in parallel; the others wait for it). The
/// script writes the golden files itself, each starting with its [`Golden::header`].
pub fn record_with_cpython(script: &Path) {
    if !updating() {
        return;
    }
    let mut recorded = RECORDED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if recorded.iter().any(|done| done == script) {
        return;
    }
    let status = cpython()
        .arg(script)
        .status()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", script.display()));
    assert!(status.success(), "{} failed ({status})", script.display());
    recorded.push(script.to_path_buf());
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)
            .map_err(|error| format!("cannot create {}: {error}", folder.display()))?;
    }
    fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// The first line where `expected` and `actual` differ, with both versions of it.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.split_inclusive('\n');
    let mut actual_lines = actual.split_inclusive('\n');
    for number in 1.. {
        let (want, got) = (expected_lines.next(), actual_lines.next());
        if want != got {
            let mut text = format!("first difference at line {number} (after the header):\n");
            let show =
                |line: Option<&str>| line.map_or("<end of text>".to_string(), |l| format!("{l:?}"));
            let _ = write!(
                text,
                "  expected: {}\n  actual:   {}",
                show(want),
                show(got)
            );
            return text;
        }
        if want.is_none() {
            break;
        }
    }
    "the texts are equal".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_names_the_command_and_is_the_first_line() {
        let golden = Golden::of_test("loopscope-syntax", "golden");
        assert_eq!(
            golden.header(),
            "# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-syntax --test golden\n"
        );
    }

    #[test]
    fn reading_strips_the_header_and_rejects_a_file_without_it() {
        let folder = env::temp_dir().join(format!("loopscope-golden-{}", std::process::id()));
        fs::create_dir_all(&folder).unwrap();
        let golden = Golden::of_test("p", "t");
        let with = folder.join("with.txt");
        fs::write(&with, golden.header() + "body\n").unwrap();
        assert_eq!(golden.read(&with).unwrap(), "body\n");
        let without = folder.join("without.txt");
        fs::write(&without, "body\n").unwrap();
        let error = golden.read(&without).unwrap_err();
        assert!(
            error.contains("LOOPSCOPE_UPDATE=1 cargo test -p p --test t"),
            "{error}"
        );
        assert!(golden.read(&folder.join("missing.txt")).is_err());
        fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_difference_names_its_first_line() {
        assert_eq!(
            first_difference("a\nb\nc\n", "a\nB\nc\n"),
            "first difference at line 2 (after the header):\n  expected: \"b\\n\"\n  actual:   \"B\\n\""
        );
        assert!(first_difference("a\n", "a\nb\n").contains("expected: <end of text>"));
    }
}
