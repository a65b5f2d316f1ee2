//! Ready-made scenarios, each built from its parameters: the composer starts from one,
//! and a structural parameter (how many stages, which variant) rebuilds it.

mod basics;
mod limits;
mod queues;

use serde::{Deserialize, Serialize};

use crate::model::{Composition, Coroutine, Param, Resource};

/// Which template a composition came from. Share links encode it by position: new
/// templates go at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TemplateId {
    Blank,
    Chain,
    FanOut,
    ProducerConsumer,
    Pipeline,
    Crawl,
    Retry,
    Lesson,
}

/// Every template, in menu order.
pub const TEMPLATES: &[TemplateId] = &[
    TemplateId::Chain,
    TemplateId::FanOut,
    TemplateId::ProducerConsumer,
    TemplateId::Pipeline,
    TemplateId::Crawl,
    TemplateId::Retry,
    TemplateId::Lesson,
    TemplateId::Blank,
];

impl TemplateId {
    /// A stable short name (file names, test names, the page's menu values).
    pub fn key(self) -> &'static str {
        match self {
            TemplateId::Blank => "blank",
            TemplateId::Chain => "chain",
            TemplateId::FanOut => "fan_out",
            TemplateId::ProducerConsumer => "producer_consumer",
            TemplateId::Pipeline => "pipeline",
            TemplateId::Crawl => "crawl",
            TemplateId::Retry => "retry",
            TemplateId::Lesson => "lesson",
        }
    }

    /// The template whose [`TemplateId::key`] is `key`.
    pub fn from_key(key: &str) -> Option<TemplateId> {
        TEMPLATES.iter().copied().find(|t| t.key() == key)
    }

    /// The composition with the template's default parameters.
    pub fn build(self) -> Composition {
        self.rebuild(&[])
    }

    /// The composition for these parameter values (matched by name; missing ones take
    /// their defaults, out-of-range ones are clamped).
    pub fn rebuild(self, values: &[Param]) -> Composition {
        let values = Values(values);
        let mut composition = match self {
            TemplateId::Blank => basics::blank(),
            TemplateId::Chain => basics::chain(&values),
            TemplateId::FanOut => basics::fan_out(&values),
            TemplateId::Lesson => basics::lesson(&values),
            TemplateId::ProducerConsumer => queues::producer_consumer(&values),
            TemplateId::Pipeline => queues::pipeline(&values),
            TemplateId::Crawl => limits::crawl(&values),
            TemplateId::Retry => limits::retry(&values),
        };
        composition.template = Some(self);
        composition
    }
}

/// Parameter values a template is rebuilt with.
pub(crate) struct Values<'a>(&'a [Param]);

impl Values<'_> {
    /// The parameter `name` with the given value (clamped), or its default.
    fn param(&self, mut param: Param) -> Param {
        if let Some(given) = self.0.iter().find(|p| p.name == param.name) {
            param.value = param.clamped(given.value);
        }
        param
    }

    /// A number: `name = value`, a slider from `min` to `max` by `step`.
    pub fn number(
        &self,
        name: &str,
        label: &str,
        default: f64,
        range: (f64, f64),
        step: f64,
    ) -> Param {
        self.param(Param {
            name: name.to_string(),
            label: label.to_string(),
            value: default,
            min: range.0,
            max: range.1,
            step,
            choices: Vec::new(),
            structural: false,
        })
    }

    /// A structural count (rebuilds the composition when it changes).
    pub fn count(&self, name: &str, label: &str, default: u32, range: (u32, u32)) -> Param {
        let mut param = self.number(
            name,
            label,
            default as f64,
            (range.0 as f64, range.1 as f64),
            1.0,
        );
        param.structural = true;
        self.param(param)
    }

    /// A structural choice among `choices` (the value is the index).
    pub fn choice(&self, name: &str, label: &str, choices: &[&str]) -> Param {
        let mut param = self.count(name, label, 0, (0, choices.len().saturating_sub(1) as u32));
        param.choices = choices.iter().map(|c| c.to_string()).collect();
        param
    }
}

/// A composition from its parts (the template id is set by [`TemplateId::rebuild`]).
pub(crate) fn composition(
    title: &str,
    description: &str,
    params: Vec<Param>,
    resources: Vec<Resource>,
    coroutines: Vec<Coroutine>,
) -> Composition {
    Composition {
        title: title.to_string(),
        description: description.to_string(),
        template: None,
        params,
        resources,
        coroutines,
    }
}
