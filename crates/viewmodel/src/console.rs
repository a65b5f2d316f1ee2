//! The console panel: `output` events cut into lines per stream, each
//! stamped with the event (and virtual time) that completed it.

use loopscope_runtime::trace::{EventKind, Stream, Trace};

use crate::views::ConsoleLine;

/// Every line of the run, ordered by the event that completed it. A last
/// line without a newline is completed by the last write to its stream.
pub(crate) fn lines(trace: &Trace) -> Vec<ConsoleLine> {
    let mut lines = Vec::new();
    // Per stream: the text of the unfinished line and its last write.
    let mut pending: [(String, Option<(usize, f64)>); 2] = Default::default();
    for (i, event) in trace.events.iter().enumerate() {
        let EventKind::Output { stream, text } = &event.kind else {
            continue;
        };
        let (buffer, last) = &mut pending[stream_index(*stream)];
        let text = trace.strings.get(*text as usize).map_or("", String::as_str);
        let mut rest = text;
        while let Some(newline) = rest.find('\n') {
            buffer.push_str(&rest[..newline]);
            lines.push(ConsoleLine {
                stream: *stream,
                text: std::mem::take(buffer),
                time: event.time,
                event: i,
            });
            rest = &rest[newline + 1..];
        }
        buffer.push_str(rest);
        *last = Some((i, event.time));
    }
    // The lines so far are in event order; a stream's unfinished line goes after every line
    // completed at or before its last write.
    for (stream, (buffer, last)) in [Stream::Stdout, Stream::Stderr].into_iter().zip(pending) {
        if let (false, Some((event, time))) = (buffer.is_empty(), last) {
            let at = lines.partition_point(|line| line.event <= event);
            let line = ConsoleLine {
                stream,
                text: buffer,
                time,
                event,
            };
            lines.insert(at, line);
        }
    }
    lines
}

fn stream_index(stream: Stream) -> usize {
    match stream {
        Stream::Stdout => 0,
        Stream::Stderr => 1,
    }
}

/// How many of `lines` are complete once event `k` has happened.
pub(crate) fn completed_by(lines: &[ConsoleLine], k: usize) -> usize {
    lines.partition_point(|line| line.event <= k)
}
