//! MT19937, the Mersenne Twister behind Python's `random` module, exactly as
//! `Modules/_randommodule.c` implements and seeds it.

/// Degree of recurrence: the state holds this many 32-bit words.
const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the index of the next word to temper.
#[derive(Clone)]
pub struct Mersenne {
    state: [u32; N],
    index: usize,
}

impl Mersenne {
    /// `getstate()` of `_random.Random`: the 624 words, then the index.
    pub fn words(&self) -> Vec<u64> {
        let mut words: Vec<u64> = self.state.iter().map(|&w| u64::from(w)).collect();
        words.push(self.index as u64);
        words
    }

    /// `setstate(state)` of `_random.Random`, given 625 numbers: each word
    /// keeps its low 32 bits (as C's cast does); the index must be at most 624.
    pub fn from_words(words: &[u64]) -> Result<Self, &'static str> {
        let [words @ .., index] = words else {
            return Err("state vector is the wrong size");
        };
        if words.len() != N {
            return Err("state vector is the wrong size");
        }
        if *index > N as u64 {
            return Err("invalid state");
        }
        let mut state = [0u32; N];
        for (slot, &word) in state.iter_mut().zip(words) {
            *slot = word as u32;
        }
        Ok(Mersenne {
            state,
            index: *index as usize,
        })
    }

    /// `init_genrand(s)`: the state seeded from one 32-bit word.
    pub fn from_word(seed: u32) -> Self {
        let mut state = [0u32; N];
        state[0] = seed;
        for i in 1..N {
            let previous = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        Mersenne { state, index: N }
    }

    /// `init_by_array(key)`: how CPython seeds from an int (its absolute value
    /// split into 32-bit words, least significant first; `[0]` for zero).
    /// CPython never passes an empty key; one is treated as `[0]`.
    pub fn from_key(key: &[u32]) -> Self {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let mut mt = Self::from_word(19_650_218);
        let state = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = state[i - 1];
            state[i] = (state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = state[i - 1];
            state[i] = (state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                state[0] = state[N - 1];
                i = 1;
            }
        }
        state[0] = 0x8000_0000; // MSB is 1, assuring a non-zero initial array
        mt
    }

    /// `genrand_uint32()`: the next tempered 32-bit output.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn regenerate(&mut self) {
        let mag01 = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        let mt = &mut self.state;
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// `random_random()` (`genrand_res53`): a float in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}
