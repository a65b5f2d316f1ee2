//! The syntax differential test: Loopscope must reject every program CPython's
//! `compile()` rejects, and accept every program it accepts.
//!
//! The programs are mutants of the corpus (examples and conformance cases) with
//! CPython 3.11's verdicts, recorded by `tests/syntax_mutants/record.py` into
//! `tests/syntax_mutants/*.mutants`; `LOOPSCOPE_UPDATE=1` re-records them first
//! (CPython is needed only then). "Accept" means parsing and compiling succeed,
//! or fail only with "not supported yet" (valid Python Loopscope does not run);
//! "reject" means a `SyntaxError` or `IndentationError` diagnostic, or "not
//! supported yet" (the program does not run, so nothing is silently wrong).
//! Where both reject, the position and message must be CPython's too, except
//! for the mutants listed in [`KNOWN_GAPS`] (strictly: a listed mutant that
//! starts agreeing fails the test until it is removed from the list).

use std::path::Path;

use loopscope_runtime::compile::compile_module;
use loopscope_syntax::{parse, Diagnostic, DiagnosticKind};

/// Fewer records than this means the data is missing, not that all is well.
const AT_LEAST: usize = 2_500;

/// Mutants (by their text) whose diagnostic differs from CPython's, and why.
const KNOWN_GAPS: &[(&str, &str)] = &[(
    "@ tick(n)\n",
    "CPython reports an error at the end-of-file token at column 0 (no caret); a \
         Diagnostic cannot say \"no column\"",
)];

/// One mutant and what CPython said of it.
struct Mutant {
    file: String,
    index: usize,
    source: String,
    /// `ok`, or `<ErrorClass> at <line>:<1-based column>: <message>`.
    verdict: String,
}

fn load(dir: &Path) -> Vec<Mutant> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/syntax_mutants")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "mutants"))
        .collect();
    files.sort();
    let mut mutants = Vec::new();
    for path in files {
        let file = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = loopscope_golden::golden!()
            .read(&path)
            .unwrap_or_else(|problem| panic!("{problem}"));
        mutants.extend(parse_records(&file, text.as_bytes()));
    }
    mutants
}

/// The records of one file: `@@ <length> <verdict>\n`, `length` bytes, `\n`.
fn parse_records(file: &str, bytes: &[u8]) -> Vec<Mutant> {
    let mut records = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let line_end = at
            + bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .expect("a line");
        let line = std::str::from_utf8(&bytes[at..line_end]).expect("UTF-8 header");
        at = line_end + 1;
        if line.starts_with('#') {
            continue;
        }
        let header = line
            .strip_prefix("@@ ")
            .unwrap_or_else(|| panic!("{file}: expected a record header, found {line:?}"));
        let (length, verdict) = header.split_once(' ').expect("length and verdict");
        let length: usize = length.parse().expect("a byte length");
        let source = std::str::from_utf8(&bytes[at..at + length]).expect("UTF-8 mutant");
        assert_eq!(
            bytes.get(at + length),
            Some(&b'\n'),
            "{file}: record length"
        );
        records.push(Mutant {
            file: file.to_string(),
            index: records.len() + 1,
            source: source.to_string(),
            verdict: verdict.to_string(),
        });
        at += length + 1;
    }
    records
}

/// Parse and compile as `loopscope run` does before running.
fn loopscope_verdict(source: &str) -> Result<(), Diagnostic> {
    let module = parse(source)?;
    compile_module(&module, "mutant.py").map(|_| ())
}

fn describe(diagnostic: &Diagnostic) -> String {
    format!(
        "{} at {}:{}: {}",
        diagnostic.exception_name(),
        diagnostic.span.start.line,
        diagnostic.span.start.col + 1,
        diagnostic.message
    )
}

#[test]
fn loopscope_rejects_exactly_what_cpython_rejects() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_mutants");
    loopscope_golden::record_with_cpython(&dir.join("record.py"));
    let mutants = load(&dir);
    assert!(
        mutants.len() >= AT_LEAST,
        "only {} mutants in {} (re-record with LOOPSCOPE_UPDATE=1)",
        mutants.len(),
        dir.display()
    );
    let mut failures = Vec::new();
    let mut gaps_seen = 0;
    for mutant in &mutants {
        let ours = loopscope_verdict(&mutant.source);
        let unsupported = matches!(&ours, Err(d) if d.kind == DiagnosticKind::Unsupported);
        let problem = match (&ours, mutant.verdict == "ok") {
            (Ok(()), true) => None,
            (Ok(()), false) => Some("Loopscope accepts it".to_string()),
            (Err(_), true) if unsupported => None,
            (Err(ours), true) => Some(format!("Loopscope rejects it: {}", describe(ours))),
            (Err(_), false) if unsupported => None,
            (Err(ours), false) => {
                let ours = describe(ours);
                (ours != mutant.verdict).then(|| format!("Loopscope says {ours}"))
            }
        };
        let known_gap = KNOWN_GAPS
            .iter()
            .any(|(source, _)| *source == mutant.source);
        if known_gap {
            gaps_seen += 1;
            if problem.is_none() {
                failures.push(format!(
                    "{} #{} agrees with CPython now: remove it from KNOWN_GAPS",
                    mutant.file, mutant.index
                ));
            }
        } else if let Some(problem) = problem {
            failures.push(format!(
                "{} #{}: CPython says {}; {problem}\n{}",
                mutant.file, mutant.index, mutant.verdict, mutant.source
            ));
        }
    }
    if gaps_seen < KNOWN_GAPS.len() {
        failures.push("a mutant listed in KNOWN_GAPS is no longer recorded".to_string());
    }
    assert!(
        failures.is_empty(),
        "{} of {} mutants disagree with CPython:\n\n{}",
        failures.len(),
        mutants.len(),
        failures.join("\n")
    );
}
