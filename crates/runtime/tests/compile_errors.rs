//! Errors the compiler (not the parser) reports, with CPython 3.11's message
//! and position (`compile()`'s `lineno` and 1-based `offset`).

use loopscope_runtime::compile::compile_module;
use loopscope_syntax::parse;

/// (source, message, line, column)
const CASES: &[(&str, &str, usize, usize)] = &[
    (
        "async def f():\n    yield 1\n    return 5\n",
        "'return' with value in async generator",
        3,
        5,
    ),
    (
        "def f():\n    async for x in y:\n        pass\n",
        "'async for' outside async function",
        2,
        5,
    ),
    (
        "def f():\n    return [x async for x in y]\n",
        "asynchronous comprehension outside of an asynchronous function",
        2,
        12,
    ),
    (
        "async def f():\n    yield from g()\n",
        "'yield from' inside async function",
        2,
        5,
    ),
    (
        "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        9,
    ),
    (
        "for x in y:\n    try:\n        pass\n    except* E:\n        if x:\n            continue\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        6,
        13,
    ),
    (
        "def f():\n    try:\n        pass\n    except* E:\n        return x + 1\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        9,
    ),
    (
        "def f():\n    try:\n        pass\n    except* E:\n        return 'done'\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        16,
    ),
];

#[test]
fn compile_errors_match_cpython() {
    for (source, message, line, col) in CASES {
        let module = parse(source).expect("parses");
        let d = match compile_module(&module, "t.py") {
            Ok(_) => panic!("compiled: {source}"),
            Err(d) => d,
        };
        let got_line = d.span.start.line as usize;
        let got_col = d.span.start.col as usize + 1;
        assert_eq!(
            (d.message.as_str(), got_line, got_col),
            (*message, *line, *col),
            "{source}"
        );
    }
}
