//! Bytecode: the instruction set and the code object the compiler emits.
//!
//! A stack machine in the spirit of CPython's (close enough that a reader of
//! `dis` output feels at home), with a block stack for exception handling.
//! Every instruction has a source span for tracebacks, carets and the trace.

use std::rc::Rc;

use loopscope_syntax::ast::{BinOp, CmpOp, Span, UnaryOp};

use num_bigint::BigInt;

/// One instruction. Operands are indexes into the code object's tables
/// (`consts`, `names`, local slots) or jump targets (instruction indexes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    Pop,
    /// Interactive mode's expression statement: pop the value and hand it
    /// to `sys.displayhook` (CPython's PRINT_EXPR).
    PrintExpr,
    Dup,
    /// Duplicate the two top items (`a b` → `a b a b`).
    Dup2,
    /// Swap the top two items.
    Rot2,
    /// Push a copy of the `n`th item (1 is the top), CPython's COPY.
    Copy(u32),
    /// Swap the top with the `n`th item (2 is the one below), CPython's SWAP.
    Swap(u32),
    /// `a b c` → `c a b` (top moves down two).
    Rot3,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// A class body's name: its namespace, then the globals, the builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// Cells and free variables share one index space: cells first.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadClosure(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// `n` strings (f-string parts).
    BuildString(u32),
    /// Append TOS to the list `n` items down (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    /// Store TOS (value) under TOS1 (key) in the dict `n` items below.
    MapAdd(u32),
    /// TOS1.extend(TOS) for `[*a, *b]`.
    ListExtend,
    SetUpdate,
    /// `{**a}`: merge TOS into the dict TOS1.
    DictUpdate,
    /// Like DictUpdate but for call `**kwargs`: duplicate keys are an error.
    DictMerge,
    ListToTuple,
    /// Format TOS for an f-string. conversion: 0 none, b's', b'r', b'a';
    /// when `with_spec`, the spec string is TOS and the value TOS1.
    FormatValue {
        conversion: u8,
        with_spec: bool,
    },
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Advance the iterator at TOS; at exhaustion pop it and jump.
    ForIter(u32),
    UnpackSequence(u32),
    /// `a, *b, c = ...`: counts before and after the starred target.
    UnpackEx {
        before: u16,
        after: u16,
    },
    /// Call with `argc` positional arguments.
    Call(u32),
    /// Call with `argc` arguments, of which the last `len(consts[names])` are
    /// keyword arguments named by the tuple constant.
    CallKw {
        argc: u32,
        names: u32,
    },
    /// Call with a tuple of positional args (TOS1) and a dict of keyword args (TOS)
    /// or None; TOS2 is the callable.
    CallEx,
    /// `class`: TOS has `argc` bases and keyword values (the last
    /// `len(consts[names])` are keywords named by that tuple constant, or
    /// none when `names` is `u32::MAX`); below them the class name and the
    /// class body's function. Runs the body, then creates the class.
    BuildClass {
        argc: u32,
        names: u32,
    },
    /// Build a function from `functions[code]`. With the flags: defaults tuple,
    /// kw-defaults dict, annotations (a tuple of name, value pairs,
    /// flattened), closure tuple, in that order from below.
    MakeFunction {
        code: u32,
        defaults: bool,
        kwdefaults: bool,
        annotations: bool,
        closure: bool,
    },
    /// Give the module or class body being run an `__annotations__` dict,
    /// unless it has one.
    SetupAnnotations,
    Return,
    /// Yield TOS to whoever resumed this generator.
    YieldValue,
    /// Turn TOS into something `Send` can drive (`await` operand check).
    GetAwaitable,
    /// `yield from` operand: an iterator.
    GetYieldFromIter,
    /// `async for`: replace TOS with `aiter(TOS)`.
    GetAIter,
    /// `async for`: push the awaitable of `anext(TOS)`, keeping TOS.
    GetANext,
    /// The handler of an `async for`'s `anext`: StopAsyncIteration (TOS)
    /// ends the loop, dropping the iterator below it; anything else is
    /// re-raised.
    EndAsyncFor,
    /// Drive the awaitable/iterator at TOS until it finishes; its result
    /// replaces it and execution continues at the target. While it is
    /// suspended, this frame is suspended at this instruction.
    Send(u32),
    /// Push a handler: on an exception, unwind the value stack to the
    /// current depth, push the exception and jump to the target.
    SetupExcept(u32),
    /// Like SetupExcept but for `finally:` (the handler re-raises at the end).
    SetupFinally(u32),
    /// Like SetupExcept, for a `with` body: the handler's stack depth excludes
    /// TOS, the value `__enter__` returned (stored by the body's first step).
    SetupWith(u32),
    PopBlock,
    /// Leave an `except` handler: forget the exception being handled.
    PopExcept,
    /// `raise` (0), `raise exc` (1), `raise exc from cause` (2).
    Raise(u8),
    /// Re-raise the exception at TOS without adding a traceback entry.
    Reraise,
    /// TOS1 is an exception, TOS a class or tuple: push whether it matches.
    CheckExcMatch,
    LoadAssertionError,
    /// Entering `except*` clauses with the exception at TOS: push an empty
    /// list (what the clauses raise) and the exception again (the part no
    /// clause has taken yet).
    BeginExceptStar,
    /// One `except*` clause: TOS is its class (or tuple), TOS1 the part not
    /// taken yet. TOS1 becomes what remains; what the clause takes is pushed
    /// (and becomes the exception being handled), or, when it takes nothing,
    /// execution jumps to the target (CPython's CHECK_EG_MATCH).
    CheckEgMatch(u32),
    /// After the `except*` clauses: TOS2 the original exception, TOS1 the
    /// list of what the clauses raised, TOS the part none took. They make
    /// way for the exception to re-raise, or, when there is none, execution
    /// jumps to the target (CPython's PREP_RERAISE_STAR).
    PrepReraiseStar(u32),
    /// `import a.b`: import `names[n]` and push the top-level package `a`.
    ImportName(u32),
    /// `from a.b import x`: import `names[n]` and push that module itself.
    ImportModule(u32),
    /// Load attribute `names[n]` of the module at TOS, keeping the module.
    ImportFrom(u32),
    ImportStar,
    /// `match`: push `len(TOS)`, keeping TOS.
    GetLen,
    /// `match`: push whether TOS is a sequence a sequence pattern matches
    /// (not a str, bytes or bytearray), keeping TOS.
    MatchSequence,
    /// `match`: push whether TOS is a mapping, keeping TOS.
    MatchMapping,
    /// `match`: TOS a tuple of keys, TOS1 a mapping: push a tuple of their
    /// values, or None when one is missing (CPython's MATCH_KEYS).
    MatchKeys,
    /// `match`: TOS a tuple of keys, TOS1 a mapping: replace both with a
    /// dict of the mapping's other items (`**rest`).
    CopyDictWithoutKeys,
    /// `match`: TOS the keyword attribute names, TOS1 a class, TOS2 the
    /// subject: replace them with the tuple of the `n` positional and the
    /// keyword attributes, or None when the subject does not match
    /// (CPython's MATCH_CLASS).
    MatchClass(u32),
    /// `with`: TOS is the context manager; push its exit and the result of enter.
    WithEnter,
    /// `async with`: like WithEnter but `__aenter__`'s awaitable is pushed.
    AsyncWithEnter,
    /// Call the exit function under the stack's top with (None, None, None)
    /// (normal exit); for `async with` it pushes the awaitable.
    WithExitNormal {
        is_async: bool,
    },
    /// In a with-handler: call exit(type, exc, tb) with the exception at TOS;
    /// push whether it suppressed the exception (awaitable for async).
    WithExitExcept {
        is_async: bool,
    },
    /// Pop a boolean: if true, the exception is suppressed (pop handler
    /// state); otherwise re-raise it.
    WithSuppressOrReraise,
}

/// A constant of a code object, as the compiler folds it. The compiler knows
/// no runtime values: the VM turns these into values once, when it loads the
/// code (`object::code::CodeObject`).
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An int outside `i64`.
    BigInt(Rc<BigInt>),
    Float(f64),
    /// A complex number: its real and imaginary parts.
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A set display of constants, folded into a frozenset.
    FrozenSet(Vec<Const>),
}

impl Const {
    pub fn str(s: &str) -> Const {
        Const::Str(Rc::from(s))
    }

    /// What makes two constants the same one, as a hash key: constants are shared
    /// only when they are the same value of the same type (`1`, `1.0` and `True`
    /// stay distinct, as in CPython); `None` for those never shared (tuples, bytes...).
    pub fn identity(&self) -> Option<ConstKey> {
        Some(match self {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(n) => ConstKey::Int(*n),
            Const::Float(x) => ConstKey::Float(x.to_bits()),
            Const::Complex(x, y) => ConstKey::Complex(x.to_bits(), y.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::BigInt(n) => ConstKey::BigInt(n.clone()),
            _ => return None,
        })
    }
}

/// A shared constant's identity: its type and value (a float by its bits).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    BigInt(Rc<BigInt>),
}

/// What kind of function a code object implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Generator,
    Coroutine,
    /// A module body that uses top-level `await` (notebook style).
    AsyncModule,
    /// A class body: its names live in the class namespace.
    ClassBody,
    /// `async def` with `yield`.
    AsyncGenerator,
}

/// A compiled function body (or the module body).
#[derive(Debug)]
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub kind: CodeKind,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// Source span of each instruction (same length as `instrs`).
    pub spans: Vec<Span>,
    pub consts: Vec<Const>,
    /// Code objects of nested functions, lambdas and comprehensions.
    pub functions: Vec<Code>,
    pub names: Vec<Rc<str>>,
    /// Local variable names; parameters first.
    pub varnames: Vec<Rc<str>>,
    /// Variables of this frame captured by inner functions.
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, its local index.
    pub cell_params: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// A function's docstring (its `__doc__`).
    pub doc: Option<Rc<str>>,
}

impl Code {
    /// The `pc` a traceback records for a frame that has run no instruction (a
    /// generator or coroutine thrown into, or cancelled, before it started): its
    /// line is the definition's (`first_line`), shown without carets, where
    /// CPython's frame stands at its `RESUME`.
    pub const NOT_STARTED: usize = u32::MAX as usize;

    pub fn line_of(&self, pc: usize) -> u32 {
        self.spans
            .get(pc)
            .map(|s| s.start.line)
            .unwrap_or(self.first_line)
    }
    pub fn span_of(&self, pc: usize) -> Span {
        self.spans.get(pc).copied().unwrap_or_default()
    }
    /// The body of a function (not a module's or a class's).
    pub fn is_function(&self) -> bool {
        !matches!(
            self.kind,
            CodeKind::Module | CodeKind::AsyncModule | CodeKind::ClassBody
        )
    }

    pub fn is_generator_like(&self) -> bool {
        matches!(
            self.kind,
            CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator
        )
    }
}
