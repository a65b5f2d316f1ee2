//! Binding call arguments to a Python function's parameters, with CPython's
//! error messages for every mismatch.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::dict::Dict;
use crate::object::exceptions::type_error;
use crate::object::frame::{CellRef, Frame};
use crate::object::value::tracked;
use crate::object::value::{Args, Function, PyResult, Value};
use crate::vm::Vm;

/// Fill `frame` ([`Vm::new_frame`] of `func`'s code) for calling `func` with
/// `args` (not yet pushed).
pub fn bind_arguments(
    func: &Rc<Function>,
    args: Args,
    mut frame: Box<Frame>,
) -> PyResult<Box<Frame>> {
    let code = &func.code;
    let nargs = code.argcount as usize;
    let nkwonly = code.kwonlyargcount as usize;
    let name = &*func.qualname();
    let defaults = func.defaults.borrow();
    let Args { pos, kw } = args;
    let npos = pos.len();

    // Positional parameters.
    let mut extra = Vec::new();
    for (i, v) in pos.into_iter().enumerate() {
        if i < nargs {
            frame.locals[i] = Some(v);
        } else {
            extra.push(v);
        }
    }
    let mut slot = nargs + nkwonly;
    if code.has_varargs {
        frame.locals[slot] = Some(Value::tuple(extra));
        slot += 1;
    } else if !extra.is_empty() {
        let given = npos;
        let ndefaults = defaults.len();
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                nargs as i64 - ndefaults as i64,
                nargs
            )
        } else {
            format!(
                "{} positional argument{}",
                nargs,
                if nargs == 1 { "" } else { "s" }
            )
        };
        let kw_given = kw
            .iter()
            .filter(|(k, _)| {
                code.varnames[..nargs + nkwonly]
                    .iter()
                    .any(|v| **v == *k.as_str())
            })
            .count();
        let were = if given == 1 && kw_given == 0 {
            "was"
        } else {
            "were"
        };
        let given_text = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{})",
                given,
                if given == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{given}")
        };
        return Err(type_error(format!(
            "{name}() takes {takes} but {given_text} {were} given"
        )));
    }

    // Keyword arguments.
    let mut kwargs = if code.has_varkw {
        Some(Dict::new())
    } else {
        None
    };
    for (k, v) in kw {
        let found = code.varnames[code.posonlyargcount as usize..nargs + nkwonly]
            .iter()
            .position(|p| **p == **k)
            .map(|i| i + code.posonlyargcount as usize);
        match found {
            Some(i) => {
                if frame.locals[i].is_some() {
                    return Err(type_error(format!(
                        "{name}() got multiple values for argument '{k}'"
                    )));
                }
                frame.locals[i] = Some(v);
            }
            None => match &mut kwargs {
                Some(d) => {
                    d.insert_str(&k, v);
                }
                None => {
                    return Err(type_error(format!(
                        "{name}() got an unexpected keyword argument '{k}'"
                    )))
                }
            },
        }
    }
    if let Some(d) = kwargs {
        frame.locals[slot] = Some(Value::dict(d));
    }

    // Defaults and missing arguments.
    // Defaults fill the last parameters (`__defaults__` may be longer).
    let ndefaults = defaults.len();
    let mut missing = Vec::new();
    for i in 0..nargs {
        if frame.locals[i].is_none() {
            if i + ndefaults >= nargs {
                frame.locals[i] = Some(defaults[i + ndefaults - nargs].clone());
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{name}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for i in nargs..nargs + nkwonly {
        if frame.locals[i].is_none() {
            let pname = &code.varnames[i];
            match func
                .kwdefaults
                .borrow()
                .iter()
                .find(|(k, _)| k.as_str() == &**pname)
            {
                Some((_, v)) => frame.locals[i] = Some(v.clone()),
                None => missing_kw.push(pname.clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(type_error(format!(
            "{name}() missing {} required keyword-only argument{}: {}",
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            join_names(&missing_kw)
        )));
    }

    // Cells: captured parameters move into their cell; then free variables.
    for param in &code.cell_params {
        let initial = param.and_then(|p| frame.locals[p as usize].clone());
        frame.cells.push(CellRef(tracked(RefCell::new(initial))));
    }
    frame.cells.extend(func.closure.iter().cloned());
    Ok(frame)
}

/// How many ended frames a VM keeps for reuse.
const SPARE_FRAMES: usize = 16;
/// A frame whose value stack or locals grew past this is not kept.
const SPARE_CAPACITY: usize = 64;

impl Vm {
    /// A fresh frame for `func`'s call: an ended one reused, or a new one.
    pub(crate) fn new_frame(&mut self, func: &Function) -> Box<Frame> {
        let (code, globals) = (func.code.clone(), func.globals.clone());
        match self.spare_frames.pop() {
            Some(mut frame) => {
                frame.refill(code, globals);
                frame
            }
            None => Box::new(Frame::new(code, globals)),
        }
    }

    /// A frame that ended (returned): its contents go now, its memory is
    /// kept for the next call.
    pub(crate) fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        if self.spare_frames.len() >= SPARE_FRAMES
            || frame.stack.capacity() > SPARE_CAPACITY
            || frame.locals.capacity() > SPARE_CAPACITY
        {
            return;
        }
        frame.empty_out(self.builtins.clone());
        self.spare_frames.push(frame);
    }
}

/// `'a', 'b' and 'c'` as in CPython's missing-argument messages.
fn join_names(names: &[Rc<str>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
