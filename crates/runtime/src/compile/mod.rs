//! AST → bytecode.
//!
//! One `CodeGen` per code object (module, function, lambda, comprehension).
//! Control flow that leaves a `try`/`with`/`except` early (`return`,
//! `break`, `continue`) is compiled by replaying the enclosing blocks'
//! cleanup, as CPython does, so the VM's block stack stays simple.

mod annotations;
mod class;
pub mod code;
pub mod scope;
mod try_star;
mod unparse;

use std::rc::Rc;

use loopscope_syntax::ast::*;
use loopscope_syntax::{Diagnostic, DiagnosticKind};

use code::{Code, CodeKind, Const, Instr};
use scope::{node_key, ScopeTable, Storage};

/// Compile a parsed module. `filename` appears in tracebacks.
pub fn compile_module(module: &Module, filename: &str) -> Result<Code, Diagnostic> {
    let table = scope::analyse(module)?;
    let filename: Rc<str> = Rc::from(filename);
    let root = &table.scopes[0];
    let kind = if root.has_await {
        CodeKind::AsyncModule
    } else {
        CodeKind::Module
    };
    let mut g = CodeGen::new(&table, 0, "<module>", "<module>", kind, filename, 1);
    if let Some(first) = module.body.first() {
        g.set_span(first.span);
    }
    g.setup_annotations(&module.body);
    for s in &module.body {
        g.stmt(s)?;
    }
    let end = module.body.last().map(|s| s.span).unwrap_or_default();
    g.set_span(Span::new(end.end, end.end));
    g.load_const(Const::None);
    g.emit(Instr::Return);
    Ok(g.finish())
}

enum Block<'a> {
    Loop {
        start: usize,
        breaks: Vec<usize>,
        is_for: bool,
    },
    /// Inside the protected body of a try-except (a SetupExcept is active).
    TryExcept,
    /// Inside the protected body of a try-finally.
    TryFinally { finalbody: &'a [Stmt] },
    /// Inside an except handler (an exception is being handled).
    Handler { name: Option<String> },
    /// Inside the body of a `with` (exit function on the stack, handler set).
    With { is_async: bool },
    /// Inside a `finally` body run on the exceptional path (exception on stack).
    FinallyHandler,
    /// Inside an `except*` clause, which `break`, `continue` and `return`
    /// may not leave.
    StarHandler,
}

/// What a `MakeFunction` finds on the stack besides the code (and closure).
#[derive(Clone, Copy, Default)]
struct FunctionParts {
    defaults: bool,
    kwdefaults: bool,
    annotations: bool,
}

struct CodeGen<'a> {
    table: &'a ScopeTable,
    scope: usize,
    code: Code,
    span: Span,
    blocks: Vec<Block<'a>>,
}

fn err(message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::Syntax,
        message: message.into(),
        span,
    }
}

fn unsupported(what: &str, span: Span) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::Unsupported,
        message: format!("{what} is not supported yet"),
        span,
    }
}

impl<'a> CodeGen<'a> {
    fn new(
        table: &'a ScopeTable,
        scope: usize,
        name: &str,
        qualname: &str,
        kind: CodeKind,
        filename: Rc<str>,
        first_line: u32,
    ) -> Self {
        let s = &table.scopes[scope];
        let mut varnames: Vec<Rc<str>> = Vec::new();
        let mut cellvars: Vec<Rc<str>> = Vec::new();
        let mut freevars: Vec<Rc<str>> = Vec::new();
        if !s.is_module {
            for p in &s.params {
                varnames.push(Rc::from(p.as_str()));
            }
            let mut names: Vec<&String> = s.order.iter().collect();
            let mut rest: Vec<&String> =
                s.storage.keys().filter(|n| !s.order.contains(n)).collect();
            rest.sort();
            names.extend(rest);
            for n in names {
                match s.storage_of(n) {
                    Storage::Local => {
                        if !varnames.iter().any(|v| &**v == n.as_str()) {
                            varnames.push(Rc::from(n.as_str()));
                        }
                    }
                    Storage::Cell => cellvars.push(Rc::from(n.as_str())),
                    Storage::Free => freevars.push(Rc::from(n.as_str())),
                    Storage::Global | Storage::Name => {}
                }
            }
            let mut passed: Vec<&String> = s.class_free.iter().collect();
            passed.sort();
            freevars.extend(passed.into_iter().map(|n| Rc::from(n.as_str())));
        }
        let cell_params = cellvars
            .iter()
            .map(|c| {
                s.params
                    .iter()
                    .position(|p| p.as_str() == &**c)
                    .map(|i| i as u32)
            })
            .collect();
        CodeGen {
            table,
            scope,
            code: Code {
                name: Rc::from(name),
                qualname: Rc::from(qualname),
                kind,
                filename,
                first_line,
                instrs: Vec::new(),
                spans: Vec::new(),
                consts: Vec::new(),
                functions: Vec::new(),
                names: Vec::new(),
                varnames,
                cellvars,
                freevars,
                cell_params,
                argcount: 0,
                posonlyargcount: 0,
                kwonlyargcount: 0,
                has_varargs: false,
                has_varkw: false,
                doc: None,
            },
            span: Span::default(),
            blocks: Vec::new(),
        }
    }

    fn finish(self) -> Code {
        self.code
    }

    fn set_span(&mut self, span: Span) {
        self.span = span;
    }

    fn emit(&mut self, i: Instr) -> usize {
        self.code.instrs.push(i);
        self.code.spans.push(self.span);
        self.code.instrs.len() - 1
    }

    fn here(&self) -> usize {
        self.code.instrs.len()
    }

    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        use Instr::*;
        let i = &mut self.code.instrs[at];
        *i = match *i {
            Jump(_) => Jump(target),
            PopJumpIfFalse(_) => PopJumpIfFalse(target),
            PopJumpIfTrue(_) => PopJumpIfTrue(target),
            JumpIfFalseOrPop(_) => JumpIfFalseOrPop(target),
            JumpIfTrueOrPop(_) => JumpIfTrueOrPop(target),
            ForIter(_) => ForIter(target),
            SetupExcept(_) => SetupExcept(target),
            SetupFinally(_) => SetupFinally(target),
            SetupWith(_) => SetupWith(target),
            Send(_) => Send(target),
            CheckEgMatch(_) => CheckEgMatch(target),
            PrepReraiseStar(_) => PrepReraiseStar(target),
            other => other,
        };
    }

    fn load_const(&mut self, v: Const) {
        let idx = self.const_index(v);
        self.emit(Instr::LoadConst(idx));
    }

    fn const_index(&mut self, v: Const) -> u32 {
        let found = self.code.consts.iter().position(|c| c.identical(&v));
        match found {
            Some(i) => i as u32,
            None => {
                self.code.consts.push(v);
                (self.code.consts.len() - 1) as u32
            }
        }
    }

    fn name_index(&mut self, name: &str) -> u32 {
        match self.code.names.iter().position(|n| &**n == name) {
            Some(i) => i as u32,
            None => {
                self.code.names.push(Rc::from(name));
                (self.code.names.len() - 1) as u32
            }
        }
    }

    fn storage(&self, name: &str) -> Storage {
        self.table.scopes[self.scope].storage_of(name)
    }

    fn deref_index(&self, name: &str) -> u32 {
        if let Some(i) = self.code.cellvars.iter().position(|c| &**c == name) {
            return i as u32;
        }
        let i = self
            .code
            .freevars
            .iter()
            .position(|c| &**c == name)
            .unwrap_or(0);
        (self.code.cellvars.len() + i) as u32
    }

    fn local_index(&mut self, name: &str) -> u32 {
        match self.code.varnames.iter().position(|v| &**v == name) {
            Some(i) => i as u32,
            None => {
                self.code.varnames.push(Rc::from(name));
                (self.code.varnames.len() - 1) as u32
            }
        }
    }

    fn load_name(&mut self, name: &str) {
        self.name_op(
            name,
            [
                Instr::LoadFast,
                Instr::LoadDeref,
                Instr::LoadGlobal,
                Instr::LoadName,
            ],
        );
    }

    fn store_name(&mut self, name: &str) {
        self.name_op(
            name,
            [
                Instr::StoreFast,
                Instr::StoreDeref,
                Instr::StoreGlobal,
                Instr::StoreName,
            ],
        );
    }

    fn delete_name(&mut self, name: &str) {
        self.name_op(
            name,
            [
                Instr::DeleteFast,
                Instr::DeleteDeref,
                Instr::DeleteGlobal,
                Instr::DeleteName,
            ],
        );
    }

    /// Emit the fast / deref / global / namespace flavour of an access, by
    /// storage.
    fn name_op(&mut self, name: &str, [fast, deref, global, namespace]: [fn(u32) -> Instr; 4]) {
        let instr = match self.storage(name) {
            Storage::Local => fast(self.local_index(name)),
            Storage::Cell | Storage::Free => deref(self.deref_index(name)),
            Storage::Global => global(self.name_index(name)),
            Storage::Name => namespace(self.name_index(name)),
        };
        self.emit(instr);
    }

    fn in_function(&self) -> bool {
        let s = &self.table.scopes[self.scope];
        !s.is_module && !s.is_class
    }

    fn is_async_context(&self) -> bool {
        matches!(
            self.code.kind,
            CodeKind::Coroutine | CodeKind::AsyncModule | CodeKind::AsyncGenerator
        ) || (self.table.scopes[self.scope].is_comprehension
            && self.table.scopes[self.scope].has_await)
    }

    // ----- statements -----

    fn body(&mut self, stmts: &'a [Stmt]) -> Result<(), Diagnostic> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), Diagnostic> {
        self.set_span(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.set_span(s.span);
                self.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(s, target, annotation, value.as_ref())?,
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Return(v) => {
                if !self.in_function() {
                    return Err(err("'return' outside function", s.span));
                }
                match v {
                    Some(_) if self.code.kind == CodeKind::AsyncGenerator => {
                        return Err(err("'return' with value in async generator", s.span));
                    }
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                // CPython's location: a constant's own, else the statement's.
                let at = match v {
                    Some(v) if matches!(v.kind, ExprKind::Constant(_)) => v.span,
                    _ => s.span,
                };
                self.refuse_leaving_star_handler(0, at)?;
                self.set_span(s.span);
                self.unwind_blocks_for_return()?;
                self.set_span(s.span);
                self.emit(Instr::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let jend = self.emit(Instr::Jump(0));
                    self.patch(jf);
                    self.body(orelse)?;
                    self.patch(jend);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.loop_rest(start, jf, false, body, orelse, s.span)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse, s.span);
                }
                self.iterable(iter)?;
                // CPython locates GET_ITER and FOR_ITER at the whole statement.
                self.set_span(s.span);
                self.emit(Instr::GetIter);
                let start = self.here();
                let fi = self.emit(Instr::ForIter(0));
                self.assign(target)?;
                self.loop_rest(start, fi, true, body, orelse, s.span)?;
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                self.loop_exit(is_break, s.span)?;
            }
            StmtKind::Pass => {
                self.emit(Instr::Nop);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody, false)?,
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody, true)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(s.span);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let jt = self.emit(Instr::PopJumpIfTrue(0));
                let raise_span = assert_raise_span(test, s.span);
                self.set_span(raise_span);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.set_span(raise_span);
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(jt);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {
                self.emit(Instr::Nop);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.set_span(a.span);
                    let idx = self.name_index(&a.name);
                    self.emit(Instr::ImportName(idx));
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.split('.').skip(1) {
                                let i = self.name_index(part);
                                self.emit(Instr::ImportFrom(i));
                                self.emit(Instr::Rot2);
                                self.emit(Instr::Pop);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            self.store_name(top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let idx = self.name_index(module);
                self.emit(Instr::ImportModule(idx));
                for a in names {
                    self.set_span(a.span);
                    if a.name == "*" {
                        if self.in_function() {
                            return Err(err("import * only allowed at module level", a.span));
                        }
                        self.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportFrom(i));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                }
                self.emit(Instr::Pop);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async, s.span)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
        }
        Ok(())
    }

    fn function_def(&mut self, f: &'a FunctionDef) -> Result<(), Diagnostic> {
        for d in &f.decorators {
            self.expr(d)?;
        }
        self.set_span(f.span);
        let qualname = self.child_qualname(&f.name);
        let kind = match (f.is_async, self.scope_has_yield(node_key(f))) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Coroutine,
            (false, true) => CodeKind::Generator,
            (false, false) => CodeKind::Function,
        };
        self.make_function(
            node_key(f),
            &f.name,
            &qualname,
            kind,
            &f.params,
            f.returns.as_ref(),
            f.span,
            |g| {
                g.code.doc = class::docstring(&f.body).map(|(text, _)| std::rc::Rc::from(text));
                g.body(&f.body)
            },
        )?;
        self.set_span(f.span);
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn scope_has_yield(&self, key: usize) -> bool {
        self.table
            .by_node
            .get(&key)
            .map(|&id| self.table.scopes[id].has_yield)
            .unwrap_or(false)
    }

    fn child_qualname(&self, name: &str) -> String {
        let s = &self.table.scopes[self.scope];
        if s.is_module {
            name.to_string()
        } else if s.is_class {
            format!("{}.{}", self.code.qualname, name)
        } else {
            format!("{}.<locals>.{}", self.code.qualname, name)
        }
    }

    /// Compile a nested code object and emit MakeFunction for it.
    #[allow(clippy::too_many_arguments)]
    fn make_function(
        &mut self,
        key: usize,
        name: &str,
        qualname: &str,
        kind: CodeKind,
        params: &'a Parameters,
        returns: Option<&'a Expr>,
        span: Span,
        body: impl FnOnce(&mut CodeGen<'a>) -> Result<(), Diagnostic>,
    ) -> Result<(), Diagnostic> {
        // Defaults are evaluated in the defining scope.
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        let has_defaults = !defaults.is_empty();
        for d in &defaults {
            self.expr(d)?;
        }
        if has_defaults {
            self.emit(Instr::BuildTuple(defaults.len() as u32));
        }
        let kwdefaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        let has_kwdefaults = !kwdefaults.is_empty();
        for p in &kwdefaults {
            self.load_const(Const::str(&p.name));
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        if has_kwdefaults {
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
        }
        let has_annotations = self.function_annotations(params, returns)?;
        let scope_id = self.table.by_node[&key];
        let mut g = CodeGen::new(
            self.table,
            scope_id,
            name,
            qualname,
            kind,
            self.code.filename.clone(),
            span.start.line,
        );
        g.code.argcount = (params.posonly.len() + params.args.len()) as u32;
        g.code.posonlyargcount = params.posonly.len() as u32;
        g.code.kwonlyargcount = params.kwonly.len() as u32;
        g.code.has_varargs = params.vararg.is_some();
        g.code.has_varkw = params.kwarg.is_some();
        g.set_span(span);
        body(&mut g)?;
        g.load_const(Const::None);
        g.emit(Instr::Return);
        let code = g.finish();
        let parts = FunctionParts {
            defaults: has_defaults,
            kwdefaults: has_kwdefaults,
            annotations: has_annotations,
        };
        self.push_function(code, parts, span);
        Ok(())
    }

    /// Emit MakeFunction for a compiled nested code object, with the
    /// closure of its free variables (the defaults are already pushed).
    fn push_function(&mut self, code: Code, parts: FunctionParts, span: Span) {
        let has_closure = !code.freevars.is_empty();
        if has_closure {
            for fv in &code.freevars {
                let i = self.deref_index(fv);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
        }
        self.set_span(span);
        self.code.functions.push(code);
        let idx = (self.code.functions.len() - 1) as u32;
        self.emit(Instr::MakeFunction {
            code: idx,
            defaults: parts.defaults,
            kwdefaults: parts.kwdefaults,
            annotations: parts.annotations,
            closure: has_closure,
        });
    }

    fn aug_assign(
        &mut self,
        target: &'a Expr,
        op: BinOp,
        value: &'a Expr,
    ) -> Result<(), Diagnostic> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_span(target.span);
                self.load_name(n);
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Instr::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let i = self.name_index(attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Dup2);
                self.set_span(target.span);
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.set_span(target.span.to(value.span));
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    fn assign(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.set_span(t.span);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(t.span);
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                    Some(pos) => {
                        if items
                            .iter()
                            .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(err("multiple starred expressions in assignment", t.span));
                        }
                        self.emit(Instr::UnpackEx {
                            before: pos as u16,
                            after: (items.len() - pos - 1) as u16,
                        });
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ))
            }
            _ => {
                return Err(err(
                    format!("cannot assign to {}", describe_expr(t)),
                    t.span,
                ))
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> Result<(), Diagnostic> {
        self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(t.span);
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(err(format!("cannot delete {}", describe_expr(t)), t.span)),
        }
        Ok(())
    }

    /// Emit the cleanup of every enclosing block before a `return`.
    fn unwind_blocks_for_return(&mut self) -> Result<(), Diagnostic> {
        let saved: Vec<usize> = (0..self.blocks.len()).rev().collect();
        for idx in saved {
            self.unwind_one(idx, true)?;
        }
        Ok(())
    }

    /// Emit the cleanup for leaving block `idx`. With `preserve_top`, a value
    /// (the return value) sits on the stack above the block's own items.
    fn unwind_one(&mut self, idx: usize, preserve_top: bool) -> Result<(), Diagnostic> {
        enum Action<'b> {
            None,
            PopIter,
            PopBlock,
            Finally(&'b [Stmt]),
            Handler(Option<String>),
            With(bool),
            FinallyHandler,
        }
        let action = match &self.blocks[idx] {
            Block::Loop { is_for: true, .. } => Action::PopIter,
            Block::Loop { .. } => Action::None,
            Block::TryExcept => Action::PopBlock,
            Block::TryFinally { finalbody } => Action::Finally(finalbody),
            Block::Handler { name } => Action::Handler(name.clone()),
            Block::With { is_async } => Action::With(*is_async),
            Block::FinallyHandler => Action::FinallyHandler,
            // `break`, `continue` and `return` refuse to leave it (`leave_star_handler`).
            Block::StarHandler => Action::None,
        };
        match action {
            Action::None => {}
            Action::PopIter => {
                if preserve_top {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
            }
            Action::PopBlock => {
                self.emit(Instr::PopBlock);
            }
            Action::Finally(body) => {
                self.emit(Instr::PopBlock);
                // Compile the finally body with the blocks outside it only.
                let inner: Vec<Block<'a>> = self.blocks.drain(idx..).collect();
                let result = self.body(body);
                self.blocks.extend(inner);
                result?;
            }
            Action::Handler(name) => {
                self.emit(Instr::PopExcept);
                self.clear_handler_name(&name);
            }
            Action::With(is_async) => {
                self.emit(Instr::PopBlock);
                if preserve_top {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::WithExitNormal { is_async });
                if is_async {
                    self.await_top();
                }
                self.emit(Instr::Pop);
            }
            Action::FinallyHandler => {
                // The exception being handled sits under the return value.
                if preserve_top {
                    self.emit(Instr::Rot2);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::PopExcept);
            }
        }
        Ok(())
    }

    /// The part `while` and `for` share: the body inside a loop block, the jump
    /// back to `start`, the `else` clause where `exit` (the loop's test or
    /// FOR_ITER) leads, and every `break` patched past it.
    fn loop_rest(
        &mut self,
        start: usize,
        exit: usize,
        is_for: bool,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        self.blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for,
        });
        self.body(body)?;
        self.set_span(span);
        self.emit(Instr::Jump(start as u32));
        let breaks = match self.blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        };
        self.patch(exit);
        self.body(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    fn loop_exit(&mut self, is_break: bool, span: Span) -> Result<(), Diagnostic> {
        let loop_idx = self
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }));
        let Some(loop_idx) = loop_idx else {
            let what = if is_break { "'break'" } else { "'continue'" };
            return Err(err(format!("{what} outside loop"), span));
        };
        self.refuse_leaving_star_handler(loop_idx + 1, span)?;
        for idx in (loop_idx + 1..self.blocks.len()).rev() {
            self.unwind_one(idx, false)?;
        }
        self.set_span(span);
        if is_break {
            if let Block::Loop { is_for: true, .. } = self.blocks[loop_idx] {
                self.emit(Instr::Pop);
            }
            let j = self.emit(Instr::Jump(0));
            if let Block::Loop { breaks, .. } = &mut self.blocks[loop_idx] {
                breaks.push(j);
            }
        } else if let Block::Loop { start, .. } = self.blocks[loop_idx] {
            self.emit(Instr::Jump(start as u32));
        }
        Ok(())
    }

    /// `async for`: like CPython 3.11, each `__anext__` is awaited inside a
    /// handler whose END_ASYNC_FOR ends the loop on StopAsyncIteration.
    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        if !self.is_async_context() {
            return Err(err("'async for' outside async function", span));
        }
        self.expr(iter)?;
        self.set_span(span);
        self.emit(Instr::GetAIter);
        let start = self.here();
        let handler = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        let at = self.here() as u32;
        self.emit(Instr::Send(at + 1));
        self.emit(Instr::PopBlock);
        self.assign(target)?;
        self.blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for: true,
        });
        self.body(body)?;
        self.set_span(span);
        self.emit(Instr::Jump(start as u32));
        let breaks = match self.blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        };
        self.patch(handler);
        self.set_span(iter.span);
        self.emit(Instr::EndAsyncFor);
        self.body(orelse)?;
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> Result<(), Diagnostic> {
        let span = self.span;
        let setup_finally = if finalbody.is_empty() {
            None
        } else {
            let at = self.emit(Instr::SetupFinally(0));
            self.blocks.push(Block::TryFinally { finalbody });
            Some(at)
        };
        if handlers.is_empty() {
            self.body(body)?;
        } else if star {
            self.try_except_star(body, handlers, orelse, span)?;
        } else {
            self.try_except(body, handlers, orelse, span)?;
        }
        if let Some(at) = setup_finally {
            self.blocks.pop();
            self.emit(Instr::PopBlock);
            self.body(finalbody)?;
            let jend = self.emit(Instr::Jump(0));
            self.patch(at);
            self.blocks.push(Block::FinallyHandler);
            self.body(finalbody)?;
            self.blocks.pop();
            self.emit(Instr::Reraise);
            self.patch(jend);
        }
        Ok(())
    }

    /// `try`/`except`/`else` (a `finally` is around it).
    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        span: Span,
    ) -> Result<(), Diagnostic> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.blocks.push(Block::TryExcept);
        self.body(body)?;
        self.blocks.pop();
        self.emit(Instr::PopBlock);
        self.body(orelse)?;
        let jend = self.emit(Instr::Jump(0));
        self.patch(setup);
        let mut ends = vec![jend];
        for (i, h) in handlers.iter().enumerate() {
            self.set_span(h.span);
            let next = match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.set_span(h.span);
                    self.emit(Instr::CheckExcMatch);
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                }
                None => {
                    if i + 1 != handlers.len() {
                        return Err(err("default 'except:' must be last", h.span));
                    }
                    None
                }
            };
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.blocks.push(Block::Handler {
                name: h.name.clone(),
            });
            // A named handler's body runs inside `try: ... finally: name = None;
            // del name`, as CPython compiles it: the name goes also when the
            // handler ends by raising.
            let cleanup = h.name.is_some().then(|| {
                let at = self.emit(Instr::SetupFinally(0));
                self.blocks.push(Block::TryExcept);
                at
            });
            self.body(&h.body)?;
            if cleanup.is_some() {
                self.blocks.pop();
                self.emit(Instr::PopBlock);
            }
            self.blocks.pop();
            self.emit(Instr::PopExcept);
            self.clear_handler_name(&h.name);
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(at) = cleanup {
                self.patch(at);
                self.blocks.push(Block::FinallyHandler);
                self.clear_handler_name(&h.name);
                self.blocks.pop();
                self.emit(Instr::Reraise);
            }
            if let Some(nx) = next {
                self.patch(nx);
            }
        }
        self.set_span(span);
        self.emit(Instr::Reraise);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// `except ... as name` ends with `name = None; del name`.
    fn clear_handler_name(&mut self, name: &Option<String>) {
        if let Some(n) = name {
            self.load_const(Const::None);
            self.store_name(n);
            self.delete_name(n);
        }
    }

    fn with_stmt(
        &mut self,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
        span: Span,
    ) -> Result<(), Diagnostic> {
        if is_async && !self.is_async_context() {
            return Err(err("'async with' outside async function", span));
        }
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&item.context)?;
        self.set_span(item.context.span);
        if is_async {
            self.emit(Instr::AsyncWithEnter);
            self.await_top();
        } else {
            self.emit(Instr::WithEnter);
        }
        let setup = self.emit(Instr::SetupWith(0));
        match &item.target {
            Some(t) => self.assign(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.blocks.push(Block::With { is_async });
        if rest.is_empty() {
            self.body(body)?;
        } else {
            self.with_stmt(rest, body, is_async, span)?;
        }
        self.blocks.pop();
        // CPython locates the __exit__ call at the whole statement.
        self.set_span(span);
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal { is_async });
        if is_async {
            self.await_top();
        }
        self.emit(Instr::Pop);
        let jend = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::WithExitExcept { is_async });
        if is_async {
            self.await_top();
        }
        self.emit(Instr::WithSuppressOrReraise);
        self.patch(jend);
        Ok(())
    }

    /// `await TOS`.
    fn await_top(&mut self) {
        self.emit(Instr::GetAwaitable);
        let at = self.here() as u32;
        self.emit(Instr::Send(at + 1));
    }

    // ----- expressions -----

    /// The iterable of a `for` or a comprehension: a set display of
    /// constants is the frozenset CPython's optimizer folds it into.
    fn iterable(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        if let ExprKind::Set(items) = &e.kind {
            if let Some(set) = constant_set(items) {
                self.set_span(e.span);
                self.load_const(set);
                return Ok(());
            }
        }
        self.expr(e)
    }

    fn expr(&mut self, e: &'a Expr) -> Result<(), Diagnostic> {
        self.set_span(e.span);
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Constant(c) => {
                let v = constant_value(c);
                self.load_const(v);
            }
            ExprKind::FString(parts) => {
                let n = self.fstring(parts, e.span)?;
                if n != 1 {
                    self.emit(Instr::BuildString(n));
                }
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_span(e.span);
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                // Fold negative numeric literals, as CPython's optimizer does.
                if let (UnaryOp::Neg, ExprKind::Constant(c)) = (op, &operand.kind) {
                    if let Some(v) = negate_constant(c) {
                        self.load_const(v);
                        return Ok(());
                    }
                }
                self.expr(operand)?;
                self.set_span(e.span);
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOp::And => self.emit(Instr::JumpIfFalseOrPop(0)),
                            BoolOp::Or => self.emit(Instr::JumpIfTrueOrPop(0)),
                        };
                        jumps.push(j);
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.set_span(e.span);
                    self.emit(Instr::Compare(ops[0]));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(c)?;
                        self.set_span(e.span);
                        if i + 1 < ops.len() {
                            self.emit(Instr::Dup);
                            self.emit(Instr::Rot3);
                            self.emit(Instr::Compare(*op));
                            cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Instr::Compare(*op));
                        }
                    }
                    let jend = self.emit(Instr::Jump(0));
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.emit(Instr::Rot2);
                    self.emit(Instr::Pop);
                    self.patch(jend);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.set_span(e.span);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(e.span);
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err("can't use starred expression here", e.span));
            }
            ExprKind::List(items) => self.sequence(items, SeqKind::List)?,
            ExprKind::Tuple(items) => self.sequence(items, SeqKind::Tuple)?,
            ExprKind::Set(items) => self.sequence(items, SeqKind::Set)?,
            ExprKind::Dict(pairs) => {
                let mut pending = 0u32;
                let mut built = false;
                for (k, v) in pairs {
                    match k {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(v)?;
                            pending += 1;
                        }
                        None => {
                            self.set_span(e.span);
                            if !built || pending > 0 {
                                self.emit(Instr::BuildMap(pending));
                                if built {
                                    self.emit(Instr::DictUpdate);
                                }
                                built = true;
                                pending = 0;
                            }
                            self.expr(v)?;
                            self.set_span(e.span);
                            self.emit(Instr::DictUpdate);
                        }
                    }
                }
                // CPython locates building a display at the whole display.
                self.set_span(e.span);
                if !built {
                    self.emit(Instr::BuildMap(pending));
                } else if pending > 0 {
                    self.emit(Instr::BuildMap(pending));
                    self.emit(Instr::DictUpdate);
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, CompKind::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, CompKind::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, CompKind::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, CompKind::Gen(elt))?
            }
            ExprKind::Lambda { params, body } => {
                let qualname = self.child_qualname("<lambda>");
                // `lambda: (yield)` is a generator function.
                let kind = if self.scope_has_yield(node_key(e)) {
                    CodeKind::Generator
                } else {
                    CodeKind::Function
                };
                self.make_function(
                    node_key(e),
                    "<lambda>",
                    &qualname,
                    kind,
                    params,
                    None,
                    e.span,
                    |g| {
                        g.expr(body)?;
                        g.emit(Instr::Return);
                        Ok(())
                    },
                )?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let jend = self.emit(Instr::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(jend);
            }
            ExprKind::Await(inner) => {
                if !self.is_async_context() {
                    let msg = if self.in_function() {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(err(msg, e.span));
                }
                self.expr(inner)?;
                self.set_span(e.span);
                self.await_top();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.span)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.set_span(e.span);
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.span)?;
                if matches!(
                    self.code.kind,
                    CodeKind::Coroutine | CodeKind::AsyncGenerator
                ) {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(v)?;
                self.set_span(e.span);
                self.emit(Instr::GetYieldFromIter);
                let at = self.here() as u32;
                self.emit(Instr::Send(at + 1));
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.assign(target)?;
            }
        }
        Ok(())
    }

    fn check_yield(&self, span: Span) -> Result<(), Diagnostic> {
        if !self.in_function() {
            return Err(err("'yield' outside function", span));
        }
        Ok(())
    }

    /// Emit the parts of an f-string; returns how many strings were pushed.
    /// Formatting is located at the whole f-string (`span`), as in CPython.
    fn fstring(&mut self, parts: &'a [FStringPart], span: Span) -> Result<u32, Diagnostic> {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    self.load_const(Const::str(s));
                    n += 1;
                }
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        self.load_const(Const::str(t));
                        n += 1;
                    }
                    self.expr(value)?;
                    let with_spec = match format_spec {
                        Some(spec) => {
                            let k = self.fstring(spec, span)?;
                            if k != 1 {
                                self.emit(Instr::BuildString(k));
                            }
                            true
                        }
                        None => false,
                    };
                    let conversion = conversion.map(|c| c as u8).unwrap_or(0);
                    self.set_span(span);
                    self.emit(Instr::FormatValue {
                        conversion,
                        with_spec,
                    });
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn sequence(&mut self, items: &'a [Expr], kind: SeqKind) -> Result<(), Diagnostic> {
        // Building is located at the whole display (the span on entry).
        let span = self.span;
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !has_star {
            // A set of three or more constants extends an empty set with the
            // frozenset CPython folds them into.
            if kind == SeqKind::Set && items.len() > 2 {
                if let Some(set) = constant_set(items) {
                    self.emit(Instr::BuildSet(0));
                    self.load_const(set);
                    self.emit(Instr::SetUpdate);
                    return Ok(());
                }
            }
            // A tuple of constants becomes one constant.
            if kind == SeqKind::Tuple && !items.is_empty() {
                if let Some(values) = items
                    .iter()
                    .map(|i| match &i.kind {
                        ExprKind::Constant(c) => Some(constant_value(c)),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
                {
                    self.load_const(Const::Tuple(values));
                    return Ok(());
                }
            }
            for i in items {
                self.expr(i)?;
            }
            let n = items.len() as u32;
            self.set_span(span);
            self.emit(match kind {
                SeqKind::List => Instr::BuildList(n),
                SeqKind::Tuple => Instr::BuildTuple(n),
                SeqKind::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        // Build incrementally into a list (or set), then convert.
        let mut pending = 0u32;
        let mut built = false;
        let extend = if kind == SeqKind::Set {
            Instr::SetUpdate
        } else {
            Instr::ListExtend
        };
        let build = |n| {
            if kind == SeqKind::Set {
                Instr::BuildSet(n)
            } else {
                Instr::BuildList(n)
            }
        };
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.set_span(span);
                    if !built || pending > 0 {
                        self.emit(build(pending));
                        if built {
                            self.emit(extend);
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(inner)?;
                    self.set_span(span);
                    self.emit(extend);
                }
                _ => {
                    self.expr(i)?;
                    pending += 1;
                }
            }
        }
        self.set_span(span);
        if pending > 0 {
            self.emit(build(pending));
            self.emit(extend);
        }
        if kind == SeqKind::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<(), Diagnostic> {
        self.expr(func)?;
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.name.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.set_span(e.span);
            let argc = (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call(argc));
            } else {
                let names: Vec<Const> = keywords
                    .iter()
                    .map(|k| Const::str(k.name.as_deref().unwrap_or("")))
                    .collect();
                let idx = self.const_index(Const::Tuple(names));
                self.emit(Instr::CallKw { argc, names: idx });
            }
            return Ok(());
        }
        // General form: build the positional tuple and the keyword dict,
        // located (like the call) at the whole call expression.
        self.set_span(e.span);
        self.sequence(args, SeqKind::Tuple)?;
        if keywords.is_empty() {
            self.load_const(Const::None);
        } else {
            let mut pending = 0u32;
            let mut built = false;
            for k in keywords {
                match &k.name {
                    Some(n) => {
                        self.load_const(Const::str(n));
                        self.expr(&k.value)?;
                        pending += 1;
                    }
                    None => {
                        self.set_span(e.span);
                        if !built || pending > 0 {
                            self.emit(Instr::BuildMap(pending));
                            if built {
                                self.emit(Instr::DictMerge);
                            }
                            built = true;
                            pending = 0;
                        }
                        self.expr(&k.value)?;
                        self.set_span(e.span);
                        self.emit(Instr::DictMerge);
                    }
                }
            }
            self.set_span(e.span);
            if pending > 0 {
                self.emit(Instr::BuildMap(pending));
                if built {
                    self.emit(Instr::DictMerge);
                }
            }
        }
        self.set_span(e.span);
        self.emit(Instr::CallEx);
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        generators: &'a [Comprehension],
        kind: CompKind<'a>,
    ) -> Result<(), Diagnostic> {
        let key = node_key(e);
        let scope_id = self.table.by_node[&key];
        let is_async = self.table.scopes[scope_id].has_await;
        let code_kind = match (&kind, is_async) {
            (CompKind::Gen(_), true) => CodeKind::AsyncGenerator,
            (CompKind::Gen(_), false) => CodeKind::Generator,
            (_, true) => CodeKind::Coroutine,
            (_, false) => CodeKind::Function,
        };
        if is_async && code_kind != CodeKind::AsyncGenerator && !self.is_async_context() {
            return Err(err(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        let qualname = self.child_qualname(name);
        let params: &'a Parameters = &NO_PARAMETERS;
        let first_iter = &generators[0].iter;
        self.make_function(key, name, &qualname, code_kind, params, None, e.span, |g| {
            g.code.argcount = 1;
            match kind {
                CompKind::List(_) => {
                    g.emit(Instr::BuildList(0));
                }
                CompKind::Set(_) => {
                    g.emit(Instr::BuildSet(0));
                }
                CompKind::Dict(..) => {
                    g.emit(Instr::BuildMap(0));
                }
                CompKind::Gen(_) => {}
            }
            g.comprehension_loop(generators, 0, &kind)?;
            if matches!(kind, CompKind::Gen(_)) {
                g.load_const(Const::None);
            }
            g.emit(Instr::Return);
            Ok(())
        })?;
        self.iterable(first_iter)?;
        self.set_span(e.span);
        self.emit(if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_async && code_kind != CodeKind::AsyncGenerator {
            self.await_top();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        generators: &'a [Comprehension],
        depth: usize,
        kind: &CompKind<'a>,
    ) -> Result<(), Diagnostic> {
        let g = &generators[depth];
        if depth == 0 {
            let i = self.local_index(".0");
            self.emit(Instr::LoadFast(i));
        } else {
            self.iterable(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        let start = self.here();
        let fi = if g.is_async {
            let handler = self.emit(Instr::SetupExcept(0));
            self.emit(Instr::GetANext);
            let at = self.here() as u32;
            self.emit(Instr::Send(at + 1));
            self.emit(Instr::PopBlock);
            handler
        } else {
            self.emit(Instr::ForIter(0))
        };
        self.assign(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if depth + 1 < generators.len() {
            self.comprehension_loop(generators, depth + 1, kind)?;
        } else {
            // The accumulator sits below every active iterator.
            let below = (depth + 2) as u32;
            match kind {
                CompKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(below));
                }
                CompKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(below));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(below));
                }
                CompKind::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch_to(s, start as u32);
        }
        self.emit(Instr::Jump(start as u32));
        self.patch(fi);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}

/// A comprehension's own parameter (`.0`) is added by hand.
static NO_PARAMETERS: Parameters = Parameters {
    posonly: Vec::new(),
    args: Vec::new(),
    vararg: None,
    kwonly: Vec::new(),
    kwarg: None,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// Where CPython 3.11 locates an assert's raise: its jump over the test
/// leaves the location at the last comparison it branched on (through
/// `and`, `or`, `not` and conditional expressions), else at the statement.
fn assert_raise_span(test: &Expr, statement: Span) -> Span {
    fn last_comparison(e: &Expr) -> Option<Span> {
        match &e.kind {
            ExprKind::Compare { .. } => Some(e.span),
            ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(last_comparison),
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => last_comparison(operand),
            ExprKind::IfExp { test, body, orelse } => [test, body, orelse]
                .into_iter()
                .rev()
                .find_map(|e| last_comparison(e)),
            _ => None,
        }
    }
    last_comparison(test).unwrap_or(statement)
}

fn constant_value(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => int_const(i.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Str(s) => Const::str(s),
        Constant::Bytes(b) => Const::Bytes(Rc::from(b.as_slice())),
        Constant::Ellipsis => Const::Ellipsis,
    }
}

fn int_const(i: num_bigint::BigInt) -> Const {
    use num_traits::ToPrimitive;
    match i.to_i64() {
        Some(small) => Const::Int(small),
        None => Const::BigInt(Rc::new(i)),
    }
}

/// The constant CPython's optimizer folds `e` into, if any: a literal, a
/// negated number, or a tuple of those.
fn folded_constant(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant(c) => Some(constant_value(c)),
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(c) => negate_constant(c),
            _ => None,
        },
        ExprKind::Tuple(items) => items
            .iter()
            .map(folded_constant)
            .collect::<Option<Vec<_>>>()
            .map(Const::Tuple),
        _ => None,
    }
}

/// A set display of constants as the frozenset CPython folds it into.
fn constant_set(items: &[Expr]) -> Option<Const> {
    items
        .iter()
        .map(folded_constant)
        .collect::<Option<Vec<_>>>()
        .map(Const::FrozenSet)
}

fn negate_constant(c: &Constant) -> Option<Const> {
    match c {
        Constant::Int(i) => Some(int_const(-i.clone())),
        Constant::Float(f) => Some(Const::Float(-f)),
        _ => None,
    }
}

fn describe_expr(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Await(_) => "await expression",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::BoolOp { .. } => "expression",
        _ => "expression",
    }
}
