//! The embedded page's side of the message protocol with the page that frames it
//! (docs/embedding.md): it tells its parent when it is ready, how tall it is (so the
//! snippet's script can size the iframe) and which event it shows; it obeys `seek`, `play`
//! and `pause`. Messages are plain objects whose `type` starts with `loopscope:`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::session::Session;

/// A `{type, ...fields}` object.
fn message(kind: &str, fields: &[(&str, f64)]) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"type".into(), &format!("loopscope:{kind}").into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), &JsValue::from_f64(*value));
    }
    object.into()
}

/// The framing page, if this page is in a frame.
fn parent() -> Option<web_sys::Window> {
    let parent = window().parent().ok().flatten()?;
    (parent != window()).then_some(parent)
}

fn post(kind: &str, fields: &[(&str, f64)]) {
    if let Some(parent) = parent() {
        // Nothing secret travels (the program is in the frame's URL), so any framing origin
        // may listen.
        let _ = parent.post_message(&message(kind, fields), "*");
    }
}

/// Starts talking to the framing page (does nothing outside a frame).
pub fn connect(session: Session) {
    if parent().is_none() {
        return;
    }
    report_height();
    // `ready` once the first run is shown, then `event` at every step.
    Effect::new(move |ready: Option<bool>| {
        let events = session
            .run
            .with(|run| run.as_ref().map(|run| run.event_count()));
        let event = session.event.get();
        let time = session.view.with(|view| view.now);
        let Some(events) = events else {
            return ready.unwrap_or(false);
        };
        if ready != Some(true) {
            post("ready", &[("events", events as f64)]);
        }
        post(
            "event",
            &[
                ("event", event as f64),
                ("events", events as f64),
                ("time", time),
            ],
        );
        true
    });
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = parent().is_some_and(|parent| {
                event
                    .source()
                    .is_some_and(|source| JsValue::from(source) == JsValue::from(parent))
            });
            if !from_parent {
                return;
            }
            let data = event.data();
            let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
            match field("type").and_then(|kind| kind.as_string()).as_deref() {
                Some("loopscope:seek") => {
                    if let Some(target) = field("event").and_then(|value| value.as_f64()) {
                        session.playing.set(false);
                        session.seek(target.max(0.0) as usize);
                    }
                }
                Some("loopscope:play") => session.playing.set(true),
                Some("loopscope:pause") => session.playing.set(false),
                _ => {}
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Sends `resize` with the app's height now and whenever it changes (the app's own box,
/// not the document's, which is at least as tall as the frame and could never shrink).
fn report_height() {
    // After the first render, when the app's root exists.
    request_animation_frame(|| {
        let Some(app) = document().query_selector(".app").ok().flatten() else {
            return;
        };
        let last = std::rc::Rc::new(std::cell::Cell::new(0.0f64));
        let measure = {
            let app = app.clone();
            move || {
                let height = app.get_bounding_client_rect().height().ceil();
                if (height - last.get()).abs() >= 1.0 {
                    last.set(height);
                    post("resize", &[("height", height)]);
                }
            }
        };
        measure();
        let callback = Closure::<dyn Fn()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&app);
        }
        callback.forget();
    });
}
