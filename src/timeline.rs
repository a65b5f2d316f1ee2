//! The timeline: an SVG with one lane for the loop and one per task, coloured by state,
//! over virtual time (or, with the toggle, over events). Zoom with the buttons, pan with the
//! scrollbar, click anywhere to seek there, hover a stretch for what it was.

use leptos::html::Div;
use leptos::prelude::*;
use loopscope_viewmodel::{Lane, SegmentState};

use crate::number_text::{decimal, format_seconds};
use crate::session::Session;

const LANE_HEIGHT: f64 = 16.0;
const LANE_GAP: f64 = 5.0;
const AXIS_HEIGHT: f64 = 18.0;
const MAX_ZOOM: f64 = 64.0;
/// Stretches narrower than this many pixels are not drawn (they would be invisible).
const MIN_SEGMENT_WIDTH: f64 = 0.25;

fn segment_class(state: SegmentState) -> &'static str {
    match state {
        SegmentState::Ready => "seg-ready",
        SegmentState::Running => "seg-running",
        SegmentState::Waiting => "seg-waiting",
        SegmentState::Done => "seg-done",
        SegmentState::Failed => "seg-failed",
        SegmentState::Cancelled => "seg-cancelled",
        SegmentState::Idle => "seg-idle",
        SegmentState::Blocked => "seg-blocked",
    }
}

fn state_word(state: SegmentState) -> &'static str {
    match state {
        SegmentState::Ready => "ready",
        SegmentState::Running => "running",
        SegmentState::Waiting => "waiting",
        SegmentState::Done => "done",
        SegmentState::Failed => "failed",
        SegmentState::Cancelled => "cancelled",
        SegmentState::Idle => "idle (waiting for a timer)",
        SegmentState::Blocked => "blocked by time.sleep",
    }
}

/// A "nice" tick step (1, 2 or 5 × 10ⁿ) giving about `count` ticks over `span`.
fn tick_step(span: f64, count: f64) -> f64 {
    let raw = (span / count).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude);
    step.max(f64::MIN_POSITIVE)
}

/// How the horizontal axis maps to the run.
#[derive(Clone, Copy, PartialEq)]
struct Scale {
    /// Counting events instead of virtual seconds.
    events: bool,
    /// Events in the run, or its last virtual time.
    span: f64,
    width: f64,
}

impl Scale {
    fn x(&self, value: f64) -> f64 {
        if self.span <= 0.0 {
            0.0
        } else {
            value / self.span * self.width
        }
    }
}

/// The timeline panel.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let session = Session::get();
    let scroller: NodeRef<Div> = NodeRef::new();
    let zoom = RwSignal::new(1.0f64);
    let visible_width = RwSignal::new(900.0f64);

    let measure = move || {
        if let Some(element) = scroller.get_untracked() {
            let width = f64::from(element.client_width());
            if width > 0.0 {
                visible_width.set(width);
            }
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure();
        }
    });
    let _resize = window_event_listener(leptos::ev::resize, move |_| measure());

    let lanes = Memo::new(move |_| {
        session.run.with(|run| {
            run.as_ref()
                .map(|run| run.timeline.lanes().to_vec())
                .unwrap_or_default()
        })
    });
    let end_time = Memo::new(move |_| {
        session.run.with(|run| {
            run.as_ref()
                .map_or(0.0, |run| run.timeline.event_time(run.event_count()))
        })
    });
    let scale = Memo::new(move |_| {
        let events = session.event_axis.get() || end_time.get() <= 0.0;
        Scale {
            events,
            span: if events {
                session.last_event().max(1) as f64
            } else {
                end_time.get()
            },
            width: (visible_width.get() - 12.0).max(200.0) * zoom.get(),
        }
    });
    let height = move || {
        decimal(
            AXIS_HEIGHT
                + lanes.with(|lanes| lanes.len()) as f64 * (LANE_HEIGHT + LANE_GAP)
                + LANE_GAP,
        )
    };

    let lane_rows = move || {
        let scale = scale.get();
        lanes.with(|lanes| {
            lanes
                .iter()
                .enumerate()
                .map(|(row, lane)| lane_view(lane, row, scale))
                .collect::<Vec<_>>()
        })
    };
    let axis = move || {
        let scale = scale.get();
        let step = tick_step(scale.span, (scale.width / 110.0).max(2.0));
        // Events are whole: no tick between two of them.
        let step = if scale.events { step.max(1.0) } else { step };
        let count = (scale.span / step).floor() as usize;
        (0..=count)
            .map(|tick| {
                let value = tick as f64 * step;
                let x = scale.x(value);
                let label = if scale.events {
                    format!("#{}", value.round() as u64 + 1)
                } else {
                    format_seconds(value)
                };
                view! {
                    <g>
                        <line class="axis-tick" x1=decimal(x) x2=decimal(x) y1=decimal(AXIS_HEIGHT - 4.0) y2=height()></line>
                        <text class="axis-label" x=decimal(x + 3.0) y=decimal(AXIS_HEIGHT - 6.0)>{label}</text>
                    </g>
                }
            })
            .collect::<Vec<_>>()
    };
    let playhead_x = move || {
        let scale = scale.get();
        let event = session.event.get();
        if scale.events {
            scale.x(event as f64)
        } else {
            scale.x(session.view.with(|view| view.now))
        }
    };
    // Keep the playhead in view when zoomed in.
    Effect::new(move |_| {
        let x = playhead_x();
        if let Some(element) = scroller.get_untracked() {
            let left = f64::from(element.scroll_left());
            let width = f64::from(element.client_width());
            if x < left || x > left + width - 20.0 {
                element.set_scroll_left((x - width / 3.0).max(0.0) as i32);
            }
        }
    });

    let seek_to_x = move |event: leptos::ev::MouseEvent| {
        let Some(element) = scroller.get_untracked() else {
            return;
        };
        let rect = element.get_bounding_client_rect();
        let x = f64::from(event.client_x()) - rect.left() + f64::from(element.scroll_left());
        let scale = scale.get_untracked();
        let value = if scale.width > 0.0 {
            x / scale.width * scale.span
        } else {
            0.0
        };
        let target = session.run.with_untracked(|run| {
            let run = run.as_ref()?;
            if scale.events {
                return Some(value.round().max(0.0) as usize);
            }
            // The last event at or before that time.
            let timeline = &run.timeline;
            let (mut low, mut high) = (0, run.event_count());
            while low < high {
                let middle = (low + high) / 2;
                if timeline.event_time(middle) <= value {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            Some(low.saturating_sub(1))
        });
        if let Some(target) = target {
            session.playing.set(false);
            session.seek(target);
        }
    };

    view! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-toolbar">
                <strong>"Timeline"</strong>
                <button type="button" title="Zoom out" aria-label="Zoom out" on:click=move |_| zoom.update(|zoom| *zoom = (*zoom / 2.0).max(1.0))>
                    "−"
                </button>
                <button type="button" title="Zoom in" aria-label="Zoom in" on:click=move |_| zoom.update(|zoom| *zoom = (*zoom * 2.0).min(MAX_ZOOM))>
                    "+"
                </button>
                <button type="button" title="Fit the whole run" on:click=move |_| zoom.set(1.0)>
                    "Fit"
                </button>
                <span>{move || format!("{}×", decimal(zoom.get()))}</span>
                <button
                    type="button"
                    aria-pressed=move || session.event_axis.get().to_string()
                    title="Horizontal axis: virtual seconds or events"
                    on:click=move |_| session.event_axis.update(|events| *events = !*events)
                >
                    {move || if scale.get().events { "Axis: events" } else { "Axis: time" }}
                </button>
                <span class="legend" aria-hidden="true">
                    {[("seg-running", "running"), ("seg-ready", "ready"), ("seg-waiting", "waiting"), ("seg-done", "done"), ("seg-failed", "failed"), ("seg-cancelled", "cancelled"), ("seg-idle", "loop idle")]
                        .into_iter()
                        .map(|(class, word)| {
                            view! {
                                <span>
                                    <svg class="swatch" width="10" height="10">
                                        <rect class=class width="10" height="10" rx="2"></rect>
                                    </svg>
                                    {word}
                                </span>
                            }
                        })
                        .collect::<Vec<_>>()}
                </span>
            </div>
            <div class="timeline-body">
                <div class="timeline-labels" aria-hidden="true">
                    {move || {
                        lanes
                            .with(|lanes| {
                                lanes
                                    .iter()
                                    .map(|lane| view! { <div class="lane-name" title=lane.label.clone()>{lane.label.clone()}</div> })
                                    .collect::<Vec<_>>()
                            })
                    }}
                </div>
                <div class="timeline-scroll" node_ref=scroller>
                    <svg
                        width=move || decimal(scale.get().width)
                        height=height
                        role="img"
                        aria-label="Lanes of the loop and each task over the run; click to go to that moment"
                        on:click=seek_to_x
                    >
                        <g>{axis}</g>
                        <g>{lane_rows}</g>
                        <line class="playhead" x1=move || decimal(playhead_x()) x2=move || decimal(playhead_x()) y1=0 y2=height></line>
                    </svg>
                </div>
            </div>
        </section>
    }
}

/// One lane's background and segments.
fn lane_view(lane: &Lane, row: usize, scale: Scale) -> impl IntoView {
    let y = AXIS_HEIGHT + LANE_GAP + row as f64 * (LANE_HEIGHT + LANE_GAP);
    let segments = lane
        .segments
        .iter()
        .filter_map(|segment| {
            let (start, end) = if scale.events {
                (segment.start_event as f64, segment.end_event as f64)
            } else {
                (segment.start_time, segment.end_time)
            };
            let x = scale.x(start);
            let width = scale.x(end) - x;
            if width < MIN_SEGMENT_WIDTH {
                return None;
            }
            let mut tip = format!(
                "{} · {} · {}–{} (events {}–{})",
                lane.label,
                state_word(segment.state),
                format_seconds(segment.start_time),
                format_seconds(segment.end_time),
                segment.start_event + 1,
                segment.end_event + 1
            );
            if !segment.detail.is_empty() {
                tip.push_str(&format!(": {}", segment.detail));
            }
            Some(view! {
                <rect class=segment_class(segment.state) x=decimal(x) y=decimal(y) width=decimal(width) height=decimal(LANE_HEIGHT) rx="3">
                    <title>{tip}</title>
                </rect>
            })
        })
        .collect::<Vec<_>>();
    view! {
        <g>
            <rect class="lane-bg" x="0" y=decimal(y) width=decimal(scale.width) height=decimal(LANE_HEIGHT) rx="3"></rect>
            {segments}
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_steps_are_round_numbers() {
        assert_eq!(tick_step(3.0, 6.0), 0.5);
        assert_eq!(tick_step(95.0, 8.0), 20.0);
        assert_eq!(tick_step(1.0, 10.0), 0.1);
    }
}
