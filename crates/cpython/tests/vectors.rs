//! Golden vectors recorded from CPython 3.11 by `tests/gen_vectors.py`.
//!
//! `LOOPSCOPE_UPDATE=1 cargo test -p loopscope-cpython --test vectors` regenerates
//! them first (needs `python3` = CPython 3.11 on PATH). Each test collects every
//! mismatch and reports the first few, so one run shows the whole picture.

use loopscope_cpython::float_repr::{
    float_divmod, float_floordiv, float_mod, float_repr, float_to_int, int_to_float, round_float,
    round_half_even,
};
use loopscope_cpython::format_spec::{self, ValueKind};
use loopscope_cpython::numeric_hash::{hash_float, hash_int};
use loopscope_cpython::percent_format::{
    self, ArgCursor, ArgRef, Args, CharArg, Count, Kind, Piece,
};
use loopscope_cpython::random::{PyRandom, Seed, Weights};
use loopscope_cpython::PyError;
use loopscope_cpython::{float_hex, libm, math};
use num_bigint::BigInt;
use serde_json::{json, Value};
use std::path::PathBuf;

fn load(name: &str) -> Vec<Value> {
    let tests = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    loopscope_golden::record_with_cpython(&tests.join("gen_vectors.py"));
    let path = tests.join("vectors").join(name);
    let text = loopscope_golden::golden!()
        .read(&path)
        .unwrap_or_else(|problem| panic!("{problem}"));
    text.lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

/// Mismatches of one test, reported together.
#[derive(Default)]
struct Mismatches {
    count: usize,
    shown: Vec<String>,
}

impl Mismatches {
    fn check(&mut self, what: impl std::fmt::Display, actual: Value, expected: &Value) {
        if &actual != expected {
            self.count += 1;
            if self.shown.len() < 25 {
                self.shown.push(format!(
                    "{what}\n    got      {actual}\n    expected {expected}"
                ));
            }
        }
    }

    fn assert_none(self, total: usize) {
        assert!(
            self.count == 0,
            "{} of {total} vectors differ from CPython:\n{}",
            self.count,
            self.shown.join("\n")
        );
    }
}

fn error_value(kind: &str, message: &str) -> Value {
    json!({ "error": [kind, message] })
}

fn outcome<T: ToString>(result: Result<T, PyError>) -> Value {
    match result {
        Ok(value) => Value::String(value.to_string()),
        Err(e) => error_value(e.kind.name(), &e.message),
    }
}

fn float(v: &Value) -> f64 {
    f64::from_bits(u64::from_str_radix(v.as_str().expect("hex bits"), 16).expect("hex"))
}

fn int(v: &Value) -> BigInt {
    v.as_str().expect("decimal").parse().expect("an int")
}

fn text(v: &Value) -> &str {
    v.as_str().expect("a string")
}

#[test]
fn float_repr_matches_cpython() {
    let rows = load("float_repr.jsonl");
    let mut mismatches = Mismatches::default();
    for row in &rows {
        let x = float(&row[0]);
        mismatches.check(format!("repr({x:e})"), json!(float_repr(x)), &row[1]);
    }
    mismatches.assert_none(rows.len());
}

#[test]
fn float_operations_match_cpython() {
    let rows = load("float_ops.jsonl");
    let mut mismatches = Mismatches::default();
    let repr_pair = |(a, b): (f64, f64)| format!("({}, {})", float_repr(a), float_repr(b));
    for row in &rows {
        let op = text(&row[0]);
        let (actual, expected) = match op {
            "round" => {
                let nd = row[2].as_i64().expect("ndigits");
                (
                    outcome(round_float(float(&row[1]), nd).map(float_repr)),
                    &row[3],
                )
            }
            "round0" => (
                outcome(float_to_int(round_half_even(float(&row[1])))),
                &row[2],
            ),
            "int" => (outcome(float_to_int(float(&row[1]))), &row[2]),
            "hash_float" => (
                json!(hash_float(float(&row[1])).map(|h| h.to_string())),
                &row[2],
            ),
            "mod" => (
                outcome(float_mod(float(&row[1]), float(&row[2])).map(float_repr)),
                &row[3],
            ),
            "floordiv" => (
                outcome(float_floordiv(float(&row[1]), float(&row[2])).map(float_repr)),
                &row[3],
            ),
            "divmod" => (
                outcome(float_divmod(float(&row[1]), float(&row[2])).map(repr_pair)),
                &row[3],
            ),
            "float" => (
                outcome(int_to_float(&int(&row[1])).map(float_repr)),
                &row[2],
            ),
            "hash_int" => (json!(hash_int(&int(&row[1])).to_string()), &row[2]),
            other => panic!("unknown op {other}"),
        };
        mismatches.check(row, actual, expected);
    }
    mismatches.assert_none(rows.len());
}

#[test]
fn math_special_functions_match_cpython() {
    let rows = load("math.jsonl");
    let mut mismatches = Mismatches::default();
    let bits = |r: Result<f64, PyError>| match r {
        Ok(x) => json!(format!("{:016x}", x.to_bits())),
        Err(e) => error_value(e.kind.name(), &e.message),
    };
    for row in &rows {
        if text(&row[0]) == "hypot" {
            let coordinates = row[1].as_array().expect("coordinates");
            let magnitudes: Vec<f64> = coordinates.iter().map(|c| float(c).abs()).collect();
            mismatches.check(row, bits(Ok(math::vector_norm(&magnitudes))), &row[2]);
            continue;
        }
        let x = float(&row[1]);
        let (actual, expected) = match text(&row[0]) {
            "erf" => (bits(Ok(libm::erf(x))), &row[2]),
            "erfc" => (bits(Ok(libm::erfc(x))), &row[2]),
            "cbrt" => (bits(Ok(libm::cbrt(x))), &row[2]),
            "gamma" => (bits(math::gamma(x)), &row[2]),
            "lgamma" => (bits(math::lgamma(x)), &row[2]),
            "remainder" => (bits(math::remainder(x, float(&row[2]))), &row[3]),
            other => panic!("unknown function {other}"),
        };
        mismatches.check(row, actual, expected);
    }
    mismatches.assert_none(rows.len());
}

#[test]
fn float_hex_matches_cpython() {
    let rows = load("float_hex.jsonl");
    let mut mismatches = Mismatches::default();
    for row in &rows {
        let (actual, expected) = match text(&row[0]) {
            "hex" => (json!(float_hex::float_hex(float(&row[1]))), &row[2]),
            "fromhex" => {
                let parsed = float_hex::float_fromhex(text(&row[1]));
                (
                    match parsed {
                        Ok(x) => json!(format!("{:016x}", x.to_bits())),
                        Err(e) => error_value(e.kind.name(), &e.message),
                    },
                    &row[2],
                )
            }
            other => panic!("unknown operation {other}"),
        };
        mismatches.check(row, actual, expected);
    }
    mismatches.assert_none(rows.len());
}

#[test]
fn format_spec_matches_cpython() {
    let rows = load("format_spec.jsonl");
    let mut mismatches = Mismatches::default();
    for row in &rows {
        let (kind, type_name, spec) = (text(&row[0]), text(&row[1]), text(&row[3]));
        let actual = match kind {
            // The runtime's rule: an empty spec means str(value), which for
            // bool is not the int's digits.
            "int" if type_name == "bool" && spec.is_empty() => {
                Ok(if int(&row[2]) == BigInt::from(1) {
                    "True"
                } else {
                    "False"
                }
                .to_string())
            }
            "int" => format_spec::parse(spec, ValueKind::Int, type_name)
                .and_then(|s| format_spec::format_int(&int(&row[2]), &s)),
            "float" => format_spec::parse(spec, ValueKind::Float, type_name)
                .and_then(|s| format_spec::format_float(float(&row[2]), &s)),
            _ => format_spec::parse(spec, ValueKind::Str, type_name)
                .and_then(|s| format_spec::format_str(text(&row[2]), &s)),
        };
        mismatches.check(row, outcome(actual), &row[4]);
    }
    mismatches.assert_none(rows.len());
}

/// The Python values the percent-format vectors use.
#[derive(Clone, Debug)]
enum Arg {
    Int(BigInt),
    Bool(bool),
    Float(f64),
    Str(String),
}

impl Arg {
    fn decode(v: &Value) -> Arg {
        let payload = &v[1];
        match text(&v[0]) {
            "int" => Arg::Int(int(payload)),
            "bool" => Arg::Bool(text(payload) == "True"),
            "float" => Arg::Float(float(payload)),
            _ => Arg::Str(text(payload).to_string()),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Arg::Int(_) => "int",
            Arg::Bool(_) => "bool",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
        }
    }

    fn as_int(&self) -> Option<BigInt> {
        match self {
            Arg::Int(n) => Some(n.clone()),
            Arg::Bool(b) => Some(BigInt::from(u8::from(*b))),
            _ => None,
        }
    }

    fn str(&self) -> String {
        match self {
            Arg::Int(n) => n.to_string(),
            Arg::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Arg::Float(x) => float_repr(*x),
            Arg::Str(s) => s.clone(),
        }
    }

    /// repr()/ascii() for the simple strings the vectors use.
    fn repr(&self, ascii: bool) -> String {
        match self {
            Arg::Str(s) => {
                let mut out = String::from("'");
                for c in s.chars() {
                    match c as u32 {
                        _ if c.is_ascii() || !ascii => out.push(c),
                        n if n < 0x100 => out.push_str(&format!("\\x{n:02x}")),
                        n if n < 0x10000 => out.push_str(&format!("\\u{n:04x}")),
                        n => out.push_str(&format!("\\U{n:08x}")),
                    }
                }
                out.push('\'');
                out
            }
            other => other.str(),
        }
    }
}

/// `format % args` the way the runtime is meant to drive `percent_format`.
fn percent(format: &str, args: &Value) -> Result<String, (String, String)> {
    let py = |e: PyError| (e.kind.name().to_string(), e.message);
    let (shape, items, mapping, single) = if let Some(items) = args.get("tuple") {
        let items: Vec<Arg> = items.as_array().unwrap().iter().map(Arg::decode).collect();
        (Args::Tuple(items.len()), items, vec![], None)
    } else if let Some(dict) = args.get("dict") {
        let entries: Vec<(String, Arg)> = dict
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), Arg::decode(v)))
            .collect();
        (Args::Mapping, vec![], entries, None)
    } else {
        (
            Args::Single,
            vec![],
            vec![],
            Some(Arg::decode(&args["single"])),
        )
    };
    let mut cursor = ArgCursor::new(shape);
    let mut current = single;
    let mut out = String::new();
    let unsupported = || ("Test".to_string(), "str() of a dict".to_string());
    for piece in percent_format::parse(format) {
        let mut conversion = match piece {
            Piece::Literal(text) => {
                out.push_str(&text);
                continue;
            }
            Piece::Conversion(conversion) => conversion,
        };
        let fetch = |cursor: &mut ArgCursor, current: &Option<Arg>| {
            cursor.next_arg().map_err(py).and_then(|at| match at {
                ArgRef::Item(i) => Ok(items[i].clone()),
                ArgRef::Current => current.clone().ok_or_else(unsupported),
            })
        };
        if conversion.uses_mapping {
            cursor.require_mapping().map_err(py)?;
        }
        if let Some(key) = &conversion.key {
            let found = mapping.iter().find(|(k, _)| k == key);
            let (_, value) = found.ok_or_else(|| ("KeyError".to_string(), format!("'{key}'")))?;
            current = Some(value.clone());
            cursor.bind_mapping_value();
        }
        let star_error = || ("TypeError".to_string(), "* wants int".to_string());
        if conversion.width == Count::FromArgs {
            let width = fetch(&mut cursor, &current)?
                .as_int()
                .ok_or_else(star_error)?;
            conversion.apply_star_width(&width).map_err(py)?;
        }
        if conversion.precision == Count::FromArgs {
            let precision = fetch(&mut cursor, &current)?
                .as_int()
                .ok_or_else(star_error)?;
            conversion.apply_star_precision(&precision).map_err(py)?;
        }
        let code = conversion.conversion.clone().map_err(py)?;
        let value = fetch(&mut cursor, &current)?;
        let wrong = |value: &Arg| py(conversion.wrong_type(value.type_name()));
        let rendered = match conversion.kind() {
            Kind::Text if code == 'b' => Err(conversion.unsupported()),
            Kind::Text => conversion.render_str(&match code {
                's' => value.str(),
                'r' => value.repr(false),
                _ => value.repr(true),
            }),
            Kind::Integer => {
                let n = match (&value, code) {
                    (Arg::Float(x), 'd' | 'i' | 'u') => float_to_int(*x).map_err(py)?,
                    _ => value.as_int().ok_or_else(|| wrong(&value))?,
                };
                conversion.render_int(&n)
            }
            Kind::Real => {
                let x = match &value {
                    Arg::Float(x) => *x,
                    Arg::Str(_) => return Err(wrong(&value)),
                    other => int_to_float(&other.as_int().unwrap()).map_err(py)?,
                };
                conversion.render_float(x)
            }
            Kind::Character => match &value {
                Arg::Str(s) => conversion.render_char(CharArg::Str(s)),
                Arg::Float(_) => return Err(wrong(&value)),
                other => conversion.render_char(CharArg::Int(&other.as_int().unwrap())),
            },
            Kind::Unsupported => Err(conversion.unsupported()),
        };
        out.push_str(&rendered.map_err(py)?);
    }
    cursor.finish("string").map_err(py)?;
    Ok(out)
}

#[test]
fn percent_format_matches_cpython() {
    let rows = load("percent_format.jsonl");
    let mut mismatches = Mismatches::default();
    for row in &rows {
        let actual = match percent(text(&row[0]), &row[1]) {
            Ok(s) => json!(s),
            Err((kind, message)) => error_value(&kind, &message),
        };
        mismatches.check(row, actual, &row[2]);
    }
    mismatches.assert_none(rows.len());
}

fn seeded(seed: &Value) -> PyRandom {
    let value = &seed[1];
    match text(&seed[0]) {
        "int" => PyRandom::new(Seed::Int(&int(value))),
        "str" => PyRandom::new(Seed::Str(text(value))),
        "float" => PyRandom::new(Seed::Float(float(value))),
        _ => {
            let hex = text(value);
            let bytes: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect();
            PyRandom::new(Seed::Bytes(&bytes))
        }
    }
}

fn indices(result: Result<Vec<usize>, PyError>) -> Value {
    match result {
        Ok(v) => json!(v),
        Err(e) => error_value(e.kind.name(), &e.message),
    }
}

fn floats(v: &Value) -> Option<Vec<f64>> {
    v.as_array().map(|items| items.iter().map(float).collect())
}

#[test]
fn random_matches_cpython() {
    let rows = load("random.jsonl");
    let mut mismatches = Mismatches::default();
    let mut seed = Value::Null;
    let mut rng = PyRandom::new(Seed::Int(&BigInt::from(0)));
    for row in &rows {
        if let Some(s) = row.get("seed") {
            seed = s.clone();
            rng = seeded(&seed);
            continue;
        }
        let op = row.as_array().unwrap();
        let (name, expected) = (text(&op[0]), op.last().unwrap());
        let opt_int = |v: &Value| v.as_str().map(|s| s.parse::<BigInt>().unwrap());
        let usize_at = |i: usize| op[i].as_u64().unwrap() as usize;
        let actual = match name {
            "random" => json!(float_repr(rng.random())),
            "getrandbits" => outcome(rng.getrandbits(op[1].as_i64().unwrap())),
            "randint" => outcome(rng.randint(&int(&op[1]), &int(&op[2]))),
            "randrange" => {
                let (stop, step) = (opt_int(&op[2]), opt_int(&op[3]));
                outcome(rng.randrange(&int(&op[1]), stop.as_ref(), step.as_ref()))
            }
            "choice" => match rng.choice(usize_at(1)) {
                Ok(i) => json!(i),
                Err(e) => error_value(e.kind.name(), &e.message),
            },
            "shuffle" => {
                let mut items: Vec<usize> = (0..usize_at(1)).collect();
                rng.shuffle(&mut items);
                json!(items)
            }
            "sample" => {
                let counts: Option<Vec<BigInt>> =
                    op[3].as_array().map(|c| c.iter().map(int).collect());
                let k = op[2].as_i64().unwrap();
                indices(rng.sample(usize_at(1), k, counts.as_deref()))
            }
            "choices" => {
                let (relative, cumulative) = (floats(&op[2]), floats(&op[3]));
                let weights = match (&relative, &cumulative) {
                    (Some(w), _) => Weights::Relative(w),
                    (_, Some(c)) => Weights::Cumulative(c),
                    _ => Weights::Equal,
                };
                indices(rng.choices(usize_at(1), weights, usize_at(4)))
            }
            "uniform" => json!(float_repr(rng.uniform(float(&op[1]), float(&op[2])))),
            "triangular" => {
                let mode = op[3].as_str().map(|_| float(&op[3]));
                json!(float_repr(rng.triangular(
                    float(&op[1]),
                    float(&op[2]),
                    mode
                )))
            }
            "gauss" => json!(float_repr(rng.gauss(float(&op[1]), float(&op[2])))),
            "normalvariate" => {
                json!(float_repr(rng.normalvariate(float(&op[1]), float(&op[2]))))
            }
            "expovariate" => outcome(rng.expovariate(float(&op[1])).map(float_repr)),
            "randbytes" => {
                let bytes = rng.randbytes(usize_at(1));
                json!(bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
            }
            "reseed" => {
                rng = seeded(&seed);
                Value::Null
            }
            other => panic!("unknown op {other}"),
        };
        mismatches.check(format!("seed {seed}: {row}"), actual, expected);
    }
    mismatches.assert_none(rows.len());
}
