//! `run_program_observed` reports progress while a program runs: often enough for a live
//! display, both when the program produces many events and when it only computes, and each
//! report's trace is a prefix of the final one.

use std::cell::RefCell;
use std::rc::Rc;

use loopscope_runtime::progress::{ProgressHook, EVENTS_PER_REPORT, INSTRUCTIONS_PER_REPORT};
use loopscope_runtime::trace::Record;
use loopscope_runtime::{run_program, run_program_observed, RunOptions};

/// (records so far, instructions, virtual time, last record) at each report.
type Report = (usize, u64, f64, Option<Record>);

fn observe(source: &str) -> (Vec<Report>, loopscope_runtime::Outcome) {
    let reports: Rc<RefCell<Vec<Report>>> = Rc::default();
    let sink = reports.clone();
    let hook = ProgressHook::new(move |progress| {
        sink.borrow_mut().push((
            progress.trace.records.len(),
            progress.instructions,
            progress.now,
            progress.trace.records.last().cloned(),
        ))
    });
    let outcome = run_program_observed(source, &RunOptions::default(), Some(hook));
    let reports = reports.borrow().clone();
    (reports, outcome)
}

#[test]
fn an_event_heavy_run_reports_every_few_thousand_events() {
    let source = "import asyncio\n\nasync def spin():\n    for i in range(20000):\n        await asyncio.sleep(0.001)\n\nasyncio.run(spin())\n";
    let (reports, outcome) = observe(source);
    let events = outcome.trace.records.len();
    assert!(events > 50_000, "{events}");
    assert!(
        reports.len() >= events / (2 * EVENTS_PER_REPORT),
        "{}",
        reports.len()
    );
    for window in reports.windows(2) {
        assert!(window[0].0 < window[1].0 && window[0].1 < window[1].1);
        assert!(window[0].2 <= window[1].2);
        assert!(window[1].0 - window[0].0 <= 2 * EVENTS_PER_REPORT);
    }
    for (len, _, _, last) in &reports {
        assert_eq!(last.as_ref(), outcome.trace.records.get(len - 1));
    }
    // Observing changes nothing.
    assert_eq!(
        outcome.trace,
        run_program(source, &RunOptions::default()).trace
    );
}

#[test]
fn a_run_that_only_computes_still_reports() {
    let source = "total = 0\nfor i in range(1_000_000):\n    total += i\nprint(total)\n";
    let (reports, outcome) = observe(source);
    assert_eq!(outcome.status, 0);
    let instructions = reports.last().expect("reports").1;
    assert!(
        reports.len() as u64 >= instructions / (2 * INSTRUCTIONS_PER_REPORT),
        "{} reports over {instructions} instructions",
        reports.len()
    );
    assert!(reports.iter().all(|report| report.0 == 0));
}
