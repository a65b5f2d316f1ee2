//! Files a run can be saved as: the trace as JSON (the CLI's `--trace` format, written
//! without serde_json so the page need not ship it), a Chrome Trace Event file for
//! Perfetto, and the console as text.

pub mod json;
mod perfetto;

use loopscope_runtime::trace::Trace;

pub use perfetto::{perfetto, Axis};

use crate::Timeline;

/// The trace as JSON, exactly the data `loopscope run --trace FILE` writes (docs/trace.md).
pub fn trace_json(trace: &Trace) -> String {
    json::to_string(trace).unwrap_or_default()
}

/// Every console line in order, stderr's too; with `stamped`, each starts with the
/// virtual time it was completed at, as `loopscope run --timestamps` prints stdout.
pub fn console_text(timeline: &Timeline, stamped: bool) -> String {
    let mut out = String::new();
    for line in timeline.console() {
        if stamped {
            out.push_str(&loopscope_cpython::float_repr::float_fixed(line.time, 3));
            out.push(' ');
        }
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}
