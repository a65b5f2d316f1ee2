//! Issue 13, item 2's browser clause, "wasm in Chromium within 2× of native", judged on
//! `tests/e2e/measure/worker.mjs`'s figures: the bench programs (sized to the page's limits)
//! run in the page's engine worker and in the native binary, the median times compared
//! program by program, and the stamped outputs compared byte for byte.

use crate::bench::grouped;
use crate::failure::Failure;

use super::section::{judged, Figures, Judged};

/// "Within 2× of native": the worker's time over native's, for every program.
const WITHIN: f64 = 2.0;

/// The `opt-level` of `[profile.wasm-release]` in the workspace's `manifest` (its Cargo.toml
/// text): how the page's wasm, the engine worker's included, was optimised.
pub fn page_opt_level(manifest: &str) -> Option<String> {
    let profile = manifest.split("[profile.wasm-release]").nth(1)?;
    let profile = profile.split("\n[").next()?;
    profile.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("opt-level")?
            .trim()
            .strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_string())
    })
}

/// Item 2, on worker.mjs's figures: met when every program's worker time is within
/// [`WITHIN`] × its native time and every program printed the same stamped output.
/// `opt_level`: the page's build's, which the figure names.
pub fn worker_targets(worker: &Figures, opt_level: &str) -> Result<Vec<Judged>, Failure> {
    let programs = worker.list(&["programs"])?;
    let mut ratios = Vec::new();
    let mut differing = Vec::new();
    let mut slowest: f64 = 0.0;
    for index in 0..programs {
        let at = index.to_string();
        let path = |field| ["programs", at.as_str(), field];
        let name = worker.text(&path("name"))?;
        let ratio = worker.number(&path("worker_ms"))? / worker.number(&path("native_ms"))?;
        slowest = slowest.max(ratio);
        ratios.push(format!("`{name}` {ratio:.2}×"));
        if !worker.boolean(&path("same"))? {
            differing.push(format!("`{name}`"));
        }
    }
    let rounds = worker.number(&["rounds"])?;
    let mut figure = format!(
        "the page's worker over native, medians of {rounds:.0} runs of the bench programs \
         sized to the page's limits: {}; the worker's wasm {} bytes gzipped (opt-level {opt_level})",
        ratios.join(", "),
        grouped(worker.number(&["engine_wasm_gzip_bytes"])?.round() as usize)
    );
    if !differing.is_empty() {
        figure.push_str(&format!(
            "; the stamped output differs for {} (worker.mjs prints how)",
            differing.join(", ")
        ));
    }
    Ok(vec![judged(
        2,
        "wasm in Chromium within 2× of native",
        figure,
        slowest <= WITHIN && differing.is_empty(),
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_s_opt_level_is_read_from_its_profile_only() {
        let manifest = "[profile.release]\nopt-level = 3\n\n[profile.wasm-release]\n\
            inherits = \"release\"\nopt-level = \"z\"\nlto = true\n\n[profile.other]\nopt-level = 1\n";
        assert_eq!(page_opt_level(manifest).as_deref(), Some("z"));
        let inherited =
            "[profile.wasm-release]\ninherits = \"release\"\n[profile.x]\nopt-level = 1\n";
        assert_eq!(page_opt_level(inherited), None);
        assert_eq!(page_opt_level("[profile.release]\nopt-level = 3\n"), None);
    }

    /// The figures as worker.mjs prints them, with its prose around the JSON line.
    const WORKER: &str = "| `sleeps.py` | 1.2 s |\n\
        BENCH-JSON {\"script\":\"worker\",\"load_start\":\"1.00, 2.00, 3.00\",\
        \"load_end\":\"1.50, 2.00, 3.00\",\"rounds\":3,\"event_limit\":5000000,\
        \"engine_wasm_bytes\":1609524,\"engine_wasm_gzip_bytes\":580123,\"programs\":[\
        {\"name\":\"arithmetic.py\",\"worker_ms\":1800,\"native_ms\":1200,\"same\":true},\
        {\"name\":\"sleeps.py\",\"worker_ms\":1500,\"native_ms\":1000,\"same\":true}]}\n";

    fn worker(output: &str) -> Figures {
        Figures::parse("worker.mjs", output).expect("the example parses")
    }

    #[test]
    fn within_twice_native_on_every_program_is_met() {
        let targets = worker_targets(&worker(WORKER), "z").unwrap();
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0].item, 2);
        assert_eq!(targets[0].target, "wasm in Chromium within 2× of native");
        assert_eq!(targets[0].verdict, "met");
        assert_eq!(
            targets[0].figure,
            "the page's worker over native, medians of 3 runs of the bench programs sized to \
             the page's limits: `arithmetic.py` 1.50×, `sleeps.py` 1.50×; the worker's wasm \
             580,123 bytes gzipped (opt-level z)"
        );
    }

    #[test]
    fn the_slowest_program_decides_and_exactly_twice_is_within() {
        let twice = WORKER.replace("\"worker_ms\":1500", "\"worker_ms\":2000");
        assert_eq!(
            worker_targets(&worker(&twice), "z").unwrap()[0].verdict,
            "met"
        );
        let over = WORKER.replace("\"worker_ms\":1500", "\"worker_ms\":2001");
        let targets = worker_targets(&worker(&over), "z").unwrap();
        assert_eq!(targets[0].verdict, "MISSED");
        assert!(targets[0].figure.contains("`sleeps.py` 2.00×"));
    }

    #[test]
    fn a_different_output_misses_the_target_and_says_which() {
        let differing = WORKER.replace(
            "\"native_ms\":1200,\"same\":true",
            "\"native_ms\":1200,\"same\":false",
        );
        let targets = worker_targets(&worker(&differing), "z").unwrap();
        assert_eq!(targets[0].verdict, "MISSED");
        assert!(targets[0]
            .figure
            .ends_with("; the stamped output differs for `arithmetic.py` (worker.mjs prints how)"));
    }

    #[test]
    fn no_programs_or_a_missing_time_is_an_error() {
        let none = WORKER.replace(WORKER.split("\"programs\":").nth(1).unwrap(), "[]}");
        assert_eq!(
            worker_targets(&worker(&none), "z")
                .err()
                .unwrap()
                .to_string(),
            "worker.mjs's BENCH-JSON line: `programs` is not a list of programs"
        );
        let untimed = WORKER.replace("\"native_ms\":1000,", "");
        assert_eq!(
            worker_targets(&worker(&untimed), "z")
                .err()
                .unwrap()
                .to_string(),
            "worker.mjs's BENCH-JSON line: `programs.1.native_ms` is not present"
        );
    }
}
