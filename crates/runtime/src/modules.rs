//! `import`: the modules a program can import, built on first import and
//! cached in `vm.modules`. asyncio comes from the asyncio package; the
//! small standard-library modules Loopscope provides live in `modules/`.

mod functools;
mod itertools;
mod math;
mod operator;
mod random;
mod sys;
mod time;
mod traceback;
mod typing;

use std::rc::Rc;

use crate::exceptions::exc;
use crate::trace::Stream;
use crate::types::TypeId;
use crate::value::{Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub use functools::partial_parts;
pub use itertools::chain_from_iterable;
pub use sys::output_stream;

/// `import name`.
pub fn import(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if name == "builtins" {
        return Ok(Value::Module(vm.builtins.clone()));
    }
    const KNOWN: &[&str] = &[
        "asyncio",
        "random",
        "time",
        "itertools",
        "sys",
        "math",
        "typing",
        "traceback",
        "functools",
        "operator",
        "__future__",
    ];
    let Some(key) = KNOWN.iter().copied().find(|k| *k == name) else {
        return Err(exc(
            TypeId::ModuleNotFoundError,
            format!("No module named '{name}'"),
        ));
    };
    if let Some(m) = vm.modules.get(key) {
        return Ok(m.clone());
    }
    let module = match key {
        "asyncio" => crate::asyncio::make_module(vm),
        "random" => random::make(),
        "time" => time::make(),
        "itertools" => itertools::make(),
        "sys" => sys::make(),
        "math" => math::make(),
        "typing" => typing::make(),
        "traceback" => traceback::make(),
        "functools" => functools::make(),
        "operator" => operator::make(),
        _ => typing::make_future(),
    };
    let v = Value::Module(module);
    vm.modules.insert(key, v.clone());
    Ok(v)
}

/// A module of built-in functions (`filename` empty: "(built-in)").
pub fn native_module(
    name: &str,
    filename: &str,
    functions: &[(&'static str, NativeFn)],
) -> Rc<Module> {
    let m = Rc::new(Module {
        name: Rc::from(name),
        attrs: Default::default(),
        filename: Rc::from(filename),
    });
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("__name__", Value::str(name));
        for (fname, f) in functions {
            attrs.insert_str(fname, crate::builtins::function(fname, *f));
        }
    }
    m
}

/// `repr` of the callable objects of `functools` and `operator`, which are
/// built-in functions carrying their state in the receiver.
pub fn callable_object_repr(b: &crate::value::Builtin) -> Option<String> {
    if let Some((func, args, keywords)) = partial_parts(b) {
        let mut parts = vec![crate::repr::repr_value(&func)];
        parts.extend(args.iter().map(crate::repr::repr_value));
        for (k, v) in keywords.items() {
            let key = crate::repr::str_value(&k).unwrap_or_default();
            parts.push(format!("{key}={}", crate::repr::repr_value(&v)));
        }
        return Some(format!("functools.partial({})", parts.join(", ")));
    }
    let Value::Tuple(keys) = &b.receiver else {
        return None;
    };
    if b.name != operator::ITEMGETTER && b.name != operator::ATTRGETTER {
        return None;
    }
    let shown: Vec<String> = keys.iter().map(crate::repr::repr_value).collect();
    Some(format!("operator.{}({})", b.name, shown.join(", ")))
}

/// `repr(module)`.
pub fn module_repr(m: &Module) -> String {
    if let Some(stream) = sys::stream_of_module(m) {
        let name = match stream {
            Stream::Stdout => "<stdout>",
            Stream::Stderr => "<stderr>",
        };
        return format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>");
    }
    if m.filename.is_empty() {
        format!("<module '{}' (built-in)>", m.name)
    } else {
        format!("<module '{}' from '{}'>", m.name, m.filename)
    }
}
