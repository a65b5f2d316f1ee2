//! `random`: CPython 3.11's `random` with `loopscope_cpython`'s bit-exact
//! algorithms. Each function is both a module-level function, over the
//! module's generator (seeded with the run's seed at first use), and a
//! method of `random.Random`, whose instances have generators of their own.
//! `Random` can be subclassed (the instance's payload is its generator); a
//! subclass that makes its own numbers gets CPython's Python methods.

use std::cell::RefCell;
use std::rc::Rc;

use loopscope_cpython::random::{PyRandom, Rounds, Seed, Weights};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::ToPrimitive;

use crate::builtins::args::{count_range, index_arg, reject_kwargs};
use crate::format::int_value;
use crate::iterators;
use crate::object::dict::hash_value;
use crate::object::exceptions::cpython_error;
use crate::object::exceptions::{type_error, value_error};
use crate::object::native::{downcast, NativeObject};
use crate::object::types::{type_of, TypeId, TypeRef};
use crate::object::value::{address_of_ptr, Args, Module, NativeFn, PyResult, Value};
use crate::ops;
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let slots = vm.slots.get_mut(TypeId::Random);
    slots.methods = METHODS;
    slots.construct = Some(construct);
    let m = super::native_module("random", stdlib_path!("random.py"), FUNCTIONS);
    m.attrs
        .borrow_mut()
        .insert_str("Random", Value::Type(TypeRef::Builtin(TypeId::Random)));
    super::set_all(&m, ALL);
    Ok(m)
}

/// CPython's `random.__all__` (less what Loopscope lacks: docs/differences.md).
const ALL: &[&str] = &[
    "Random",
    "SystemRandom",
    "betavariate",
    "choice",
    "choices",
    "expovariate",
    "gammavariate",
    "gauss",
    "getrandbits",
    "getstate",
    "lognormvariate",
    "normalvariate",
    "paretovariate",
    "randbytes",
    "randint",
    "random",
    "randrange",
    "sample",
    "seed",
    "setstate",
    "shuffle",
    "triangular",
    "uniform",
    "vonmisesvariate",
    "weibullvariate",
];

/// The module's `__getattr__`: `SystemRandom`, from the Python half.
fn module_getattr(vm: &mut Vm, _: &Value, args: Args) -> PyResult<Value> {
    let name = crate::builtins::args::exactly_one("__getattr__", &args)?;
    if matches!(&name, Value::Str(n) if &**n == "SystemRandom") {
        let half = vm.import("_random_methods")?;
        return crate::attrs::get_attr(vm, &half, "SystemRandom");
    }
    Err(crate::object::exceptions::exc(
        TypeId::AttributeError,
        format!(
            "module 'random' has no attribute '{}'",
            crate::repr::str_value(&name)?
        ),
    ))
}

/// The methods of `Random`: the module's functions, those built on
/// `random()` and `getrandbits()` run by CPython's Python code (the module's
/// Python half) for an instance whose class defines its own `random`,
/// `getrandbits` or `_randbelow`, as CPython's methods then use them.
macro_rules! methods {
    (core: $($core:ident),*; derived: $($derived:ident),* $(,)?) => {
        const METHODS: &[(&str, NativeFn)] = &[
            ("__init__", init),
            $((stringify!($core), $core),)*
            $((stringify!($derived), {
                fn method(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
                    match python_method(vm, recv, stringify!($derived))? {
                        Some(method) => vm.call_method(&method, recv, args),
                        None => $derived(vm, recv, args),
                    }
                }
                method
            }),)*
        ];
    };
}

methods!(
    core: seed, random, getstate, setstate, getrandbits;
    derived: randint, randrange, choice, choices, shuffle, sample, uniform, triangular, gauss,
    normalvariate, expovariate, lognormvariate, paretovariate, weibullvariate, vonmisesvariate,
    gammavariate, betavariate, randbytes,
);

/// The Python version of method `name` when `recv` is an instance of a
/// class that makes its own random numbers (CPython's `__init_subclass__`
/// looks for the same three names).
fn python_method(vm: &mut Vm, recv: &Value, name: &str) -> PyResult<Option<Value>> {
    let Value::Instance(instance) = recv else {
        return Ok(None);
    };
    let class = instance.class.borrow().clone();
    let own = TypeRef::Class(class).mro().into_iter().any(|t| match t {
        TypeRef::Class(c) => {
            let dict = c.dict.borrow();
            ["random", "getrandbits", "_randbelow"]
                .iter()
                .any(|n| dict.get_str(n).is_some())
        }
        TypeRef::Builtin(_) => false,
    });
    if !own {
        return Ok(None);
    }
    let half = vm.import("_random_methods")?;
    let methods = crate::attrs::get_attr(vm, &half, "_python_methods")?;
    crate::ops::get_item(vm, &methods, &Value::str(name)).map(Some)
}

/// `Random.__init__(self, x=None)`, which a subclass's `__init__` calls:
/// `self.seed(x)` (the subclass's own `seed` if it has one) and
/// `self.gauss_next = None`, as CPython's Python `Random` does.
fn init(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let x = args.take_kw("x");
    reject_kwargs("__init__", &args)?;
    let x = args.pos.pop().or(x).unwrap_or(Value::None);
    let seed = crate::attrs::get_attr(vm, recv, "seed")?;
    vm.call(&seed, Args::new(vec![x]))?;
    if let Value::Instance(_) = recv {
        crate::attrs::set_attr(vm, recv, "gauss_next", Value::None)?;
    }
    Ok(Value::None)
}

/// The functions of the module, which are also the methods of `Random`.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("__getattr__", module_getattr),
    ("seed", seed),
    ("random", random),
    ("randint", randint),
    ("randrange", randrange),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("triangular", triangular),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("expovariate", expovariate),
    ("lognormvariate", lognormvariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("vonmisesvariate", vonmisesvariate),
    ("gammavariate", gammavariate),
    ("betavariate", betavariate),
    ("getstate", getstate),
    ("setstate", setstate),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
];

/// The seed used when a program never seeds `random` (and `--seed` is not
/// given), and by `random.seed(None)`.
pub const DEFAULT_SEED: u64 = 0;

/// A generator: the module's own, or a `random.Random` instance.
pub struct Generator {
    state: RefCell<PyRandom>,
}

impl Generator {
    fn seeded(seed: u64) -> Generator {
        Generator {
            state: RefCell::new(PyRandom::new(Seed::Int(&BigInt::from(seed)))),
        }
    }
}

impl NativeObject for Generator {
    fn class_id(&self) -> TypeId {
        TypeId::Random
    }

    fn repr(&self) -> String {
        let address = address_of_ptr(self as *const Generator as usize);
        format!("<random.Random object at {address:#x}>")
    }
}

/// The generator a call uses: the `Random` instance it is a method of, or
/// the module's, seeded with the run's seed before first use.
fn generator(vm: &mut Vm, recv: &Value) -> Rc<Generator> {
    if let Some(own) = downcast::<Generator>(crate::object::instance::payload(recv)) {
        return own;
    }
    let seed = vm.seed;
    vm.states
        .get_or_init(|| Rc::new(Generator::seeded(seed)))
        .clone()
}

/// `random.Random(x=None)`: a generator of its own, seeded as by
/// `seed(x)`. CPython seeds `Random()` from the operating system's entropy;
/// here, as for the module, that is the run's seed, so runs repeat.
fn construct(vm: &mut Vm, _: TypeId, mut args: Args) -> PyResult<Value> {
    let x = args.take_kw("x");
    if let Some((name, _)) = args.kw.first() {
        return Err(type_error(format!(
            "Random.__init__() got an unexpected keyword argument '{name}'"
        )));
    }
    if args.pos.len() > 1 {
        return Err(type_error(format!(
            "Random.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.pos.len() + 1
        )));
    }
    if !args.pos.is_empty() && x.is_some() {
        return Err(type_error(
            "Random.__init__() got multiple values for argument 'x'",
        ));
    }
    let value = Value::Native(Rc::new(Generator::seeded(vm.seed)));
    if let Some(x) = args.pos.pop().or(x) {
        seed(vm, &value, Args::new(vec![x]))?;
    }
    Ok(value)
}

fn seed(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let a_kw = args.take_kw("a");
    args.take_kw("version");
    reject_kwargs("seed", &args)?;
    count_range("seed", &args, 0, 2)?;
    let a = args.pos.first().cloned().or(a_kw).unwrap_or(Value::None);
    let big;
    let seed =
        match &a {
            Value::None => {
                big = BigInt::from(DEFAULT_SEED);
                Seed::Int(&big)
            }
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                big = int_value(&a).unwrap_or_default();
                Seed::Int(&big)
            }
            Value::Float(f) if f.is_nan() => Seed::Hash(0),
            Value::Float(f) => Seed::Float(*f),
            Value::Str(s) => Seed::Str(s),
            Value::Bytes(b) => Seed::Bytes(b),
            Value::Tuple(_) | Value::Range(_) | Value::Ellipsis => Seed::Hash(hash_value(&a)?),
            _ => return Err(type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            )),
        };
    generator(vm, recv).state.borrow_mut().seed(seed);
    Ok(Value::None)
}

fn no_args(name: &str, args: &Args) -> PyResult<()> {
    crate::builtins::args::no_args(name, args)
}

fn random(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("random", &args)?;
    Ok(Value::Float(
        generator(vm, recv).state.borrow_mut().random(),
    ))
}

/// An int argument of `randrange`: integral floats pass (3.11's deprecated
/// path), others raise CPython's errors.
fn range_arg(v: &Value, which: &str) -> PyResult<BigInt> {
    if let Some(n) = int_value(v) {
        return Ok(n);
    }
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => {
            loopscope_cpython::float_repr::float_to_int(*f).map_err(cpython_error)
        }
        Value::Float(_) => Err(value_error(format!("non-integer {which} for randrange()"))),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(other).name()
        ))),
    }
}

fn randrange(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let start_kw = args.take_kw("start");
    let stop_kw = args.take_kw("stop");
    let step_kw = args.take_kw("step");
    reject_kwargs("randrange", &args)?;
    let mut pos = args.pos.into_iter();
    let Some(start) = pos.next().or(start_kw) else {
        return Err(type_error(
            "Random.randrange() missing 1 required positional argument: 'start'",
        ));
    };
    let stop = pos.next().or(stop_kw).filter(|v| !v.is_none());
    let step = pos.next().or(step_kw);
    let start = range_arg(&start, "arg 1")?;
    let stop = stop.map(|s| range_arg(&s, "stop")).transpose()?;
    let step = step.map(|s| range_arg(&s, "step")).transpose()?;
    let r = generator(vm, recv)
        .state
        .borrow_mut()
        .randrange(&start, stop.as_ref(), step.as_ref())
        .map_err(cpython_error)?;
    Ok(Value::from_bigint(r))
}

fn randint(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("randint", &args, 2, 2)?;
    let a = range_arg(&args.pos[0], "arg 1")?;
    let b = range_arg(&args.pos[1], "stop")?;
    let r = generator(vm, recv)
        .state
        .borrow_mut()
        .randint(&a, &b)
        .map_err(cpython_error)?;
    Ok(Value::from_bigint(r))
}

/// The items of a sequence argument (`choice`, `sample`, `choices`).
fn sequence(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<Value>> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_) => {
            iterators::collect(vm, v)
        }
        Value::Set(_) | Value::Dict(_) if what == "sample" => Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        )),
        Value::Dict(d) => {
            // `choice(d)` indexes the dict: d[i] for an int i.
            let len = d.borrow().len();
            let mut out = Vec::with_capacity(len);
            for i in 0..len {
                out.push(ops::get_item(vm, v, &Value::Int(i as i64))?);
            }
            Ok(out)
        }
        other => Err(type_error(format!(
            "object of type '{}' has no len()",
            type_of(other).name()
        ))),
    }
}

fn choice(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("choice", &args, 1, 1)?;
    if let Value::Dict(d) = &args.pos[0] {
        // CPython indexes the dict with the chosen int.
        let len = d.borrow().len();
        let i = generator(vm, recv)
            .state
            .borrow_mut()
            .choice(len)
            .map_err(cpython_error)?;
        return ops::get_item(vm, &args.pos[0], &Value::Int(i as i64));
    }
    let items = sequence(vm, &args.pos[0], "choice")?;
    let i = generator(vm, recv)
        .state
        .borrow_mut()
        .choice(items.len())
        .map_err(cpython_error)?;
    Ok(items[i].clone())
}

fn float_list(vm: &mut Vm, v: &Value, cumulative: bool) -> PyResult<Vec<f64>> {
    let items = iterators::collect(vm, v)?;
    let mut out = Vec::with_capacity(items.len());
    let mut acc: Option<Value> = None;
    for item in items {
        // Python's itertools.accumulate: exact int sums, floats as floats.
        let total = if cumulative {
            item
        } else {
            match acc {
                None => item,
                Some(a) => ops::binary_op(vm, loopscope_syntax::ast::BinOp::Add, &a, &item)?,
            }
        };
        out.push(ops::to_float(&total)?);
        acc = Some(total);
    }
    Ok(out)
}

fn choices(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let population_kw = args.take_kw("population");
    let weights_kw = args.take_kw("weights");
    let cum_kw = args.take_kw("cum_weights");
    let k_kw = args.take_kw("k");
    reject_kwargs("choices", &args)?;
    let mut pos = args.pos.into_iter();
    let Some(population) = pos.next().or(population_kw) else {
        return Err(type_error(
            "Random.choices() missing 1 required positional argument: 'population'",
        ));
    };
    let weights = pos.next().or(weights_kw).filter(|w| !w.is_none());
    let cum = cum_kw.filter(|w| !w.is_none());
    let k = match k_kw {
        Some(v) => index_arg(&v)?.max(0) as usize,
        None => 1,
    };
    let items = sequence(vm, &population, "choices")?;
    vm.check_items(k)?;
    if items.is_empty() && k > 0 && weights.is_none() && cum.is_none() {
        // CPython draws the first pick's random() and then indexes the empty
        // population: the population's own IndexError.
        generator(vm, recv).state.borrow_mut().random();
        crate::ops::get_item(vm, &population, &Value::Int(0))?;
    }
    let picks = match (weights, cum) {
        (Some(_), Some(_)) => {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ))
        }
        (None, None) => {
            generator(vm, recv)
                .state
                .borrow_mut()
                .choices(items.len(), Weights::Equal, k)
        }
        (Some(w), None) => {
            let cw = float_list(vm, &w, false)?;
            generator(vm, recv)
                .state
                .borrow_mut()
                .choices(items.len(), Weights::Cumulative(&cw), k)
        }
        (None, Some(c)) => {
            let cw = float_list(vm, &c, true)?;
            generator(vm, recv)
                .state
                .borrow_mut()
                .choices(items.len(), Weights::Cumulative(&cw), k)
        }
    }
    .map_err(cpython_error)?;
    Ok(Value::list(
        picks.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn shuffle(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("shuffle", &args, 1, 1)?;
    match &args.pos[0] {
        Value::List(l) => {
            let mut items = l.borrow().clone();
            generator(vm, recv).state.borrow_mut().shuffle(&mut items);
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        other => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_of(other).name()
        ))),
    }
}

fn sample(vm: &mut Vm, recv: &Value, mut args: Args) -> PyResult<Value> {
    let population_kw = args.take_kw("population");
    let k_kw = args.take_kw("k");
    let counts_kw = args.take_kw("counts");
    reject_kwargs("sample", &args)?;
    let mut pos = args.pos.into_iter();
    let Some(population) = pos.next().or(population_kw) else {
        return Err(type_error(
            "Random.sample() missing 2 required positional arguments: 'population' and 'k'",
        ));
    };
    let Some(k) = pos.next().or(k_kw) else {
        return Err(type_error(
            "Random.sample() missing 1 required positional argument: 'k'",
        ));
    };
    let k = index_arg(&k)?;
    let items = sequence(vm, &population, "sample")?;
    let counts = match counts_kw.filter(|c| !c.is_none()) {
        None => None,
        Some(c) => {
            let mut out = Vec::new();
            for v in iterators::collect(vm, &c)? {
                out.push(int_value(&v).ok_or_else(|| type_error("Counts must be integers"))?);
            }
            Some(out)
        }
    };
    let picks = generator(vm, recv)
        .state
        .borrow_mut()
        .sample(items.len(), k, counts.as_deref())
        .map_err(cpython_error)?;
    Ok(Value::list(
        picks.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

/// Float arguments, with Python's TypeError for non-numbers.
fn floats(args: &Args, name: &str, defaults: &[Option<f64>]) -> PyResult<Vec<f64>> {
    let required = defaults.iter().filter(|d| d.is_none()).count();
    count_range(name, args, required, defaults.len())?;
    let mut out = Vec::with_capacity(defaults.len());
    for (i, d) in defaults.iter().enumerate() {
        out.push(match args.pos.get(i) {
            Some(v) => ops::to_float(v)?,
            None => d.unwrap_or(0.0),
        });
    }
    Ok(out)
}

fn uniform(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "uniform", &[None, None])?;
    Ok(Value::Float(
        generator(vm, recv).state.borrow_mut().uniform(f[0], f[1]),
    ))
}

fn triangular(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let mode = args
        .pos
        .get(2)
        .filter(|m| !m.is_none())
        .map(ops::to_float)
        .transpose()?;
    let low = args
        .pos
        .first()
        .map(ops::to_float)
        .transpose()?
        .unwrap_or(0.0);
    let high = args
        .pos
        .get(1)
        .map(ops::to_float)
        .transpose()?
        .unwrap_or(1.0);
    Ok(Value::Float(
        generator(vm, recv)
            .state
            .borrow_mut()
            .triangular(low, high, mode),
    ))
}

fn gauss(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "gauss", &[Some(0.0), Some(1.0)])?;
    Ok(Value::Float(
        generator(vm, recv).state.borrow_mut().gauss(f[0], f[1]),
    ))
}

fn normalvariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "normalvariate", &[Some(0.0), Some(1.0)])?;
    Ok(Value::Float(
        generator(vm, recv)
            .state
            .borrow_mut()
            .normalvariate(f[0], f[1]),
    ))
}

fn expovariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "expovariate", &[None])?;
    Ok(Value::Float(
        generator(vm, recv)
            .state
            .borrow_mut()
            .expovariate(f[0])
            .map_err(cpython_error)?,
    ))
}

fn lognormvariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "lognormvariate", &[None, None])?;
    let state = generator(vm, recv);
    let x = state.state.borrow_mut().lognormvariate(f[0], f[1]);
    Ok(Value::Float(x))
}

fn paretovariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "paretovariate", &[None])?;
    let state = generator(vm, recv);
    let x = state.state.borrow_mut().paretovariate(f[0]);
    x.map(Value::Float).map_err(cpython_error)
}

fn weibullvariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "weibullvariate", &[None, None])?;
    let state = generator(vm, recv);
    let x = state.state.borrow_mut().weibullvariate(f[0], f[1]);
    x.map(Value::Float).map_err(cpython_error)
}

/// About the bytecode instructions one round of a rejection loop in CPython's
/// random.py runs.
const INSTRUCTIONS_PER_ROUND: u64 = 30;

/// Runs a rejection sampler with the rounds the instruction budget allows and
/// counts them as work, so a sampler that can never accept (a NaN or infinite
/// parameter, where CPython's Python loop runs for ever) stops the program at
/// the instruction limit.
fn with_rounds<T>(vm: &mut Vm, sample: impl FnOnce(&mut Rounds) -> T) -> PyResult<T> {
    let mut rounds = Rounds::new(vm.native_work_left() / INSTRUCTIONS_PER_ROUND + 1);
    let x = sample(&mut rounds);
    vm.count_native_work(rounds.taken() * INSTRUCTIONS_PER_ROUND)?;
    if rounds.ran_out() {
        vm.check_limits()?;
    }
    Ok(x)
}

fn vonmisesvariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "vonmisesvariate", &[None, None])?;
    let state = generator(vm, recv);
    let x = with_rounds(vm, |rounds| {
        state.state.borrow_mut().vonmisesvariate(f[0], f[1], rounds)
    })?;
    Ok(Value::Float(x))
}

fn gammavariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "gammavariate", &[None, None])?;
    let state = generator(vm, recv);
    let x = with_rounds(vm, |rounds| {
        state.state.borrow_mut().gammavariate(f[0], f[1], rounds)
    })?;
    x.map(Value::Float).map_err(cpython_error)
}

fn betavariate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    let f = floats(&args, "betavariate", &[None, None])?;
    let state = generator(vm, recv);
    let x = with_rounds(vm, |rounds| {
        state.state.borrow_mut().betavariate(f[0], f[1], rounds)
    })?;
    x.map(Value::Float).map_err(cpython_error)
}

/// The version of the state `getstate()` gives and `setstate()` takes.
const STATE_VERSION: i64 = 3;

/// `getstate()`: `(3, (624 words and the index), gauss_next)`.
fn getstate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    no_args("getstate", &args)?;
    let (words, gauss_next) = generator(vm, recv).state.borrow().getstate();
    let words = words.into_iter().map(|w| Value::Int(w as i64)).collect();
    Ok(Value::tuple(vec![
        Value::Int(STATE_VERSION),
        Value::tuple(words),
        gauss_next.map_or(Value::None, Value::Float),
    ]))
}

/// `setstate(state)`: a state `getstate()` gave (version 2's words are taken
/// modulo 2**32, as CPython converts them).
fn setstate(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("setstate", &args, 1, 1)?;
    let parts: Vec<Value> = match &args.pos[0] {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().to_vec(),
        other => {
            return Err(type_error(format!(
                "'{}' object is not subscriptable",
                type_of(other).name()
            )))
        }
    };
    let version = parts.first().cloned().unwrap_or(Value::None);
    let version_number = int_value(&version).and_then(|v| v.to_i64());
    if !matches!(version_number, Some(2 | 3)) {
        let shown = crate::repr::str_of(vm, &version)?;
        return Err(value_error(format!(
            "state with version {shown} passed to Random.setstate() of version {STATE_VERSION}"
        )));
    }
    if parts.len() != 3 {
        return Err(value_error(if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!(
                "not enough values to unpack (expected 3, got {})",
                parts.len()
            )
        }));
    }
    let Value::Tuple(internal) = &parts[1] else {
        return Err(type_error("state vector must be a tuple"));
    };
    let mut words = Vec::with_capacity(internal.len());
    for item in internal.iter() {
        let n = int_value(item).ok_or_else(|| type_error("an integer is required"))?;
        let n = if version_number == Some(2) {
            n.mod_floor(&BigInt::from(1u64 << 32))
        } else {
            n
        };
        if n.sign() == num_bigint::Sign::Minus {
            return Err(crate::object::exceptions::exc(
                TypeId::OverflowError,
                "can't convert negative value to unsigned int",
            ));
        }
        words.push(n.to_u64().ok_or_else(|| {
            crate::object::exceptions::exc(
                TypeId::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })?);
    }
    let gauss_next = match &parts[2] {
        Value::None => None,
        v => Some(ops::to_float(v)?),
    };
    let state = generator(vm, recv);
    let set = state.state.borrow_mut().setstate(&words, gauss_next);
    set.map_err(cpython_error)?;
    Ok(Value::None)
}

fn getrandbits(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("getrandbits", &args, 1, 1)?;
    let k = int_value(&args.pos[0]).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(&args.pos[0]).name()
        ))
    })?;
    let k = k.to_i64().unwrap_or(i64::MAX);
    // An int of `k` bits is held at once: the budget is checked before.
    vm.check_memory_for(usize::try_from(k / 8).unwrap_or(0))?;
    let r = generator(vm, recv)
        .state
        .borrow_mut()
        .getrandbits(k)
        .map_err(cpython_error)?;
    Ok(Value::from_bigint(r))
}

fn randbytes(vm: &mut Vm, recv: &Value, args: Args) -> PyResult<Value> {
    count_range("randbytes", &args, 1, 1)?;
    let n = index_arg(&args.pos[0])?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    vm.check_size(n as usize)?;
    Ok(Value::Bytes(Rc::from(
        generator(vm, recv).state.borrow_mut().randbytes(n as usize),
    )))
}
