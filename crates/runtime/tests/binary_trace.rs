//! The binary trace (`loopscope run --trace FILE.bin`, and what the page's worker sends)
//! reads back as the very trace written, for every program of the corpus, and damaged
//! bytes are refused with an error, never a panic.

use loopscope_runtime::trace::binary::{decode, encode, MAGIC};
use loopscope_runtime::{run_program, RunOptions};

#[path = "../../../tests/programs.rs"]
mod programs;

#[test]
fn every_trace_of_the_corpus_reads_back_as_written() {
    for (path, source) in programs::examples_and_cases() {
        let mut trace = run_program(&source, &RunOptions::default()).trace;
        trace.filename = path.clone();
        trace.seed = 7;
        let bytes = encode(&trace);
        assert_eq!(decode(&bytes).as_ref(), Ok(&trace), "{path}");
    }
}

#[test]
fn the_binary_form_is_a_fraction_of_the_json() {
    let source = "import asyncio\n\nasync def work(i):\n    for step in range(200):\n        await asyncio.sleep(0.01 * (i % 5 + 1))\n\nasync def main():\n    await asyncio.gather(*(work(i) for i in range(50)))\n\nasyncio.run(main())\n";
    let trace = run_program(source, &RunOptions::default()).trace;
    let events = trace
        .expand()
        .expect("a recorded trace expands")
        .events
        .len();
    let per_event = encode(&trace).len() as f64 / events as f64;
    assert!(events > 50_000);
    assert!(per_event < 4.0, "{per_event} bytes per elementary event");
}

#[test]
fn damaged_bytes_are_refused_with_where() {
    let source = "import asyncio\n\nasync def main():\n    print('hi')\n    await asyncio.sleep(1.5)\n\nasyncio.run(main())\n";
    let bytes = encode(&run_program(source, &RunOptions::default()).trace);
    let not_a_trace = decode(b"{\"version\": 1}").unwrap_err();
    assert_eq!(not_a_trace.at, 0);
    assert!(not_a_trace.to_string().contains("LOOPTRC"), "{not_a_trace}");
    for cut in [
        MAGIC.len(),
        MAGIC.len() + 1,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        let error = decode(&bytes[..cut]).unwrap_err();
        assert!(error.at <= cut, "cut at {cut}: {error}");
    }
    let trailing = decode(&[bytes.clone(), vec![0]].concat()).unwrap_err();
    assert_eq!(trailing.at, bytes.len(), "{trailing}");
    let mut state = 1u32;
    for _ in 0..2000 {
        let mut damaged = bytes.clone();
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let at = MAGIC.len() + (state >> 8) as usize % (damaged.len() - MAGIC.len());
        damaged[at] ^= (state >> 24) as u8 | 1;
        let _ = decode(&damaged);
    }
}
