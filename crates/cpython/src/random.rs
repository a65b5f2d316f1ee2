//! `random.Random` of CPython 3.11, bit for bit: seeding (`Lib/random.py`
//! `seed()` on top of `_randommodule.c`), the integer methods built on
//! `getrandbits`, the sequence methods and the common real distributions.
//!
//! Sequence methods work on lengths and indices (the runtime owns the
//! objects): [`PyRandom::choice`] returns the index to pick,
//! [`PyRandom::sample`] and [`PyRandom::choices`] return indices into the
//! population, [`PyRandom::shuffle`] permutes any slice in place.
//!
//! Argument conversion stays with the runtime: it turns Python arguments into
//! ints with `__index__` (3.11's deprecated float path of `randrange`, and
//! `TypeError`s for wrong types, are its business), clips counts to machine
//! sizes, and sums integer weights before handing floats over.
//!
//! Known gap: `gauss`, `normalvariate` and `expovariate` call `ln`, `exp`,
//! `sin` and `cos` from Rust's standard library. Natively on Linux that is
//! glibc, as for CPython, and the vectors match; on wasm32 it is the musl-derived
//! `libm` crate, which differs from glibc by one ulp in roughly 3-12% of the
//! results for these inputs. Bit-exact browser output needs ports of glibc's
//! `exp`/`log`/`sin`/`cos`. Everything else here (including `triangular`,
//! whose `sqrt` is exact IEEE) is platform-independent.

use crate::error::PyError;
use crate::mersenne::Mersenne;
use crate::numeric_hash::hash_float;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};

/// What `random.seed(a)` / `random.Random(a)` was given.
#[derive(Clone, Copy, Debug)]
pub enum Seed<'a> {
    /// An int (or bool): its absolute value is the key.
    Int(&'a BigInt),
    /// A float: seeded by `hash(a)`. NaN hashes by identity in CPython, so for
    /// a NaN pass [`Seed::Hash`] with the runtime's hash; here it counts as 0.
    Float(f64),
    /// A str: its UTF-8 bytes, as [`Seed::Bytes`].
    Str(&'a str),
    /// bytes or bytearray: `int.from_bytes(a + sha512(a).digest(), 'big')`.
    Bytes(&'a [u8]),
    /// Any other value CPython seeds by hash (e.g. a NaN float).
    Hash(i64),
    /// `seed(None)`: CPython reads 624 words from `os.urandom`; the runtime
    /// supplies its own entropy (or a fixed key for reproducible runs).
    Entropy(&'a [u32]),
}

/// How [`PyRandom::choices`] weighs the population.
#[derive(Clone, Copy, Debug)]
pub enum Weights<'a> {
    /// Equal probability: `floor(random() * n)`.
    Equal,
    /// `weights=`: accumulated (float sums, left to right) into cumulative weights.
    Relative(&'a [f64]),
    /// `cum_weights=`.
    Cumulative(&'a [f64]),
}

/// The rejection rounds a sampling loop may still take. CPython's loops, written
/// in Python, run for ever when a parameter is NaN or infinite
/// (`vonmisesvariate(1, nan)`, `gammavariate(inf, 1)`); here the host hands each
/// call the rounds its instruction budget allows. A loop that runs out returns NaN
/// with [`Rounds::ran_out`] set, for the host to stop the program as it stops an
/// endless loop of bytecode.
pub struct Rounds {
    left: u64,
    taken: u64,
    ran_out: bool,
}

impl Rounds {
    /// At most `left` rounds.
    pub fn new(left: u64) -> Self {
        Rounds {
            left,
            taken: 0,
            ran_out: false,
        }
    }

    /// Takes one round; false once none is left.
    fn take(&mut self) -> bool {
        if self.taken == self.left {
            self.ran_out = true;
            return false;
        }
        self.taken += 1;
        true
    }

    /// The rounds taken so far.
    pub fn taken(&self) -> u64 {
        self.taken
    }

    /// Did a loop want a round after the last one was taken?
    pub fn ran_out(&self) -> bool {
        self.ran_out
    }
}

/// A `random.Random` instance: the Mersenne Twister plus `gauss`'s spare value.
#[derive(Clone)]
pub struct PyRandom {
    mt: Mersenne,
    gauss_next: Option<f64>,
}

impl PyRandom {
    /// `random.Random(seed)`.
    pub fn new(seed: Seed<'_>) -> Self {
        PyRandom {
            mt: Mersenne::from_key(&seed_key(seed)),
            gauss_next: None,
        }
    }

    /// `self.seed(a)` (version 2, the default); also forgets `gauss`'s spare value.
    pub fn seed(&mut self, seed: Seed<'_>) {
        *self = Self::new(seed);
    }

    /// `getstate()`: the generator's words and index, and `gauss`'s spare value.
    pub fn getstate(&self) -> (Vec<u64>, Option<f64>) {
        (self.mt.words(), self.gauss_next)
    }

    /// `setstate((3, words, gauss_next))`, the parts already taken apart.
    pub fn setstate(&mut self, words: &[u64], gauss_next: Option<f64>) -> Result<(), PyError> {
        self.mt = Mersenne::from_words(words).map_err(PyError::value)?;
        self.gauss_next = gauss_next;
        Ok(())
    }

    /// `random()`: a float in [0.0, 1.0).
    pub fn random(&mut self) -> f64 {
        self.mt.next_f64()
    }

    /// `getrandbits(k)`: an int with `k` random bits.
    pub fn getrandbits(&mut self, k: i64) -> Result<BigInt, PyError> {
        if k < 0 {
            return Err(PyError::value("number of bits must be non-negative"));
        }
        if k > i64::from(i32::MAX) {
            return Err(PyError::overflow(
                "Python int too large to convert to C int",
            ));
        }
        Ok(BigInt::from(self.random_bits(k as u64)))
    }

    /// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
    pub fn randbytes(&mut self, n: usize) -> Vec<u8> {
        let mut bytes = self.random_bits(n as u64 * 8).to_bytes_le();
        bytes.resize(n, 0);
        bytes
    }

    /// `getrandbits` for a non-negative `k`: 32-bit words, least significant
    /// first, the last one shifted right to drop its surplus low bits.
    fn random_bits(&mut self, k: u64) -> BigUint {
        if k == 0 {
            return BigUint::zero();
        }
        if k <= 32 {
            return BigUint::from(self.mt.next_u32() >> (32 - k));
        }
        let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
        let mut remaining = k;
        while remaining > 0 {
            let mut word = self.mt.next_u32();
            if remaining < 32 {
                word >>= 32 - remaining;
            }
            words.push(word);
            remaining = remaining.saturating_sub(32);
        }
        BigUint::new(words)
    }

    /// `_randbelow(n)` for `n > 0`: a uniform int in [0, n) by rejection
    /// sampling of `getrandbits(n.bit_length())`. Returns 0 for `n <= 0`
    /// (where CPython never calls it).
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::zero();
        }
        let bound = n.magnitude();
        let bits = bound.bits();
        loop {
            let candidate = self.random_bits(bits);
            if &candidate < bound {
                return BigInt::from(candidate);
            }
        }
    }

    /// `_randbelow` for a length.
    fn randbelow_len(&mut self, n: usize) -> usize {
        self.randbelow(&BigInt::from(n)).to_usize().unwrap_or(0)
    }

    /// `randrange(start)` (`stop == None`) or `randrange(start, stop[, step])`.
    /// `step` is `None` when not passed.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> Result<BigInt, PyError> {
        let Some(stop) = stop else {
            // CPython checks `step is not 1`; every int 1 is the cached object.
            if step.is_some_and(|step| !step.is_one()) {
                return Err(PyError::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(PyError::value("empty range for randrange()"));
        };
        let width = stop - start;
        let one = BigInt::one();
        let step = step.unwrap_or(&one);
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(PyError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let count = match step.sign() {
            Sign::Plus => (&width + step - 1u32).div_floor(step),
            Sign::Minus => (&width + step + 1u32).div_floor(step),
            Sign::NoSign => return Err(PyError::value("zero step for randrange()")),
        };
        if !count.is_positive() {
            return Err(PyError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&count))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, PyError> {
        self.randrange(a, Some(&(b + 1)), None)
    }

    /// `choice(seq)` for a sequence of length `len`: the index to return.
    pub fn choice(&mut self, len: usize) -> Result<usize, PyError> {
        if len == 0 {
            return Err(PyError::index("Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow_len(len))
    }

    /// `shuffle(x)`, in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_len(i + 1);
            items.swap(i, j);
        }
    }

    /// `sample(population, k, counts=counts)` for a population of length
    /// `population_len`: the indices of the chosen elements, in selection order.
    pub fn sample(
        &mut self,
        population_len: usize,
        k: i64,
        counts: Option<&[BigInt]>,
    ) -> Result<Vec<usize>, PyError> {
        let Some(counts) = counts else {
            let picks = self.sample_range(&BigInt::from(population_len), k)?;
            return Ok(picks.iter().map(|p| p.to_usize().unwrap_or(0)).collect());
        };
        let mut cum_counts: Vec<BigInt> = counts
            .iter()
            .scan(BigInt::zero(), |sum, count| {
                *sum += count;
                Some(sum.clone())
            })
            .collect();
        if cum_counts.len() != population_len {
            return Err(PyError::value(
                "The number of counts does not match the population",
            ));
        }
        let total = cum_counts
            .pop()
            .ok_or_else(|| PyError::index("pop from empty list"))?;
        if !total.is_positive() {
            return Err(PyError::value("Total of counts must be greater than zero"));
        }
        let selections = self.sample_range(&total, k)?;
        Ok(selections
            .iter()
            .map(|s| bisect_right(&cum_counts, s, 0, cum_counts.len()))
            .collect())
    }

    /// `sample(range(n), k)`, with both of CPython's algorithms: a pool list
    /// when `n` is small next to the set a selection would need, otherwise
    /// rejection against the set of indices selected so far.
    fn sample_range(&mut self, n: &BigInt, k: i64) -> Result<Vec<BigInt>, PyError> {
        if k < 0 || BigInt::from(k) > *n {
            return Err(PyError::value(
                "Sample larger than population or is negative",
            ));
        }
        // Size of a small set minus size of an empty list, plus the table size
        // of a big set: 4 ** ceil(log(k * 3, 4)).
        let mut setsize = BigInt::from(21);
        if k > 5 {
            let exponent = (((k * 3) as f64).ln() / 4f64.ln()).ceil() as usize;
            setsize += num_traits::pow(BigInt::from(4), exponent);
        }
        let k = k as usize;
        let mut result = Vec::with_capacity(k);
        if *n <= setsize {
            // Invariant: the non-selected values are pool[0 .. n - i].
            let n = n.to_usize().unwrap_or(0);
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_len(n - i);
                result.push(BigInt::from(pool[j]));
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n);
                while selected.contains(&j) {
                    j = self.randbelow(n);
                }
                selected.insert(j.clone());
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `choices(population, weights, cum_weights=..., k=k)` for a population
    /// of length `population_len`: `k` indices chosen with replacement.
    pub fn choices(
        &mut self,
        population_len: usize,
        weights: Weights<'_>,
        k: usize,
    ) -> Result<Vec<usize>, PyError> {
        let accumulated;
        let cum_weights = match weights {
            Weights::Equal => {
                let n = population_len as f64;
                return Ok((0..k)
                    .map(|_| (self.random() * n).floor() as usize)
                    .collect());
            }
            Weights::Cumulative(cum_weights) => cum_weights,
            Weights::Relative(weights) => {
                accumulated = weights
                    .iter()
                    .scan(0.0, |sum, w| {
                        *sum += w;
                        Some(*sum)
                    })
                    .collect::<Vec<f64>>();
                &accumulated[..]
            }
        };
        if cum_weights.len() != population_len {
            return Err(PyError::value(
                "The number of weights does not match the population",
            ));
        }
        let total = cum_weights
            .last()
            .map(|last| last + 0.0)
            .ok_or_else(|| PyError::index("list index out of range"))?;
        if total <= 0.0 {
            return Err(PyError::value("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(PyError::value("Total of weights must be finite"));
        }
        let hi = population_len - 1;
        Ok((0..k)
            .map(|_| bisect_right(cum_weights, &(self.random() * total), 0, hi))
            .collect())
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`; `mode` is `None` when not passed.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            // Python's float division by zero raises, and triangular returns low.
            Some(_) if high - low == 0.0 => return low,
            Some(mode) => (mode - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `gauss(mu, sigma)`: Box-Muller, keeping the second value for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * (2.0 * std::f64::consts::PI);
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `expovariate(lambd)`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, PyError> {
        let numerator = -(1.0 - self.random()).ln();
        if lambd == 0.0 {
            return Err(PyError::zero_division("float division by zero"));
        }
        Ok(numerator / lambd)
    }

    /// `lognormvariate(mu, sigma)`: `exp` of a normal variate.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        self.normalvariate(mu, sigma).exp()
    }

    /// `paretovariate(alpha)`: `u ** (-1 / alpha)` with `u = 1 - random()`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, PyError> {
        let u = 1.0 - self.random();
        if alpha == 0.0 {
            return Err(PyError::zero_division("float division by zero"));
        }
        Ok(u.powf(-1.0 / alpha))
    }

    /// `weibullvariate(alpha, beta)`: `alpha * (-log(u)) ** (1 / beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, PyError> {
        let u = 1.0 - self.random();
        if beta == 0.0 {
            return Err(PyError::zero_division("float division by zero"));
        }
        Ok(alpha * (-u.ln()).powf(1.0 / beta))
    }

    /// `vonmisesvariate(mu, kappa)`: Fisher's algorithm, an angle in [0, 2*pi).
    /// Each rejection round takes one of `rounds` (see [`Rounds`]).
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64, rounds: &mut Rounds) -> f64 {
        let two_pi = 2.0 * std::f64::consts::PI;
        if kappa <= 1e-6 {
            return two_pi * self.random();
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            if !rounds.take() {
                return f64::NAN;
            }
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let angle = if u3 > 0.5 {
            mu + f.acos()
        } else {
            mu - f.acos()
        };
        // Python's float %, whose result takes the divisor's sign.
        crate::float_repr::float_mod(angle, two_pi).unwrap_or(f64::NAN)
    }

    /// `gammavariate(alpha, beta)`: Cheng's method for alpha > 1, the
    /// exponential for alpha == 1, algorithm GS below. Each rejection round
    /// takes one of `rounds` (see [`Rounds`]).
    pub fn gammavariate(
        &mut self,
        alpha: f64,
        beta: f64,
        rounds: &mut Rounds,
    ) -> Result<f64, PyError> {
        // Both comparisons false for a NaN, as in Python.
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(PyError::value("gammavariate: alpha and beta must be > 0.0"));
        }
        if alpha > 1.0 {
            let log4 = 4.0f64.ln();
            let sg_magicconst = 1.0 + 4.5f64.ln();
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - log4;
            let ccc = alpha + ainv;
            loop {
                if !rounds.take() {
                    return Ok(f64::NAN);
                }
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            let e = std::f64::consts::E;
            let x = loop {
                if !rounds.take() {
                    return Ok(f64::NAN);
                }
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 {
                    p.powf(1.0 / alpha)
                } else {
                    -((b - p) / alpha).ln()
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= x.powf(alpha - 1.0) {
                        break x;
                    }
                } else if u1 <= (-x).exp() {
                    break x;
                }
            };
            Ok(x * beta)
        }
    }

    /// `betavariate(alpha, beta)`: from two gamma variates.
    pub fn betavariate(
        &mut self,
        alpha: f64,
        beta: f64,
        rounds: &mut Rounds,
    ) -> Result<f64, PyError> {
        let y = self.gammavariate(alpha, 1.0, rounds)?;
        if y != 0.0 {
            return Ok(y / (y + self.gammavariate(beta, 1.0, rounds)?));
        }
        Ok(0.0)
    }
}

/// The `init_by_array` key CPython derives from a seed.
fn seed_key(seed: Seed<'_>) -> Vec<u32> {
    let magnitude = match seed {
        Seed::Entropy(words) => return words.to_vec(),
        Seed::Int(n) => n.magnitude().clone(),
        Seed::Float(x) => BigUint::from(hash_float(x).unwrap_or(0) as u64),
        Seed::Hash(hash) => BigUint::from(hash as u64),
        Seed::Str(text) => bytes_seed(text.as_bytes()),
        Seed::Bytes(bytes) => bytes_seed(bytes),
    };
    // 32-bit words, least significant first; zero is the one-word key [0].
    let words = magnitude.to_u32_digits();
    if words.is_empty() {
        vec![0]
    } else {
        words
    }
}

/// `int.from_bytes(a + sha512(a).digest(), 'big')`.
fn bytes_seed(bytes: &[u8]) -> BigUint {
    let mut material = bytes.to_vec();
    material.extend_from_slice(&Sha512::digest(bytes));
    BigUint::from_bytes_be(&material)
}

/// `bisect.bisect_right(a, x, lo, hi)`.
fn bisect_right<T: PartialOrd>(a: &[T], x: &T, mut lo: usize, mut hi: usize) -> usize {
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < &a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}
