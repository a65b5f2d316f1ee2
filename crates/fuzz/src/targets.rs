//! The three fuzz targets: what each feeds its part of the engine, and what it checks
//! besides "no panic" (a panic, an abort or a hang is a finding; see `supervise.rs`).
//!
//! - `parse`: the parser on mutated programs and damaged text; diagnostics must render.
//! - `run`: compile and run mutated programs under small limits; the status must be one
//!   a run can end with (see [`possible_status`]), and a second run (one in 16) must print
//!   the same.
//! - `share`: the share-link decoder on damaged links; whatever it opens must encode again
//!   and reopen identically.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, Limits, RunOptions};

use crate::mutate::{bounded, mutate_characters, mutate_program};
use crate::rng::Rng;
use crate::share_link::{decode, encode, SharedView};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Parse,
    Run,
    Share,
}

pub const ALL: [Target; 3] = [Target::Parse, Target::Run, Target::Share];

/// The native stack a program runs on: a fuzzed program must not need more.
pub const RUN_STACK_BYTES: usize = 8 << 20;

/// The corpus stops growing here.
const MAX_CORPUS: usize = 4_000;

impl Target {
    pub fn name(self) -> &'static str {
        match self {
            Target::Parse => "parse",
            Target::Run => "run",
            Target::Share => "share",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        ALL.into_iter().find(|target| target.name() == name)
    }

    /// The file extension of its saved inputs.
    pub fn extension(self) -> &'static str {
        match self {
            Target::Share => "txt",
            _ => "py",
        }
    }

    /// Where its regression cases live (every finding, once fixed, is kept there).
    pub fn regressions(self) -> PathBuf {
        repository()
            .join("crates/fuzz/regressions")
            .join(self.name())
    }

    /// One new input, mutated from the corpus.
    pub fn generate(self, corpus: &Corpus, rng: &mut Rng) -> String {
        let base = rng.pick(&corpus.inputs).clone();
        let other = rng.pick(&corpus.programs);
        let rounds = 1 + rng.below(4);
        let mut input = base;
        for _ in 0..rounds {
            input = match self {
                Target::Parse if rng.one_in(3) => mutate_characters(&input, rng),
                Target::Parse | Target::Run => mutate_program(&input, other, rng),
                Target::Share => mutate_link(&input, rng),
            };
        }
        bounded(input)
    }

    /// Feeds `input` to the target; returns a short description of how it ended, which
    /// decides whether the input joins the corpus. Panics on a failed check.
    pub fn execute(self, input: &str) -> String {
        match self {
            Target::Parse => parse(input),
            Target::Run => run(input),
            Target::Share => share(input),
        }
    }
}

fn parse(input: &str) -> String {
    match loopscope_syntax::parse(input) {
        Ok(module) => format!("ok {}", module.body.len().min(3)),
        Err(diagnostic) => {
            let rendered = diagnostic.render(input, "fuzz.py");
            assert!(rendered.starts_with("  File \"fuzz.py\", line "));
            diagnostic.message
        }
    }
}

/// Small limits, so that a run ends within a fraction of a second.
pub fn run_options() -> RunOptions {
    RunOptions {
        filename: "fuzz.py".into(),
        limits: Limits {
            instructions_without_yield: 2_000_000,
            max_events: 20_000,
            time_horizon: 10_000.0,
            recursion_depth: 200,
            max_sequence_len: 1_000_000,
            memory_bytes: 256 << 20,
            ..Limits::default()
        },
        ..RunOptions::default()
    }
}

/// The status and the streams of one run.
fn run_once(input: &str) -> (i32, String, String) {
    let outcome = run_program(input, &run_options());
    (
        outcome.status,
        outcome.stream_text(Stream::Stdout),
        outcome.stream_text(Stream::Stderr),
    )
}

fn run(input: &str) -> String {
    let (status, stdout, stderr) = run_once(input);
    assert!(possible_status(status), "exit status {status}");
    if input.len().is_multiple_of(16) {
        assert!(
            run_once(input) == (status, stdout, stderr.clone()),
            "a second run printed something else"
        );
    }
    let last = stderr.lines().last().unwrap_or("");
    format!("{status} {}", last.split([':', ' ']).next().unwrap_or(""))
}

/// Whether a run can end with `status`: the engine's own are 0-3 (ok, uncaught exception,
/// parse error, limit), but a program's `raise SystemExit(n)` or `sys.exit(n)` ends with
/// `n & 0xff`, as CPython's process does on POSIX, so any byte is legitimate. A status
/// outside a byte can only be an engine defect.
fn possible_status(status: i32) -> bool {
    (0..=255).contains(&status)
}

fn share(input: &str) -> String {
    match decode(input) {
        Ok(view) => {
            if let Ok(fragment) = encode(&view) {
                assert_eq!(decode(&fragment).as_ref(), Ok(&view), "round trip");
            }
            "ok".to_string()
        }
        Err(error) => format!("{error:?}").chars().take(16).collect(),
    }
}

/// What share links are made of.
const BASE64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A damaged link: characters changed, cut or doubled, or the layers below the base64
/// (DEFLATE, postcard) damaged and re-wrapped so the damage reaches them.
fn mutate_link(link: &str, rng: &mut Rng) -> String {
    let prefix_len = link.find('.').map_or(0, |dot| dot + 1);
    let (prefix, data) = link.split_at(prefix_len);
    let mut bytes = data.as_bytes().to_vec();
    match rng.below(6) {
        0 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes[at] = *rng.pick(BASE64URL);
        }
        1 => bytes.truncate(rng.below(bytes.len() + 1)),
        2 => {
            let at = rng.below(bytes.len() + 1);
            bytes.insert(at, *rng.pick(BASE64URL));
        }
        3 => {
            let compressed = URL_SAFE_NO_PAD.decode(data).unwrap_or_default();
            let mut payload =
                miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, 1 << 18)
                    .unwrap_or_default();
            if !payload.is_empty() {
                let at = rng.below(payload.len());
                payload[at] = rng.next_u64() as u8;
            }
            let deflated = miniz_oxide::deflate::compress_to_vec(&payload, 6);
            bytes = URL_SAFE_NO_PAD.encode(deflated).into_bytes();
        }
        4 => {
            let mut compressed = URL_SAFE_NO_PAD.decode(data).unwrap_or_default();
            if !compressed.is_empty() {
                let at = rng.below(compressed.len());
                compressed[at] ^= 1 << rng.below(8);
            }
            if rng.one_in(2) {
                compressed.push(rng.next_u64() as u8);
            }
            bytes = URL_SAFE_NO_PAD.encode(compressed).into_bytes();
        }
        _ => {
            let prefix = *rng.pick(&["v3.", "v2.", "v1.", "#v3.", "v", "v03.", "v3..", ""]);
            return format!("{prefix}{data}");
        }
    }
    format!("{prefix}{}", String::from_utf8_lossy(&bytes))
}

/// The repository this fuzzer belongs to.
pub fn repository() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .nth(2)
        .unwrap_or(manifest)
        .to_path_buf()
}

/// The inputs mutations start from, growing with inputs that end in a new way.
pub struct Corpus {
    /// Programs (examples, conformance cases, regressions), to borrow from.
    pub programs: Vec<String>,
    /// What this target mutates.
    pub inputs: Vec<String>,
    endings: HashSet<String>,
}

impl Corpus {
    pub fn load(target: Target) -> Corpus {
        let mut programs = Vec::new();
        for dir in [
            "assets/examples",
            "tests/conformance/cases",
            "tests/hostile",
        ] {
            programs.extend(read_dir_texts(&repository().join(dir), "py"));
        }
        programs.extend(read_dir_texts(&Target::Run.regressions(), "py"));
        programs.extend(read_dir_texts(&Target::Parse.regressions(), "py"));
        let inputs = match target {
            Target::Share => {
                let mut links: Vec<String> = programs
                    .iter()
                    .filter_map(|code| encode(&view_of(code)).ok())
                    .collect();
                links.extend(read_dir_texts(&target.regressions(), "txt"));
                links
            }
            _ => programs.clone(),
        };
        Corpus {
            programs,
            inputs,
            endings: HashSet::new(),
        }
    }

    /// Keep `input` if it ended in a way not seen before.
    pub fn learn(&mut self, input: &str, ending: String) {
        if self.endings.insert(ending) && self.inputs.len() < MAX_CORPUS {
            self.inputs.push(input.to_string());
        }
    }

    pub fn len(&self) -> usize {
        self.inputs.len()
    }
}

/// A view of `code`; every other one carries a composition, so that its decoding is
/// fuzzed too.
fn view_of(code: &str) -> SharedView {
    SharedView {
        code: code.to_string(),
        seed: 7,
        event: 3,
        internals: false,
        event_axis: true,
        composition: (code.len() % 2 == 1)
            .then(|| loopscope_composer::TemplateId::ProducerConsumer.build()),
    }
}

/// The texts of `dir/*.ext`, in name order (none if the folder is missing).
pub fn read_dir_texts(dir: &Path, ext: &str) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|path| path.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
}
