//! The chart in words: what a point under the pointer (or the keyboard
//! cursor) is, why a task was woken, and a summary of the whole timeline for
//! screen readers.

use crate::labels::time;
use crate::views::{CauseKind, LaneOwner, Narration, Outcome, SegmentState, Wake};
use crate::Timeline;

use super::{Chart, Hit};

/// What to show for a point of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    /// e.g. "Task-2 · count() — waiting".
    pub title: String,
    /// Further lines: times and events, what it waited on, why it woke, the
    /// event's narration.
    pub lines: Vec<String>,
    /// The event a click there goes to.
    pub event: usize,
}

impl Timeline {
    /// "Task-2" or "the loop".
    fn owner_name(&self, owner: LaneOwner) -> String {
        match owner {
            LaneOwner::Loop => "the loop".to_string(),
            LaneOwner::Task(task) => {
                let lane = self.lane_index(owner).map(|lane| &self.lanes()[lane]);
                lane.and_then(|lane| lane.label.split(" · ").next())
                    .map_or_else(|| format!("task {task}"), str::to_string)
            }
        }
    }

    /// "event 12 (t=1.000)".
    fn moment(&self, k: usize) -> String {
        format!("event {} (t={})", k + 1, time(self.event_time(k)))
    }

    /// Why a task became ready and when it ran, in one sentence.
    pub fn wake_sentence(&self, wake: &Wake) -> String {
        let task = self.owner_name(LaneOwner::Task(wake.task));
        let source = self.owner_name(wake.cause.source);
        let at = self.moment(wake.cause.event);
        let why = match wake.cause.kind {
            CauseKind::Timer => format!("a timer fired at {at}"),
            CauseKind::TaskEnded => format!("{source} finished at {at}"),
            CauseKind::SetResult => format!("{source} set the result it awaited at {at}"),
            CauseKind::Cancel => format!("{source} cancelled what it awaited at {at}"),
            CauseKind::QueuePut => format!("{source} put an item in the queue at {at}"),
            CauseKind::QueueGet => format!("{source} took an item from the full queue at {at}"),
            CauseKind::LockReleased => format!("{source} released the lock at {at}"),
            CauseKind::EventSet => format!("{source} set the Event at {at}"),
            CauseKind::SemaphoreReleased => format!("{source} released the semaphore at {at}"),
            CauseKind::Notified => format!("{source} woke it at {at}"),
            CauseKind::Callback => format!("a callback {source} scheduled ran at {at}"),
            CauseKind::Created => format!("{source} created it at {at}"),
            CauseKind::Yielded => "it yielded (sleep(0)) and queued its own next step".to_string(),
            CauseKind::Loop => format!("the loop scheduled it at {at}"),
        };
        let ran = match wake.run_event {
            Some(run) if run > wake.ready_event => format!(
                "; ready at {}, it ran at {}",
                self.moment(wake.ready_event),
                self.moment(run)
            ),
            Some(_) => String::new(),
            None => "; it never ran (cancelled or the loop closed)".to_string(),
        };
        format!("{task} became ready because {why}{ran}.")
    }

    /// The wake-up that made `task` ready at event `k`, if one did.
    pub fn wake_at(&self, task: u32, k: usize) -> Option<&Wake> {
        let wakes = self.wakes();
        let from = wakes.partition_point(|w| w.ready_event < k);
        wakes[from..]
            .iter()
            .take_while(|w| w.ready_event == k)
            .find(|w| w.task == task)
    }

    /// A few sentences about the whole timeline: how many tasks, over how
    /// long, and how each ended (each by name when there are few).
    pub fn summary(&self, internals: bool) -> String {
        let lanes = &self.lanes()[1.min(self.lanes().len())..];
        let shown: Vec<_> = lanes.iter().filter(|l| internals || !l.internal).collect();
        let hidden = lanes.len() - shown.len();
        let mut text = format!(
            "Timeline of the event loop and {} task{} over {} s of virtual time ({} events).",
            shown.len(),
            if shown.len() == 1 { "" } else { "s" },
            time(self.event_time(self.len())),
            self.len()
        );
        let ending = |state: Option<SegmentState>| state.map_or("never ran", SegmentState::word);
        if shown.len() <= 12 {
            for lane in &shown {
                text.push_str(&format!(" {}: {}.", lane.label, ending(lane.final_state())));
            }
        } else {
            for state in SegmentState::ALL {
                let count = shown
                    .iter()
                    .filter(|l| l.final_state() == Some(state))
                    .count();
                if count > 0 {
                    text.push_str(&format!(" {count} {}.", state.word()));
                }
            }
        }
        if hidden > 0 {
            text.push_str(&format!(
                " {hidden} of asyncio's own tasks hidden (turn on Internals to see them)."
            ));
        }
        text
    }
}

fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Resolved => "resolved",
        Outcome::Failed => "failed",
        Outcome::Cancelled => "cancelled",
    }
}

impl Chart<'_> {
    /// What the point `hit` shows, in words (`None` for nothing).
    pub fn tooltip(&self, hit: Hit) -> Option<Tooltip> {
        let timeline = self.timeline;
        let narrate = |k: usize| timeline.narration(k, Narration::Concepts);
        match hit {
            Hit::Nothing => None,
            Hit::Label { lane } => {
                let data = &timeline.lanes()[lane];
                let first = data.segments.first().map_or(0, |s| s.start_event);
                let ending = data.final_state().map_or("never ran", SegmentState::word);
                Some(Tooltip {
                    title: data.label.clone(),
                    lines: vec![
                        format!("ends {ending}"),
                        "click to select: its wake-ups are drawn even when the view is crowded"
                            .to_string(),
                    ],
                    event: first,
                })
            }
            Hit::Pitfall { pitfall, event } => {
                let pitfall = &timeline.pitfalls()[pitfall];
                Some(Tooltip {
                    title: format!(
                        "pitfall: {} · {}",
                        pitfall.kind.title(),
                        timeline.moment(event)
                    ),
                    lines: vec![pitfall.sentence.clone()],
                    event,
                })
            }
            Hit::Axis { event } => Some(Tooltip {
                title: timeline.moment(event),
                lines: vec![narrate(event)],
                event,
            }),
            Hit::Depth { event } => Some(Tooltip {
                title: format!(
                    "ready queue: {} after {}",
                    timeline.ready_depth().after(event),
                    timeline.moment(event)
                ),
                lines: vec![narrate(event)],
                event,
            }),
            Hit::Mark { lane, mark } => {
                let data = &timeline.lanes()[lane];
                let mark = data.marks[mark];
                Some(Tooltip {
                    title: format!(
                        "a future {} · {}",
                        outcome_word(mark.outcome),
                        timeline.moment(mark.event)
                    ),
                    lines: vec![format!("on {}", data.label), narrate(mark.event)],
                    event: mark.event,
                })
            }
            Hit::Lane {
                lane,
                event,
                segment,
            } => {
                let data = &timeline.lanes()[lane];
                let Some(segment) = segment.map(|s| &data.segments[s]) else {
                    return Some(Tooltip {
                        title: data.label.clone(),
                        lines: vec![narrate(event)],
                        event,
                    });
                };
                let mut lines = vec![format!(
                    "{} → {} · events {}–{}",
                    time(segment.start_time),
                    time(segment.end_time),
                    segment.start_event + 1,
                    segment.end_event + 1
                )];
                let detail = timeline.segment_detail(segment);
                if !detail.is_empty() {
                    lines.push(detail);
                }
                if let LaneOwner::Task(task) = data.owner {
                    if let Some(wake) = timeline.wake_at(task, segment.start_event) {
                        lines.push(timeline.wake_sentence(wake));
                    }
                }
                lines.push(narrate(segment.start_event));
                Some(Tooltip {
                    title: format!("{} — {}", data.label, segment.state.word()),
                    lines,
                    event: segment.start_event,
                })
            }
        }
    }
}
