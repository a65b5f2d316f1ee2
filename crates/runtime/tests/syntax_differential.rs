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
const KNOWN_GAPS: &[(&str, &str)] = &[
    (
        "parser = argparse.ArgumentParser(prog=\"sleeper\", descriptionfor\"Sleep COUNT times.\")\n",
        "a name juxtaposed with a string after a keyword argument: CPython's invalid_arguments rule puts the caret at the argument list's end, ours at the string",
    ),
    (
        "fut = loop.create_future(yield\n",
        "an unparenthesized `yield` as a call's argument at the end of the file: CPython reports the unclosed bracket first, ours the `yield`",
    ),
    (
        "task = asyncio.create_task(child(yield n))\n",
        "an unparenthesized `yield` as a call's argument: CPython's invalid_expression rule suggests a comma at the callee, which ours does not try for `yield`",
    ),
    (
        "print(\"task gone; ref dead:\", r(yield ) is None)\n",
        "an unparenthesized `yield` as a call's argument: CPython's invalid_expression rule suggests a comma at the callee, which ours does not try for `yield`",
    ),
    (
        "print(dict(done), done[], sorted(done))\n",
        "an empty subscript: CPython's invalid_expression rule suggests a comma between the two calls before it, ours reports the `]`",
    ),
    (
        "print(home home. .run_until_complete(early_task))\n",
        "two names juxtaposed then a broken attribute: CPython's invalid_expression rule suggests a comma at the first name, ours reports the second `.`",
    ),
    (
        "(int(\"1\" * 5000, 2) > 0, int(\"7\" * 5000, 8) 0 >, int(\"v\" * 3000, 32) > 0)\n",
        "a call juxtaposed with a number then a dangling `>`: CPython's invalid_expression rule suggests a comma at the call, ours reports the `,` after `>`",
    ),
    (
        "print(await asyncio.gather(*(step(i) for i i in range(4))))\n",
        "a comprehension's target repeated: CPython's invalid_expression rule suggests a comma there, ours reports the `in`",
    ),
    (
        "seen = {origin: \"origin\", Point(1, )2: \"a\"}\n",
        "a dict key juxtaposed with a number: CPython's invalid_double_starred_kvpairs rule says ':' expected after the key, ours suggests a comma",
    ),
    (
        "os.environ[ [\"MODE\"] = \"fast\"\n",
        "an assignment inside an unclosed subscript: CPython reports the `=` (invalid syntax) before the unclosed bracket, ours the bracket",
    ),
    (
        "@(name, repr(getattr(string, name)))\n",
        "CPython reports an error at the end-of-file token at column 0 (no caret); a Diagnostic cannot say \"no column\"",
    ),
    (
        "@ tick(n)\n",
        "CPython reports an error at the end-of-file token at column 0 (no caret); a Diagnostic cannot say \"no column\"",
    ),
    (
        "class En:\n    def greet(self) -> -= str: :\n        return \"hello\"\n",
        "an augmented assignment in a return annotation: CPython's invalid_def_raw rule says expected ':' at the `-=`, ours invalid syntax at the annotation's end",
    ),
    (
        "async def main():\n    stream = running_average(only_valid(sensor([4, 8, -1, 6, 2])))\n    async for average in stream:\n        print(f\"average so far: {average:.2f}\")\n    squares = [v * v async for print v in sensor([1, 2, 3])]\n    print(\"squares:\", squares)\n",
        "`print v` as a comprehension's target: CPython's invalid_legacy_expression rule (\"Missing parentheses in call to 'print'\") applies there, ours only to statements",
    ),
];

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
