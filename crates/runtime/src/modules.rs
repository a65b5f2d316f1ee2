//! The standard-library modules Loopscope provides, one file each in
//! `modules/`, and their registration with the VM's module registry
//! (`program.rs` calls [`register`]; asyncio registers itself).

mod cmath;
pub mod contextvars;
pub mod file_descriptors;
pub(crate) mod functools;
mod gc;
mod hashlib;
mod inspect;
mod itertools;
mod logging;
mod loopscope;
mod math;
mod math_float;
mod operator;
mod posix;
mod random;
mod sre;
mod strftime;
mod struct_format;
mod sys;
mod time;
mod traceback;
mod tracemalloc;
mod warnings;
mod weakref;
mod zlib;
mod zlib_stream;

use std::rc::Rc;

use crate::object::native::NativeObject;
use crate::object::state::{ModuleBuilder, ModuleRegistry, ModuleSource};
use crate::object::types::TypeId;
use crate::object::value::{Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

pub use functools::partial_parts;
pub use random::DEFAULT_SEED;
pub use sys::{output_stream, replaced_stream, CommandLine};

/// Register the standard-library modules Loopscope provides.
pub fn register(registry: &mut ModuleRegistry) {
    let natives: &[(&'static str, ModuleBuilder)] = &[
        ("random", random::make),
        ("time", time::make),
        ("itertools", itertools::make),
        ("sys", sys::make),
        ("math", math::make),
        ("cmath", cmath::make),
        ("traceback", traceback::make),
        ("tracemalloc", tracemalloc::make),
        ("_functools", functools::make),
        ("gc", gc::make),
        ("contextvars", contextvars::make),
        ("operator", operator::make),
        ("posix", posix::make),
        ("os.path", os_path),
        ("logging", logging::make),
        ("inspect", inspect::make),
        ("_loopscope", loopscope::make),
        ("warnings", warnings::make),
        ("_sre", sre::make),
        ("_hashlib", hashlib::make),
        ("_weakref", weakref::make),
        ("struct", struct_format::make),
        ("zlib", zlib::make),
    ];
    for (name, make) in natives {
        registry.register(name, ModuleSource::Native(*make));
    }
    // Modules written in Python (`modules/python/PATH.py`), shown as coming
    // from CPython's library directory (`NAME` alone: PATH is the name).
    macro_rules! python {
        ($name:literal) => {
            python!($name => $name)
        };
        ($name:literal => $path:literal) => {
            (
                $name,
                library_file!("modules/python/", $path, ".py"),
                concat!(stdlib_path!(""), $path, ".py"),
            )
        };
    }
    let pythons = [
        python!("__future__"),
        python!("_arguments"),
        python!("_collections"),
        python!("_csv"),
        python!("_operator_extra"),
        python!("_pickle_load"),
        python!("_random_methods"),
        python!("_socket"),
        python!("abc"),
        python!("argparse"),
        python!("array"),
        python!("atexit"),
        python!("base64"),
        python!("binascii"),
        python!("bisect"),
        python!("calendar"),
        python!("collections" => "collections/__init__"),
        python!("collections.abc" => "collections/abc"),
        python!("concurrent" => "concurrent/__init__"),
        python!("concurrent.futures" => "concurrent/futures/__init__"),
        python!("concurrent.futures._base" => "concurrent/futures/_base"),
        python!("concurrent.futures.thread" => "concurrent/futures/thread"),
        python!("contextlib"),
        python!("copy"),
        python!("csv"),
        python!("dataclasses"),
        python!("datetime"),
        python!("decimal"),
        python!("difflib"),
        python!("errno"),
        python!("enum"),
        python!("fnmatch"),
        python!("fractions"),
        python!("functools"),
        python!("graphlib"),
        python!("gzip"),
        python!("hashlib"),
        python!("heapq"),
        python!("html" => "html/__init__"),
        python!("http" => "http/__init__"),
        python!("html.entities" => "html/entities"),
        python!("json" => "json/__init__"),
        python!("json.decoder" => "json/decoder"),
        python!("json.encoder" => "json/encoder"),
        python!("importlib" => "importlib/__init__"),
        python!("io"),
        python!("keyword"),
        python!("logging.config" => "logging/config"),
        python!("numbers"),
        python!("os"),
        python!("pathlib"),
        python!("pickle"),
        python!("pkgutil"),
        python!("platform"),
        python!("posixpath"),
        python!("pprint"),
        python!("queue"),
        python!("re" => "re/__init__"),
        python!("re._casefix" => "re/_casefix"),
        python!("re._compiler" => "re/_compiler"),
        python!("re._constants" => "re/_constants"),
        python!("re._parser" => "re/_parser"),
        python!("reprlib"),
        python!("sched"),
        python!("secrets"),
        python!("select"),
        python!("selectors"),
        python!("shlex"),
        python!("signal"),
        python!("socket"),
        python!("statistics"),
        python!("string"),
        python!("textwrap"),
        python!("threading"),
        python!("timeit"),
        python!("types"),
        python!("typing"),
        python!("unittest" => "unittest/__init__"),
        python!("unittest._log" => "unittest/_log"),
        python!("unittest.async_case" => "unittest/async_case"),
        python!("unittest.case" => "unittest/case"),
        python!("unittest.loader" => "unittest/loader"),
        python!("unittest.main" => "unittest/main"),
        python!("unittest.mock" => "unittest/mock"),
        python!("unittest.result" => "unittest/result"),
        python!("unittest.runner" => "unittest/runner"),
        python!("unittest.signals" => "unittest/signals"),
        python!("unittest.suite" => "unittest/suite"),
        python!("unittest.util" => "unittest/util"),
        python!("urllib" => "urllib/__init__"),
        python!("urllib.parse" => "urllib/parse"),
        python!("uuid"),
        python!("weakref"),
    ];
    for (name, source, filename) in pythons {
        registry.register(name, ModuleSource::Python { source, filename });
    }
}

/// `os.path` is `posixpath`, as on Linux.
fn os_path(vm: &mut Vm) -> PyResult<Rc<Module>> {
    match vm.import("posixpath")? {
        Value::Module(m) => Ok(m),
        other => Err(crate::object::exceptions::type_error(format!(
            "posixpath is a {}, not a module",
            crate::object::types::type_of(&other).name()
        ))),
    }
}

/// Give `m` its `__all__`, the list `from m import *` binds: CPython's list
/// for the module, less the names Loopscope lacks (docs/differences.md).
pub fn set_all(m: &Module, names: &[&str]) {
    let list = names.iter().map(|n| Value::str(n)).collect();
    m.attrs
        .borrow_mut()
        .insert_str("__all__", Value::list(list));
}

/// A module of built-in functions (`filename` empty: "(built-in)").
pub fn native_module(
    name: &str,
    filename: &str,
    functions: &[(&'static str, NativeFn)],
) -> Rc<Module> {
    let m = Module::new(name, filename);
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("__name__", Value::str(name));
        for (fname, f) in functions {
            attrs.insert_str(fname, crate::builtins::function(fname, *f));
        }
    }
    m
}

/// The callable objects of `functools` and `operator` (`partial`,
/// `itemgetter`, `attrgetter`): a state, called through their type's `call`
/// slot, shown as CPython shows them.
pub struct CallableObject {
    pub class: TypeId,
    pub state: Value,
}

/// A `functools.partial` takes weak references: their callbacks run when it dies.
impl Drop for CallableObject {
    fn drop(&mut self) {
        crate::object::weakrefs::referent_dropped(self as *const CallableObject as usize);
    }
}

impl CallableObject {
    pub fn value(class: TypeId, state: Value) -> Value {
        Value::Native(Rc::new(CallableObject { class, state }))
    }
}

impl NativeObject for CallableObject {
    fn class_id(&self) -> TypeId {
        self.class
    }

    fn repr(&self) -> String {
        let wrapped = Value::Native(Rc::new(CallableObject {
            class: self.class,
            state: self.state.clone(),
        }));
        if let Some((func, args, keywords)) = partial_parts(&wrapped) {
            let mut parts = vec![crate::repr::repr_value(&func)];
            parts.extend(args.iter().map(crate::repr::repr_value));
            for (k, v) in keywords.items() {
                let key = crate::repr::str_value(&k).unwrap_or_default();
                parts.push(format!("{key}={}", crate::repr::repr_value(&v)));
            }
            return format!("functools.partial({})", parts.join(", "));
        }
        let shown: Vec<String> = match &self.state {
            Value::Tuple(keys) => keys.iter().map(crate::repr::repr_value).collect(),
            other => vec![crate::repr::repr_value(other)],
        };
        format!("operator.{}({})", self.class.name(), shown.join(", "))
    }
}
