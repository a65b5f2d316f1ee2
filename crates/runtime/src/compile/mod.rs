//! AST → bytecode.
//!
//! One `CodeGen` per code object (module, function, lambda, comprehension).
//! Control flow that leaves a `try`/`with`/`except` early (`return`,
//! `break`, `continue`) is compiled by replaying the enclosing blocks'
//! cleanup, as CPython does, so the VM's block stack stays simple.

mod annotations;
mod class;
pub mod code;
mod comprehensions;
mod control_flow;
mod expressions;
mod functions;
mod patterns;
mod resolve;
pub mod scope;
mod statements;
mod try_star;
mod unparse;

use std::collections::HashMap;
use std::rc::Rc;

use loopscope_syntax::ast::*;
use loopscope_syntax::{Diagnostic, DiagnosticKind};

use code::{Code, CodeKind, Const, ConstKey, Instr};
use scope::{ScopeTable, Storage};

/// Compile a parsed module. `filename` appears in tracebacks.
pub fn compile_module(module: &Module, filename: &str) -> Result<Code, Diagnostic> {
    let table = scope::analyse(module)?;
    module_code(&table, module, filename, TopLevel::Program)
}

/// Compile a module for `exec()`: its names are looked up and stored in the
/// frame's namespace (the locals `exec` is given), and `await` is outside
/// any function, as CPython's 'exec' mode has it.
pub fn compile_exec(module: &Module, filename: &str) -> Result<Code, Diagnostic> {
    let table = analyse_dynamic(module)?;
    module_code(&table, module, filename, TopLevel::Program)
}

/// Compile one interactive statement for `compile(..., 'single')`: as for
/// 'exec', but each expression statement outside any function or class hands
/// its value to `sys.displayhook`, and a leading string is such a value, not
/// a docstring.
pub fn compile_single(module: &Module, filename: &str) -> Result<Code, Diagnostic> {
    let table = analyse_dynamic(module)?;
    module_code(&table, module, filename, TopLevel::Interactive)
}

/// The scopes of code compiled at run time ('exec' and 'single' modes), where
/// `await` at the top level is outside any function.
fn analyse_dynamic(module: &Module) -> Result<ScopeTable, Diagnostic> {
    let table = scope::analyse_as(module, true)?;
    if table.scopes[0].has_await {
        let span = module.body.first().map(|s| s.span).unwrap_or_default();
        return Err(err("'await' outside function", span));
    }
    Ok(table)
}

/// Compile an expression for `eval()`: a module code object whose names live
/// in its namespace and which returns the expression's value.
pub fn compile_eval(expr: &Expr, filename: &str) -> Result<Code, Diagnostic> {
    let module = Module {
        body: vec![Stmt {
            kind: StmtKind::Expr(expr.clone()),
            span: expr.span,
        }],
    };
    let table = scope::analyse_as(&module, true)?;
    if table.scopes[0].has_await {
        return Err(err("'await' outside function", expr.span));
    }
    let StmtKind::Expr(expr) = &module.body[0].kind else {
        unreachable!("the module was made of this expression statement");
    };
    let filename: Rc<str> = Rc::from(filename);
    let mut g = CodeGen::new(
        &table,
        0,
        "<module>",
        "<module>",
        CodeKind::Module,
        filename,
        1,
    );
    g.set_span(expr.span);
    g.expr(expr)?;
    g.emit(Instr::Return);
    Ok(g.finish())
}

/// What a module's top-level statements are: a program's (or `exec`'s), whose
/// leading string is its docstring, or one interactive statement, whose
/// expression statements display their values.
#[derive(Clone, Copy, PartialEq)]
enum TopLevel {
    Program,
    Interactive,
}

fn module_code(
    table: &ScopeTable,
    module: &Module,
    filename: &str,
    top_level: TopLevel,
) -> Result<Code, Diagnostic> {
    let filename: Rc<str> = Rc::from(filename);
    let root = &table.scopes[0];
    let kind = if root.has_await {
        CodeKind::AsyncModule
    } else {
        CodeKind::Module
    };
    let mut g = CodeGen::new(table, 0, "<module>", "<module>", kind, filename, 1);
    g.interactive = top_level == TopLevel::Interactive;
    if let Some(first) = module.body.first() {
        g.set_span(first.span);
    }
    g.setup_annotations(&module.body);
    let docstring = match top_level {
        TopLevel::Program => class::docstring(&module.body),
        TopLevel::Interactive => None,
    };
    let statements = match docstring {
        Some((text, span)) => {
            g.set_span(span);
            g.load_const(Const::str(text));
            g.store_name("__doc__");
            &module.body[1..]
        }
        None => &module.body[..],
    };
    for s in statements {
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
    /// Where each name, local and constant already is in `code.names`,
    /// `code.varnames` and `code.consts`, so that compiling a function of
    /// 100,000 names or constants stays linear (issue 10).
    name_slots: HashMap<Rc<str>, u32>,
    local_slots: HashMap<Rc<str>, u32>,
    const_slots: HashMap<ConstKey, u32>,
    /// 'single' mode's top level: expression statements display their value.
    interactive: bool,
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
        let mut local_slots: HashMap<Rc<str>, u32> = HashMap::new();
        if !s.is_module {
            for p in &s.params {
                let p: Rc<str> = Rc::from(p.as_str());
                local_slots
                    .entry(p.clone())
                    .or_insert(varnames.len() as u32);
                varnames.push(p);
            }
            // `order` lists exactly the names in `bound`.
            let mut names: Vec<&String> = s.order.iter().collect();
            let mut rest: Vec<&String> =
                s.storage.keys().filter(|n| !s.bound.contains(*n)).collect();
            rest.sort();
            names.extend(rest);
            for n in names {
                match s.storage_of(n) {
                    Storage::Local => {
                        if !local_slots.contains_key(n.as_str()) {
                            let n: Rc<str> = Rc::from(n.as_str());
                            local_slots.insert(n.clone(), varnames.len() as u32);
                            varnames.push(n);
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
            name_slots: HashMap::new(),
            local_slots,
            const_slots: HashMap::new(),
            interactive: false,
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
        let key = v.identity();
        if let Some(i) = key.as_ref().and_then(|key| self.const_slots.get(key)) {
            return *i;
        }
        let i = self.code.consts.len() as u32;
        self.code.consts.push(v);
        if let Some(key) = key {
            self.const_slots.insert(key, i);
        }
        i
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.name_slots.get(name) {
            return *i;
        }
        let name: Rc<str> = Rc::from(name);
        let i = self.code.names.len() as u32;
        self.code.names.push(name.clone());
        self.name_slots.insert(name, i);
        i
    }

    /// The name slot of attribute `attr`, mangled if it is private.
    fn attr_index(&mut self, attr: &str) -> u32 {
        let attr = self.table.scopes[self.scope].mangle(attr).into_owned();
        self.name_index(&attr)
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
        if let Some(i) = self.local_slots.get(name) {
            return *i;
        }
        let name: Rc<str> = Rc::from(name);
        let i = self.code.varnames.len() as u32;
        self.code.varnames.push(name.clone());
        self.local_slots.insert(name, i);
        i
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
        let name = &*self.table.scopes[self.scope].mangle(name).into_owned();
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

    // ----- expressions -----
}

/// A comprehension's own parameter (`.0`) is added by hand.
static NO_PARAMETERS: Parameters = Parameters {
    posonly: Vec::new(),
    args: Vec::new(),
    vararg: None,
    kwonly: Vec::new(),
    kwarg: None,
};

fn constant_value(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Int(i) => int_const(i.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Imaginary(f) => Const::Complex(0.0, *f),
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
        // A complex literal, `1 + 2j` (as in a pattern).
        ExprKind::BinOp {
            left,
            op: op @ (BinOp::Add | BinOp::Sub),
            right,
        } => {
            let real = match folded_constant(left)? {
                Const::Int(i) => i as f64,
                Const::Float(f) => f,
                _ => return None,
            };
            let ExprKind::Constant(Constant::Imaginary(imag)) = right.kind else {
                return None;
            };
            // As complex arithmetic computes it: `-0.0 + 0j` is `0j`.
            Some(match op {
                BinOp::Add => Const::Complex(real + 0.0, 0.0 + imag),
                _ => Const::Complex(real - 0.0, 0.0 - imag),
            })
        }
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
        Constant::Imaginary(f) => Some(Const::Complex(-0.0, -f)),
        _ => None,
    }
}
