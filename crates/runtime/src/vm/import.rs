//! `import`: a module is made the first time it is imported, from its
//! entry in the registry (`object::state::ModuleRegistry`, filled by
//! `program.rs`), and kept in `vm.modules`, the dict programs see as
//! `sys.modules` (what they put there is what import gives). A Rust-native
//! module is built by its function; a Python one is compiled by our own
//! compiler and run as the module's body, its frames marked as library
//! frames. `import a.b` imports `a` first and binds `b` as its attribute.

use std::rc::Rc;

use crate::object::code::CodeObject;
use crate::object::exceptions::exc;
use crate::object::frame::{Frame, FrameKind};
use crate::object::state::ModuleSource;
use crate::object::types::TypeId;
use crate::object::value::{ExcRef, Module, PyResult, Value};
use crate::python_sources::LibraryFile;
use crate::vm::{Exit, Vm};

/// The ModuleNotFoundError for `name`, whose parent module (if it has one)
/// is `parent`: "'os' is not a package" when the parent is a plain module
/// (not a package's `__init__`), and `.name` set as CPython's import sets it.
fn module_not_found(name: &str, parent: Option<&Value>) -> ExcRef {
    let mut message = format!("No module named {}", crate::quote::quote_str(name, false));
    if let Some(Value::Module(parent)) = parent {
        if !parent.filename.ends_with("__init__.py") {
            let parent = crate::quote::quote_str(&parent.name, false);
            message.push_str(&format!("; {parent} is not a package"));
        }
    }
    let e = exc(TypeId::ModuleNotFoundError, message);
    e.attributes()
        .borrow_mut()
        .insert_str("name", Value::str(name));
    e
}

/// The ImportError of `from m import name` when `m` has no `name`:
/// CPython's message, with the module's file (or "unknown location" for a
/// built-in one), and its `.name` and `.path`.
pub(super) fn cannot_import(name: &str, m: &Value) -> ExcRef {
    let (module, path) = match m {
        Value::Module(m) => (m.name.to_string(), m.filename.to_string()),
        _ => ("?".to_string(), String::new()),
    };
    let location = if path.is_empty() {
        "unknown location"
    } else {
        &path
    };
    let e = exc(
        TypeId::ImportError,
        format!("cannot import name '{name}' from '{module}' ({location})"),
    );
    let attributes = e.attributes();
    let mut attributes = attributes.borrow_mut();
    attributes.insert_str("name", Value::str(&module));
    if !path.is_empty() {
        attributes.insert_str("path", Value::str(&path));
    }
    drop(attributes);
    e
}

impl Vm {
    /// `import name` binds the top-level package: this returns it.
    pub fn import_top(&mut self, name: &str) -> PyResult<Value> {
        self.import(name)?;
        let top = name.split('.').next().unwrap_or(name);
        self.import(top)
    }

    /// The module `name` itself (`from name import x`).
    pub fn import(&mut self, name: &str) -> PyResult<Value> {
        let imported = self.modules.borrow().get_str(name);
        match imported {
            Some(Value::None) => {
                return Err(exc(
                    TypeId::ModuleNotFoundError,
                    format!("import of {name} halted; None in sys.modules"),
                ))
            }
            Some(m) => return Ok(m),
            None => {}
        }
        let parent = match name.rsplit_once('.') {
            Some((parent, _)) => Some(self.import(parent)?),
            None => None,
        };
        // Importing the package may have made the submodule (asyncio's do).
        if parent.is_some() {
            if let Some(m) = self.modules.borrow().get_str(name) {
                return Ok(m);
            }
        }
        let Some(source) = self.registry.get(name) else {
            return Err(module_not_found(name, parent.as_ref()));
        };
        let module = match source {
            ModuleSource::Native(make) => {
                let m = make(self)?;
                let v = Value::Module(m);
                self.modules.borrow_mut().insert_str(name, v.clone());
                v
            }
            ModuleSource::Python { source, filename } => {
                self.run_python_module(name, source, filename)?
            }
        };
        if let (Some(Value::Module(parent)), Some((_, child))) = (parent, name.rsplit_once('.')) {
            parent.attrs.borrow_mut().insert_str(child, module.clone());
        }
        Ok(module)
    }

    /// `from package import name` where the package has no attribute `name` (yet): the
    /// submodule `package.name`, imported as CPython's `_handle_fromlist` does (a package
    /// importing its own submodules while its `__init__` runs); CPython's ImportError when
    /// there is no such submodule either.
    pub(super) fn import_submodule(&mut self, package: &Value, name: &str) -> PyResult<Value> {
        let Value::Module(module) = package else {
            return Err(cannot_import(name, package));
        };
        let dotted = format!("{}.{name}", module.name);
        let known = self.modules.borrow().get_str(&dotted).is_some()
            || self.registry.get(&dotted).is_some();
        if !module.filename.ends_with("__init__.py") || !known {
            return Err(cannot_import(name, package));
        }
        self.import(&dotted)
    }

    /// Compile and run the source of a module written in Python. It is in
    /// `sys.modules` while its body runs, as in CPython; if the body fails,
    /// it is removed again.
    fn run_python_module(
        &mut self,
        name: &str,
        source: LibraryFile,
        filename: &'static str,
    ) -> PyResult<Value> {
        let source = library_text(name, source)?;
        let module = Module::new(name, filename);
        {
            let mut attrs = module.attrs.borrow_mut();
            attrs.insert_str("__name__", Value::str(name));
            attrs.insert_str("__doc__", Value::None);
            attrs.insert_str("__file__", Value::str(filename));
        }
        let value = Value::Module(module.clone());
        self.modules.borrow_mut().insert_str(name, value.clone());
        match self.run_library_source(&module, &source) {
            Ok(()) => Ok(value),
            Err(e) => {
                self.modules.borrow_mut().remove_str(name);
                Err(e)
            }
        }
    }

    /// Run the Python half of the native module `module` (its classes, ...) from `file`.
    pub fn run_library_file(&mut self, module: &Rc<Module>, file: LibraryFile) -> PyResult<()> {
        let source = library_text(&module.name, file)?;
        self.run_library_source(module, &source)
    }

    /// Compile `source` with Loopscope's compiler and run it in `module`'s
    /// namespace as library code (tracebacks skip its frames): the body of
    /// a module written in Python, or the Python half of a native module
    /// (the classes of `time`, ...).
    pub fn run_library_source(&mut self, module: &Rc<Module>, source: &str) -> PyResult<()> {
        let name = &module.name;
        let code = loopscope_syntax::parse(source)
            .and_then(|m| crate::compile::compile_module(&m, &module.filename))
            .map_err(|d| {
                exc(
                    TypeId::SyntaxError,
                    format!("{} (in the library module {name})", d.message),
                )
            })?;
        let code = CodeObject::load_library(code);
        let mut frame = Box::new(Frame::new(code, module.clone()));
        frame.kind = FrameKind::Base;
        let ran = self
            .check_nesting()
            .and_then(|()| self.push_frame(frame))
            .and_then(|()| {
                let base = self.frames.len() - 1;
                self.run_nested(base)
            })?;
        match ran {
            Exit::Return(_) => Ok(()),
            Exit::Yield(_) | Exit::AsyncYield(_) | Exit::Blocked => Err(exc(
                TypeId::RuntimeError,
                format!("the module {name} yielded while being imported"),
            )),
        }
    }
}

/// The text of the library file of module `name`; an ImportError if it could not be had (the
/// page's engine fetches it, and the server may be gone).
fn library_text(name: &str, file: LibraryFile) -> PyResult<Rc<str>> {
    file.text().map_err(|why| {
        exc(
            TypeId::ImportError,
            format!("cannot import the library module {name}: {why}"),
        )
    })
}

impl Vm {
    /// `from m import *` (CPython's `import_all_from`): the names of
    /// `m.__all__` if it has one, each looked up on `m` (a missing one raises
    /// the lookup's own error), else every key of `m.__dict__` not starting
    /// with `_`; bound in the frame's namespace (only a module's body may
    /// star-import). A name that is not a `str` is a TypeError.
    pub(super) fn import_star(&mut self, m: &Value) -> PyResult<()> {
        if let Value::Module(module) = m {
            module.complete(self)?;
        }
        let (names, from_dict) = match crate::attrs::get_attr(self, m, "__all__") {
            Ok(all) => (crate::iterators::collect(self, &all)?, false),
            Err(e) if e.is(TypeId::AttributeError) => {
                let dict = match crate::attrs::get_attr(self, m, "__dict__") {
                    Ok(d) => d,
                    Err(e) if e.is(TypeId::AttributeError) => {
                        return Err(exc(
                            TypeId::ImportError,
                            "from-import-* object has no __dict__ and no __all__",
                        ))
                    }
                    Err(e) => return Err(e),
                };
                (crate::iterators::collect(self, &dict)?, true)
            }
            Err(e) => return Err(e),
        };
        let globals = self.frames.last().expect("frame").globals.clone();
        for name in names {
            let Value::Str(s) = &name else {
                let modname = crate::attrs::get_attr(self, m, "__name__")?;
                let Value::Str(modname) = modname else {
                    return Err(crate::object::exceptions::type_error(format!(
                        "module __name__ must be a string, not {:.100}",
                        crate::object::types::type_of(&modname).name()
                    )));
                };
                let (what, place) = if from_dict {
                    ("Key", "__dict__")
                } else {
                    ("Item", "__all__")
                };
                return Err(crate::object::exceptions::type_error(format!(
                    "{what} in {modname}.{place} must be str, not {:.100}",
                    crate::object::types::type_of(&name).name()
                )));
            };
            if from_dict && s.starts_with('_') {
                continue;
            }
            let value = crate::attrs::get_attr(self, m, s)?;
            globals.attrs.borrow_mut().insert(name, value)?;
        }
        Ok(())
    }
}
