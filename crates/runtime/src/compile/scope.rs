//! Name resolution: which names are local, global, cell or free in each scope.
//!
//! Mirrors CPython's symtable: a first walk collects, per scope (module,
//! class body, def, lambda, comprehension), the names it binds, uses and
//! declares; a second pass decides each name's storage. Scopes are keyed by
//! the address of their AST node, which the code generator walks again.
//!
//! A class body's names live in its namespace dict (`Storage::Name`), and
//! the functions nested in it do not see them: free names skip class
//! scopes, except `__class__`, the implicit cell a class provides to the
//! methods that use `super()` or `__class__`.
//!
//! Inside a class, a private name (`__balance`, but not `__init__`) is
//! mangled to `_Class__balance` wherever it is a name or an attribute
//! (CPython's `_Py_Mangle`): every scope records the class name in effect.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use loopscope_syntax::ast::*;
use loopscope_syntax::Diagnostic;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// A fast local slot.
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// Captured from an enclosing scope.
    Free,
    /// Module-level (explicitly declared or implicit).
    Global,
    /// In a class body's namespace (then the globals, then the builtins).
    Name,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub is_module: bool,
    pub is_class: bool,
    /// Names in declaration order (parameters first), for stable slot numbers.
    pub order: Vec<String>,
    pub bound: HashSet<String>,
    pub used: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub storage: HashMap<String, Storage>,
    pub has_yield: bool,
    pub has_await: bool,
    /// Comprehension scopes bind walrus targets in the enclosing function.
    pub is_comprehension: bool,
    /// Free variables a class body passes to its methods although it has
    /// a class attribute of the same name.
    pub class_free: HashSet<String>,
    /// The name of the innermost class this scope is (or is nested in),
    /// which private names are mangled with.
    pub private: Option<String>,
}

impl Scope {
    pub fn storage_of(&self, name: &str) -> Storage {
        self.storage.get(name).copied().unwrap_or(Storage::Global)
    }

    /// `name` as this scope's code knows it (see [`mangle`]).
    pub fn mangle<'n>(&self, name: &'n str) -> Cow<'n, str> {
        mangle(self.private.as_deref(), name)
    }
}

/// CPython's `_Py_Mangle`: inside class `private`, a name starting with two
/// underscores becomes `_Private__name`, unless it also ends with two, holds a
/// dot, or the class's name is all underscores.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

pub struct ScopeTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
    /// `from __future__ import annotations`: annotations are kept as
    /// source text, never evaluated.
    pub future_annotations: bool,
    /// The module's own names live in a namespace (`LoadName`/`StoreName`), as
    /// in code compiled for `exec()` and `eval()`, which may be given locals
    /// apart from their globals; a program's module uses its globals.
    pub module_namespace: bool,
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Analyse a module. Errors are compile-time SyntaxErrors (e.g. a
/// `nonlocal` with no binding) reported as diagnostics.
pub fn analyse(module: &Module) -> Result<ScopeTable, Diagnostic> {
    analyse_as(module, false)
}

/// Analyse a module whose own names live in a namespace when
/// `module_namespace` (see [`ScopeTable::module_namespace`]).
pub fn analyse_as(module: &Module, module_namespace: bool) -> Result<ScopeTable, Diagnostic> {
    let mut b = Builder {
        table: ScopeTable {
            scopes: vec![Scope {
                is_module: true,
                ..Scope::default()
            }],
            by_node: HashMap::new(),
            future_annotations: super::annotations::future_annotations(module),
            module_namespace,
        },
        current: 0,
    };
    b.table.by_node.insert(node_key(module), 0);
    for s in &module.body {
        b.stmt(s)?;
    }
    super::resolve::resolve(&mut b.table)?;
    Ok(b.table)
}

struct Builder {
    table: ScopeTable,
    current: usize,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn bind(&mut self, name: &str) {
        let s = self.scope();
        let name = s.mangle(name).into_owned();
        if s.bound.insert(name.clone()) {
            s.order.push(name);
        }
    }

    fn use_name(&mut self, name: &str) {
        let s = self.scope();
        let name = s.mangle(name).into_owned();
        s.used.insert(name);
    }

    fn enter(&mut self, key: usize, is_comprehension: bool) -> usize {
        self.enter_scope(
            key,
            Scope {
                is_comprehension,
                ..Scope::default()
            },
        )
    }

    /// Enter a new scope; it mangles with its enclosing scope's class name
    /// unless it is a class body itself (`scope.private` set).
    fn enter_scope(&mut self, key: usize, scope: Scope) -> usize {
        let id = self.table.scopes.len();
        let private = scope
            .private
            .clone()
            .or_else(|| self.table.scopes[self.current].private.clone());
        self.table.scopes.push(Scope {
            parent: Some(self.current),
            private,
            ..scope
        });
        self.table.scopes[self.current].children.push(id);
        self.table.by_node.insert(key, id);
        let prev = self.current;
        self.current = id;
        prev
    }

    fn params(&mut self, p: &Parameters) {
        // CPython's slot order: positional, keyword-only, *args, **kwargs.
        let all = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(&p.kwonly)
            .chain(p.vararg.iter())
            .chain(p.kwarg.iter());
        for param in all {
            let name = self.scope().mangle(&param.name).into_owned();
            self.scope().params.push(name);
            self.bind(&param.name);
        }
    }

    /// An annotation's names are used where it stands, unless annotations
    /// stay text (`from __future__ import annotations`).
    fn annotation(&mut self, e: &Expr) -> Result<(), Diagnostic> {
        if self.table.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn param_defaults(&mut self, p: &Parameters) -> Result<(), Diagnostic> {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn body(&mut self, stmts: &[Stmt]) -> Result<(), Diagnostic> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), Diagnostic> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    // A bare annotation still makes the name local.
                    self.bind(n);
                } else {
                    self.expr(target)?;
                }
                self.annotation(annotation)?;
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.param_defaults(&f.params)?;
                let p = &f.params;
                let params = p.posonly.iter().chain(&p.args).chain(&p.vararg);
                for param in params.chain(&p.kwonly).chain(&p.kwarg) {
                    if let Some(a) = &param.annotation {
                        self.annotation(a)?;
                    }
                }
                if let Some(r) = &f.returns {
                    self.annotation(r)?;
                }
                self.bind(&f.name);
                let prev = self.enter(node_key(&**f), false);
                self.params(&f.params);
                self.body(&f.body)?;
                self.current = prev;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.bind(&c.name);
                let prev = self.enter_scope(
                    node_key(&**c),
                    Scope {
                        is_class: true,
                        private: Some(c.name.clone()),
                        ..Scope::default()
                    },
                );
                self.body(&c.body)?;
                self.current = prev;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.body(body)?;
                self.body(orelse)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.scope().has_await = true;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.body(body)?;
                self.body(orelse)?;
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.body(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.body(&h.body)?;
                }
                self.body(orelse)?;
                self.body(finalbody)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let n = &self.scope().mangle(n).into_owned();
                    if self.scope().bound.contains(n) || self.scope().used.contains(n) {
                        let what = if self.scope().bound.contains(n) {
                            "assigned to"
                        } else {
                            "used"
                        };
                        return Err(syntax_error(
                            format!("name '{n}' is {what} before global declaration"),
                            s.span,
                        ));
                    }
                    self.scope().globals.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scope().is_module {
                    return Err(syntax_error(
                        "nonlocal declaration not allowed at module level".into(),
                        s.span,
                    ));
                }
                for n in names {
                    let n = self.scope().mangle(n).into_owned();
                    self.scope().nonlocals.insert(n);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name != "*" {
                        self.bind(a.asname.as_ref().unwrap_or(&a.name));
                    }
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                // Top-level `async with` makes the module run as a coroutine,
                // as top-level `await` does.
                if *is_async {
                    self.scope().has_await = true;
                }
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.body(body)?;
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.expr(guard)?;
                    }
                    self.body(&case.body)?;
                }
            }
        }
        Ok(())
    }

    /// A pattern's captures bind names; its values, classes and keys are
    /// expressions.
    fn pattern(&mut self, p: &Pattern) -> Result<(), Diagnostic> {
        match &p.kind {
            PatternKind::Value(value) => self.expr(value)?,
            PatternKind::Singleton(_) | PatternKind::Star(None) => {}
            PatternKind::Star(Some(name)) => self.bind(name),
            PatternKind::Sequence(items) | PatternKind::Or(items) => {
                for item in items {
                    self.pattern(item)?;
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                for key in keys {
                    self.expr(key)?;
                }
                for pattern in patterns {
                    self.pattern(pattern)?;
                }
                if let Some(rest) = rest {
                    self.bind(rest);
                }
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for pattern in patterns.iter().chain(kwd_patterns) {
                    self.pattern(pattern)?;
                }
            }
            PatternKind::As { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.pattern(pattern)?;
                }
                if let Some(name) = name {
                    self.bind(name);
                }
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), Diagnostic> {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
            }
            ExprKind::Starred(inner) => self.target(inner)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), Diagnostic> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        let prev = self.enter(key, true);
        self.scope().params.push(".0".into());
        self.bind(".0");
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
            if g.is_async {
                self.scope().has_await = true;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.current = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), Diagnostic> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.use_name(n);
                // `super()` needs the `__class__` cell of the class it is in.
                if n == "super" && !self.scope().is_class {
                    self.use_name("__class__");
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            ExprKind::Starred(inner) => self.expr(inner)?,
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let is_gen = matches!(e.kind, ExprKind::GeneratorExp { .. });
                self.comprehension(node_key(e), generators, &[elt])?;
                if is_gen {
                    let id = self.table.by_node[&node_key(e)];
                    self.table.scopes[id].has_yield = true;
                }
                self.propagate_comprehension_await(e);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(node_key(e), generators, &[key, value])?;
                self.propagate_comprehension_await(e);
            }
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params)?;
                let prev = self.enter(node_key(e), false);
                self.params(params);
                self.expr(body)?;
                self.current = prev;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Await(inner) => {
                self.scope().has_await = true;
                self.expr(inner)?;
            }
            ExprKind::Yield(v) => {
                self.scope().has_yield = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom(v) => {
                self.scope().has_yield = true;
                self.expr(v)?;
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    let n = &self.scope().mangle(n).into_owned();
                    // In a comprehension, the walrus binds in the enclosing function.
                    let mut id = self.current;
                    while self.table.scopes[id].is_comprehension {
                        id = self.table.scopes[id].parent.unwrap_or(0);
                    }
                    let s = &mut self.table.scopes[id];
                    if s.bound.insert(n.clone()) {
                        s.order.push(n.clone());
                    }
                    if id != self.current {
                        self.use_name(n);
                    }
                }
            }
        }
        Ok(())
    }

    /// An `await` inside a non-generator comprehension makes the comprehension a
    /// coroutine that the enclosing scope awaits.
    fn propagate_comprehension_await(&mut self, e: &Expr) {
        let id = self.table.by_node[&node_key(e)];
        if self.table.scopes[id].has_await && !self.table.scopes[id].has_yield {
            self.scope().has_await = true;
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), Diagnostic> {
        for p in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = p
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }
}

pub(super) fn syntax_error(message: String, span: Span) -> Diagnostic {
    Diagnostic {
        kind: loopscope_syntax::DiagnosticKind::Syntax,
        message,
        span,
    }
}
