//! The timeline: a canvas with one lane for the loop, one for the ready queue's length and
//! one per task, coloured by state over virtual time (or, with the toggle, over events); the
//! futures' ends as diamonds on their owners' lanes; wake-up arrows from what made a task
//! ready to its lane, and from ready to running. The view-model lays it out for what is
//! visible ([`loopscope_viewmodel::chart`]), so a million events cost what a hundred do.
//!
//! Zoom with the buttons or Ctrl+wheel, pan by dragging or Shift+wheel, scroll the task lanes
//! with the wheel. Hover anything for what it is; click to go there; click a lane's name to
//! select it (its arrows then show even in a crowded view). From the keyboard (the chart is
//! focusable): arrows move a cursor between the moments of a lane and between lanes, S selects
//! the lane, Enter goes there, + and - zoom, 0 fits the whole run; a screen reader hears the
//! cursor's place and the run's summary.

mod export;
mod legend;
mod paint;
mod viewport;

use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use loopscope_viewmodel::chart::{content_height, Axis, Chart, ChartView, Hit, Move, Tooltip};
use loopscope_viewmodel::LaneOwner;

use crate::number_text::decimal;
use crate::session::Session;
use legend::Legend;
use paint::{paint, Palette};
use viewport::Window;

/// The chart is as tall as its lanes, between these (then the task lanes scroll).
const MIN_HEIGHT: f64 = 110.0;
const MAX_HEIGHT: f64 = 250.0;
/// Zoom factor of one button press.
const ZOOM_STEP: f64 = 2.0;

/// The timeline panel.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let session = Session::get();
    let scroller: NodeRef<Div> = NodeRef::new();
    let base: NodeRef<Canvas> = NodeRef::new();
    let overlay: NodeRef<Canvas> = NodeRef::new();
    let width = RwSignal::new(900.0f64);
    let scroll = RwSignal::new(0.0f64);
    // The visible stretch of the axis; `None` is the whole run.
    let window_on = RwSignal::new(None::<Window>);
    let selected = RwSignal::new(None::<LaneOwner>);
    // The keyboard cursor: a lane and an event.
    let cursor = RwSignal::new(None::<(usize, usize)>);
    let focused = RwSignal::new(false);
    let tooltip = RwSignal::new(None::<(Tooltip, f64, f64)>);
    let announcement = RwSignal::new(String::new());
    let left_out = RwSignal::new(0usize);
    let palette = RwSignal::new(Arc::new(Palette::from_page()));
    // Where a drag started (pointer x, window then) and whether it moved.
    let drag = StoredValue::new(None::<(f64, Window, bool)>);

    crate::theme::on_theme_change(move || {
        palette.try_set(Arc::new(Palette::from_page()));
    });
    let measure = move || {
        if let Some(element) = scroller.get_untracked() {
            let measured = f64::from(element.client_width());
            if measured > 0.0 && measured != width.get_untracked() {
                width.set(measured);
            }
        }
    };
    let _resize = window_event_listener(leptos::ev::resize, move |_| measure());

    let axis = Memo::new(move |_| {
        let timeless = session.run.with(|run| {
            run.as_ref()
                .is_none_or(|run| run.timeline.event_time(run.event_count()) <= 0.0)
        });
        if session.event_axis.get() || timeless {
            Axis::Events
        } else {
            Axis::Time
        }
    });
    // A new run starts at the whole run, nothing selected, scrolled to the top.
    Effect::new(move |_| {
        session.run.track();
        window_on.set(None);
        cursor.set(None);
        selected.set(None);
        scroll.set(0.0);
        if let Some(element) = scroller.get_untracked() {
            element.set_scroll_top(0);
        }
        request_animation_frame(measure);
    });
    // Switching the axis keeps the same stretch of the run in view.
    Effect::new(move |previous: Option<Axis>| {
        let now = axis.get();
        if let Some(before) = previous.filter(|before| *before != now) {
            let converted = window_on.get_untracked().and_then(|window| {
                session.run.with_untracked(|run| {
                    run.as_ref()
                        .map(|run| viewport::converted(window, before, now, &run.timeline))
                })
            });
            window_on.set(converted);
        }
        now
    });

    let content = Memo::new(move |_| {
        let internals = session.internals.get();
        session.run.with(|run| {
            run.as_ref().map_or(MIN_HEIGHT, |run| {
                let lanes = run.timeline.lanes();
                let tasks = lanes[1.min(lanes.len())..]
                    .iter()
                    .filter(|lane| internals || !lane.internal)
                    .count();
                content_height(tasks)
            })
        })
    });
    let height = Memo::new(move |_| content.get().clamp(MIN_HEIGHT, MAX_HEIGHT));

    // What the chart shows (tracked: painting reruns when any of it changes).
    let chart_view = move || -> Option<ChartView> {
        let axis = axis.get();
        session.run.with(|run| {
            let run = run.as_ref()?;
            let whole = viewport::full(&run.timeline, axis);
            let shown = window_on.get().unwrap_or(whole);
            Some(ChartView {
                axis,
                start: shown.start,
                end: shown.end,
                width: width.get(),
                height: height.get(),
                scroll: scroll.get(),
                internals: session.internals.get(),
                selected: selected.get(),
                annotate: false,
            })
        })
    };
    let with_chart = move |view: ChartView, f: &mut dyn FnMut(&Chart)| {
        session.run.with_untracked(|run| {
            if let Some(run) = run.as_ref() {
                f(&Chart::new(&run.timeline, view));
            }
        });
    };

    // Each canvas repaints at most once a frame, however many changes (wheel steps, slider
    // moves) arrive in between: an effect notes that something changed, a frame paints.
    let paint_base = move || {
        let (Some(view), Some(canvas)) = (chart_view(), base.get()) else {
            return;
        };
        let palette = palette.get();
        with_chart(view, &mut |chart| {
            let scene = chart.base_scene();
            paint(&canvas, &[&scene], &palette);
            left_out.set(scene.arrows_left_out);
        });
    };
    let paint_overlay = move || {
        let (Some(view), Some(canvas)) = (chart_view(), overlay.get()) else {
            return;
        };
        let event = session.event.get();
        let shown_cursor = cursor.get().filter(|_| focused.get());
        let palette = palette.get();
        with_chart(view, &mut |chart| {
            let scene = chart.overlay_scene(event, shown_cursor);
            paint(&canvas, &[&scene], &palette);
        });
    };
    repaint_each_frame(
        move || {
            chart_view();
            base.track();
            palette.track();
        },
        paint_base,
    );
    repaint_each_frame(
        move || {
            chart_view();
            overlay.track();
            palette.track();
            session.event.track();
            cursor.track();
            focused.track();
        },
        paint_overlay,
    );
    // Keep the playhead in view when zoomed in.
    Effect::new(move |_| {
        let event = session.event.get();
        let Some(shown) = window_on.get_untracked() else {
            return;
        };
        let Some(view) = chart_view_untracked(chart_view) else {
            return;
        };
        with_chart(view, &mut |chart| {
            if let Some(moved) = shown.following(chart.value_of_event(event)) {
                let whole = viewport::full(chart.timeline, view.axis);
                window_on.set(Some(moved.clamped(whole, view.axis)));
            }
        });
    });

    let set_window = move |change: &dyn Fn(Window, &Chart) -> Window| {
        let Some(view) = chart_view_untracked(chart_view) else {
            return;
        };
        with_chart(view, &mut |chart| {
            let whole = viewport::full(chart.timeline, view.axis);
            let current = Window {
                start: view.start,
                end: view.end,
            };
            let next = change(current, chart).clamped(whole, view.axis);
            window_on.set((next != whole).then_some(next));
        });
    };
    let zoom_by = move |factor: f64| {
        set_window(&|window, chart| {
            let anchor = chart.value_of_event(session.event.get_untracked());
            let anchor = if anchor < window.start || anchor > window.end {
                (window.start + window.end) / 2.0
            } else {
                anchor
            };
            window.zoomed(factor, anchor)
        });
    };
    let zoom_label = move || {
        let view = chart_view()?;
        let (start, end) = session.run.with(|run| {
            run.as_ref()
                .map(|run| Chart::full_range(&run.timeline, view.axis))
        })?;
        let factor = (end - start) / (view.end - view.start).max(f64::MIN_POSITIVE);
        Some(format!("{}×", decimal(factor.max(1.0))))
    };

    let hit_at = move |x: f64, y: f64| -> Option<(Hit, Option<Tooltip>)> {
        let view = chart_view_untracked(chart_view)?;
        let mut found = None;
        with_chart(view, &mut |chart| {
            let hit = chart.hit(x, y);
            found = Some((hit, chart.tooltip(hit)));
        });
        found
    };
    let on_move = move |event: leptos::ev::MouseEvent| {
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        if let Some((start_x, start_window, _)) = drag.get_value() {
            if (x - start_x).abs() > 3.0 {
                drag.set_value(Some((start_x, start_window, true)));
                tooltip.set(None);
                set_window(&|_, chart| {
                    let per_pixel = start_window.span() / chart.scale.width;
                    start_window.panned((start_x - x) * per_pixel)
                });
                return;
            }
        }
        tooltip.set(hit_at(x, y).and_then(|(_, tip)| tip).map(|tip| (tip, x, y)));
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let dragged = drag.get_value().is_some_and(|(_, _, moved)| moved);
        drag.set_value(None);
        if dragged {
            return;
        }
        let (x, y) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        let Some((hit, _)) = hit_at(x, y) else {
            return;
        };
        let target = match hit {
            Hit::Nothing => None,
            Hit::Label { lane } => {
                let owner = session
                    .run
                    .with_untracked(|run| run.as_ref().map(|run| run.timeline.lanes()[lane].owner));
                selected.update(|selected| {
                    *selected = if *selected == owner { None } else { owner };
                });
                None
            }
            Hit::Mark { lane, mark } => session.run.with_untracked(|run| {
                run.as_ref()
                    .map(|run| run.timeline.lanes()[lane].marks[mark].event)
            }),
            Hit::Axis { event }
            | Hit::Depth { event }
            | Hit::Lane { event, .. }
            | Hit::Pitfall { event, .. } => Some(event),
        };
        if let Some(target) = target {
            session.playing.set(false);
            session.seek(target);
        }
    };
    let on_wheel = move |event: leptos::ev::WheelEvent| {
        let (dx, dy) = (event.delta_x(), event.delta_y());
        if event.ctrl_key() || event.meta_key() {
            event.prevent_default();
            let x = f64::from(event.offset_x());
            set_window(&|window, chart| window.zoomed((-dy * 0.002).exp(), chart.scale.value(x)));
        } else if event.shift_key() || dx.abs() > dy.abs() {
            event.prevent_default();
            let pixels = if dx.abs() > dy.abs() { dx } else { dy };
            set_window(&|window, chart| window.panned(pixels * window.span() / chart.scale.width));
        }
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let step = match event.key().as_str() {
            "ArrowRight" => Some(Move::Next),
            "ArrowLeft" => Some(Move::Previous),
            "ArrowUp" => Some(Move::LaneUp),
            "ArrowDown" => Some(Move::LaneDown),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        };
        let here = cursor
            .get_untracked()
            .unwrap_or((0, session.event.get_untracked()));
        match (step, event.key().as_str()) {
            (Some(step), _) => {
                let Some(view) = chart_view_untracked(chart_view) else {
                    return;
                };
                with_chart(view, &mut |chart| {
                    let (lane, k) = chart.move_cursor(here.0, here.1, step);
                    cursor.set(Some((lane, k)));
                    announcement.set(chart.describe_cursor(lane, k));
                    tooltip.set(chart.cursor_tooltip(lane, k));
                    if let Some(top) = chart.scroll_to_show(lane) {
                        if let Some(element) = scroller.get_untracked() {
                            element.set_scroll_top(top.round() as i32);
                        }
                    }
                    if let Some(moved) = (Window {
                        start: view.start,
                        end: view.end,
                    })
                    .following(chart.value_of_event(k))
                    .filter(|_| window_on.get_untracked().is_some())
                    {
                        let whole = viewport::full(chart.timeline, view.axis);
                        window_on.set(Some(moved.clamped(whole, view.axis)));
                    }
                });
            }
            (None, "Enter") => {
                session.playing.set(false);
                session.seek(here.1);
                announcement.set(format!("Went to event {}.", here.1 + 1));
            }
            (None, "s") => {
                let owner = session.run.with_untracked(|run| {
                    run.as_ref().map(|run| run.timeline.lanes()[here.0].owner)
                });
                let now_selected = selected.get_untracked() != owner;
                selected.set(if now_selected { owner } else { None });
                announcement.set(if now_selected {
                    "Lane selected: its wake-ups are drawn even in a crowded view.".to_string()
                } else {
                    "Lane no longer selected.".to_string()
                });
            }
            (None, "+" | "=") => zoom_by(ZOOM_STEP),
            (None, "-") => zoom_by(1.0 / ZOOM_STEP),
            (None, "0") => window_on.set(None),
            _ => return,
        }
        // The page's own shortcuts (arrows step the program) must not also act.
        event.prevent_default();
        event.stop_propagation();
    };
    let on_focus = move |_| {
        focused.set(true);
        if cursor.get_untracked().is_none() {
            cursor.set(Some((0, session.event.get_untracked())));
        }
        if let Some(view) = chart_view_untracked(chart_view) {
            let (lane, k) = cursor.get_untracked().unwrap_or_default();
            with_chart(view, &mut |chart| {
                announcement.set(chart.describe_cursor(lane, k))
            });
        }
    };

    let export = move |svg: bool| {
        let Some(view) = chart_view_untracked(chart_view) else {
            return;
        };
        let event = session.event.get_untracked();
        let program = session.filename.get_untracked();
        session.run.with_untracked(|run| {
            if let Some(run) = run.as_ref() {
                if svg {
                    export::export_svg(&run.timeline, view, event, &program);
                } else {
                    export::export_png(&run.timeline, view, event, &program);
                }
            }
        });
    };
    let summary = move || {
        let internals = session.internals.get();
        session.run.with(|run| {
            run.as_ref()
                .map(|run| run.timeline.summary(internals))
                .unwrap_or_default()
        })
    };
    let note = move || match left_out.get() {
        0 => String::new(),
        n => format!(
            "{n} wake-ups in view are not drawn: click a lane's name to see its own, or zoom in."
        ),
    };

    view! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-toolbar">
                <strong>"Timeline"</strong>
                <button type="button" title="Zoom out (-)" aria-label="Zoom out" on:click=move |_| zoom_by(1.0 / ZOOM_STEP)>
                    "−"
                </button>
                <button type="button" title="Zoom in (+)" aria-label="Zoom in" on:click=move |_| zoom_by(ZOOM_STEP)>
                    "+"
                </button>
                <button type="button" title="Fit the whole run (0)" on:click=move |_| window_on.set(None)>
                    "Fit"
                </button>
                <span class="zoom-factor">{zoom_label}</span>
                <button
                    type="button"
                    aria-pressed=move || session.event_axis.get().to_string()
                    title="Horizontal axis: virtual seconds or events"
                    on:click=move |_| session.event_axis.update(|events| *events = !*events)
                >
                    {move || if axis.get() == Axis::Events { "Axis: events" } else { "Axis: time" }}
                </button>
                <span class="spacer"></span>
                <button type="button" title="Download the timeline (every lane) as an SVG image" on:click=move |_| export(true)>
                    "SVG"
                </button>
                <button type="button" title="Download the timeline as shown as a PNG image" on:click=move |_| export(false)>
                    "PNG"
                </button>
            </div>
            <Legend palette=palette/>
            <div
                class="timeline-scroll"
                node_ref=scroller
                style:height=move || format!("{}px", decimal(height.get()))
                on:scroll=move |_| {
                    if let Some(element) = scroller.get_untracked() {
                        scroll.set(f64::from(element.scroll_top()));
                    }
                }
            >
                <div class="timeline-stage" style:height=move || format!("{}px", decimal(height.get()))>
                    <canvas
                        class="timeline-base"
                        node_ref=base
                        aria-hidden="true"
                        style:width=move || format!("{}px", decimal(width.get()))
                        style:height=move || format!("{}px", decimal(height.get()))
                    ></canvas>
                    <canvas
                        class="timeline-overlay"
                        node_ref=overlay
                        tabindex="0"
                        role="application"
                        aria-roledescription="timeline"
                        aria-label="Timeline chart. Left and right arrows move between the moments of a lane, up and down between lanes, Enter goes to the moment, S selects the lane, plus and minus zoom, 0 fits the whole run."
                        aria-describedby="timeline-summary"
                        style:width=move || format!("{}px", decimal(width.get()))
                        style:height=move || format!("{}px", decimal(height.get()))
                        on:mousemove=on_move
                        on:mousedown=move |event: leptos::ev::MouseEvent| {
                            if event.button() == 0 {
                                let window = chart_view_untracked(chart_view)
                                    .map(|view| Window { start: view.start, end: view.end });
                                drag.set_value(window.map(|window| (f64::from(event.offset_x()), window, false)));
                            }
                        }
                        on:mouseleave=move |_| {
                            tooltip.set(None);
                            drag.set_value(None);
                        }
                        on:click=on_click
                        on:wheel=on_wheel
                        on:keydown=on_key
                        on:focus=on_focus
                        on:blur=move |_| {
                            focused.set(false);
                            tooltip.set(None);
                        }
                    ></canvas>
                    {move || {
                        tooltip
                            .get()
                            .map(|(tip, x, y)| {
                                let flip = x > width.get_untracked() - 320.0;
                                view! {
                                    <div
                                        class="timeline-tooltip"
                                        class:flip=flip
                                        style:left=format!("{}px", decimal(if flip { x - 12.0 } else { x + 14.0 }))
                                        style:top=format!("{}px", decimal(y + 12.0))
                                    >
                                        <strong>{tip.title}</strong>
                                        {tip.lines.into_iter().map(|line| view! { <span>{line}</span> }).collect::<Vec<_>>()}
                                    </div>
                                }
                            })
                    }}
                </div>
                <div
                    class="timeline-spacer"
                    style:height=move || format!("{}px", decimal((content.get() - height.get()).max(0.0)))
                ></div>
            </div>
            <p class="timeline-note" role="status">{note}</p>
            <p id="timeline-summary" class="visually-hidden">{summary}</p>
            <p class="visually-hidden timeline-announcement" aria-live="polite">{move || announcement.get()}</p>
        </section>
    }
}

/// Calls `paint` (untracked) in the next animation frame whenever something `watch` reads
/// changes, once per frame at most.
fn repaint_each_frame(watch: impl Fn() + 'static, paint: impl Fn() + Copy + 'static) {
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        watch();
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                pending.set_value(false);
                untrack(paint);
            });
        }
    });
}

/// The chart's view, read without subscribing.
fn chart_view_untracked(chart_view: impl Fn() -> Option<ChartView>) -> Option<ChartView> {
    leptos::prelude::untrack(chart_view)
}
