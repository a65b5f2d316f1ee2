//! `_sre`: the matcher under `re`. CPython's `re` package (its parser and
//! compiler, `python/re/`) compiles a pattern to SRE code; this module runs
//! that code with `rustpython-sre_engine`, a port of CPython's `_sre.c`
//! matcher (same opcodes as 3.11), through one function, `_run`. Its Python
//! half (`python/_sre.py`) holds what `_sre.c` builds on that: `compile`,
//! the `Pattern` and `Match` types, the scanner and the case helpers.

use std::rc::Rc;

use loopscope_sre::{IndexedStr, Request, State, StrDrive};

use crate::builtins::args::{count_range, index_arg, no_kwargs};
use crate::iterators;
use crate::object::char_index;
use crate::object::exceptions::{exc, type_error};
use crate::object::types::type_of;
use crate::object::types::TypeId;
use crate::object::value::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;

/// What CPython 3.11's `re._constants.MAGIC` expects: the engine's opcodes
/// are 3.11's (it declares 3.12's number, whose opcode table is the same).
const MAGIC: i64 = 20220615;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const FUNCTIONS: &[(&str, NativeFn)] = &[("_run", run), ("_validate", validate)];
    let m = super::native_module("_sre", "", FUNCTIONS);
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert_str("MAGIC", Value::Int(MAGIC));
        attrs.insert_str("CODESIZE", Value::Int(4));
        attrs.insert_str("MAXREPEAT", Value::Int(i64::from(u32::MAX)));
        attrs.insert_str("MAXGROUPS", Value::Int(i64::from(u32::MAX / 4)));
    }
    vm.run_library_file(&m, library_file!("modules/python/_sre.py"))?;
    Ok(m)
}

/// How `_run` looks for a match: at `pos` (`match`), at `pos` up to
/// `endpos` (`fullmatch`), or anywhere from `pos` (`search`).
#[derive(Clone, Copy)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// `_run(code, string, pos, endpos, mode, must_advance)`: `None`, or
/// `(start, end, lastindex, marks)` where `marks` lists each group's start
/// and end in turn (`-1` where a group did not take part), positions in
/// characters for a str and in bytes for bytes. `mode` is 0 (match),
/// 1 (fullmatch) or 2 (search); `must_advance` refuses an empty match at
/// `pos` (the scanner's next search after an empty match).
fn run(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_run", &args)?;
    count_range("_run", &args, 6, 6)?;
    let code: Vec<u32> = iterators::collect(vm, &args.pos[0])?
        .iter()
        .map(|c| index_arg(crate::object::instance::payload(c)).map(|c| c as u32))
        .collect::<PyResult<_>>()?;
    let pos = index_arg(&args.pos[2])?.max(0) as usize;
    let endpos = index_arg(&args.pos[3])?.max(0) as usize;
    let mode = match index_arg(&args.pos[4])? {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let must_advance = crate::ops::truthy(vm, &args.pos[5])?;
    let mut state = State::default();
    state.step_limit = vm.native_work_left();
    let found = match &args.pos[1] {
        // A long str comes with its character index (`object/char_index.rs`); an ASCII
        // one is read as its bytes: the same characters at the same positions. Reading
        // plain UTF-8 costs the whole text before the start position on every call
        // (findall over 20,000 words took minutes).
        Value::Str(s) => match char_index::index_of(s) {
            Some(index) if index.ascii => run_on(
                &mut state,
                s.as_bytes(),
                &code,
                pos,
                endpos,
                mode,
                must_advance,
            ),
            Some(index) => {
                let string = IndexedStr {
                    text: s,
                    chars: index.chars,
                    offsets: &index.offsets,
                };
                run_on(&mut state, string, &code, pos, endpos, mode, must_advance)
            }
            None if s.is_ascii() => run_on(
                &mut state,
                s.as_bytes(),
                &code,
                pos,
                endpos,
                mode,
                must_advance,
            ),
            None => run_on(
                &mut state,
                s.as_str(),
                &code,
                pos,
                endpos,
                mode,
                must_advance,
            ),
        },
        Value::Bytes(b) => run_on(&mut state, &**b, &code, pos, endpos, mode, must_advance),
        other => {
            return Err(type_error(format!(
                "expected string or bytes-like object, got '{}'",
                type_of(other).name()
            )))
        }
    };
    // A match's steps count as instructions: a pattern that backtracks
    // catastrophically stops at the instruction budget, as a loop would.
    vm.count_native_work(state.steps)?;
    if state.exhausted() {
        vm.check_limits()?;
    }
    Ok(if found {
        found_value(&state)
    } else {
        Value::None
    })
}

fn run_on<S: StrDrive>(
    state: &mut State,
    string: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
) -> bool {
    let mut request = Request::new(string, pos, endpos, code, matches!(mode, Mode::FullMatch));
    request.must_advance = must_advance;
    match mode {
        Mode::Search => state.search(request),
        Mode::Match | Mode::FullMatch => state.pymatch(&request),
    }
}

/// `_validate(code, groups)`: whether `_sre.compile` may make a pattern of `code` (a
/// list of ints) with `groups` groups, as `_sre.c`'s `_validate` decides; its words
/// must fit 32 bits, with CPython's OverflowErrors.
fn validate(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    no_kwargs("_validate", &args)?;
    count_range("_validate", &args, 2, 2)?;
    let mut code = Vec::new();
    for word in iterators::collect(vm, &args.pos[0])? {
        let word = crate::object::instance::payload(&word);
        let value = match word {
            Value::BigInt(big) if big.sign() == num_bigint::Sign::Minus => None,
            Value::BigInt(_) => Some(u64::MAX),
            _ => u64::try_from(index_arg(word)?).ok(),
        };
        let Some(value) = value else {
            return Err(exc(
                TypeId::OverflowError,
                "can't convert negative value to unsigned int",
            ));
        };
        code.push(u32::try_from(value).map_err(|_| {
            exc(
                TypeId::OverflowError,
                "regular expression code size limit exceeded",
            )
        })?);
    }
    let groups = index_arg(&args.pos[1])?;
    let valid = usize::try_from(groups).is_ok_and(|groups| loopscope_sre::is_valid(&code, groups));
    Ok(Value::Bool(valid))
}

/// `(start, end, lastindex, marks)` of a match that was found.
fn found_value(state: &State) -> Value {
    let marks = (state.marks.raw().iter())
        .map(|mark| {
            Value::Int(if mark.is_some() {
                mark.unpack() as i64
            } else {
                -1
            })
        })
        .collect();
    Value::tuple(vec![
        Value::Int(state.start as i64),
        Value::Int(state.cursor.position as i64),
        Value::Int(state.marks.last_index() as i64),
        Value::tuple(marks),
    ])
}
