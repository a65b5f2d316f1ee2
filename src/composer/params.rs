//! The composition's parameters as sliders with number fields (or a choice of buttons):
//! every move re-runs the scenario. Rendered once per set of parameters, not per value,
//! so a slider being dragged is never replaced under the pointer. Embeds show them too.

use leptos::prelude::*;
use loopscope_composer::Param;

use super::Composer;
use loopscope_cpython::strtod::parse_float;

use crate::number_text::decimal;

/// A parameter without its value: what the sliders are built from.
fn shape(param: &Param) -> Param {
    Param {
        value: 0.0,
        ..param.clone()
    }
}

/// The parameters of the composition being composed (nothing when there is none).
#[component]
pub fn ParamSliders() -> impl IntoView {
    let composer = Composer::get();
    let shapes = Memo::new(move |_| {
        composer
            .composition
            .with(|c| {
                c.as_ref()
                    .map(|c| c.params.iter().map(shape).collect::<Vec<_>>())
            })
            .unwrap_or_default()
    });
    view! {
        <Show when=move || shapes.with(|s| !s.is_empty())>
            <fieldset class="params">
                <legend>"Parameters"</legend>
                {move || shapes.get().into_iter().map(slider).collect::<Vec<_>>()}
            </fieldset>
        </Show>
    }
}

fn slider(param: Param) -> AnyView {
    let composer = Composer::get();
    let name = param.name.clone();
    let value = {
        let name = name.clone();
        Memo::new(move |_| {
            composer.composition.with(|c| {
                c.as_ref()
                    .and_then(|c| c.param(&name))
                    .map_or(param.min, |p| p.value)
            })
        })
    };
    let id = format!("param-{name}");
    if !param.choices.is_empty() {
        let buttons = param
            .choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                let name = name.clone();
                view! {
                    <button
                        type="button"
                        role="radio"
                        aria-checked=move || (value.get() as usize == index).to_string()
                        on:click=move |_| composer.set_param(&name, index as f64)
                    >
                        {choice.clone()}
                    </button>
                }
            })
            .collect::<Vec<_>>();
        let label = param.label.clone();
        return view! {
            <div class="param choice" role="radiogroup" aria-label=label id=id>
                <span class="param-label">{param.label}</span>
                {buttons}
            </div>
        }
        .into_any();
    }
    let (slider_name, field_name) = (name.clone(), name.clone());
    let step = decimal(param.step);
    view! {
        <div class="param">
            <label for=id.clone() class="param-label">
                {param.label.clone()}
                <code>{name}</code>
            </label>
            <input
                id=id
                type="range"
                min=decimal(param.min)
                max=decimal(param.max)
                step=step.clone()
                prop:value=move || decimal(value.get())
                on:input=move |event| {
                    if let Some(v) = parse_float(&event_target_value(&event)) {
                        composer.set_param(&slider_name, v);
                    }
                }
            />
            <input
                type="number"
                class="param-number"
                aria-label=format!("{} (number)", param.label)
                min=decimal(param.min)
                max=decimal(param.max)
                step=step
                prop:value=move || decimal(value.get())
                on:change=move |event| {
                    if let Some(v) = parse_float(&event_target_value(&event)) {
                        composer.set_param(&field_name, v);
                    }
                }
            />
        </div>
    }
    .into_any()
}
