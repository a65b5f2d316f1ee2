#!/usr/bin/env python3
"""Run one benchmark program under CPython 3.11 on the conformance suite's virtual clock.

    python3 bench/run_cpython.py PROGRAM.py

A leaner runner than tests/conformance/record.py for `cargo xtask bench`: it runs the
program in this very process (record.py starts a child per program and gives up after
60 s), with record.py's own virtual clock, event loop and stamped stdout, so the output is
exactly what `loopscope run --timestamps PROGRAM.py` must print. stderr is left as CPython
writes it and the exit status is CPython's own: a benchmark is expected to end cleanly.
Run it with PYTHONHASHSEED=0, as record.py runs its child.
"""

import os
import sys
from pathlib import Path

# The recorder's directory replaces this script's: bench/queue.py would shadow the standard
# library's queue, which the recorder's thread scheduler imports (after it has put the
# program's directory, bench/ too, first on the path: so it is imported here, before).
sys.path[0] = str(Path(__file__).resolve().parent.parent / "tests" / "conformance")
sys.dont_write_bytecode = True  # leave no __pycache__ in tests/conformance/
import queue  # noqa: E402,F401  (the standard library's, for the recorder)
import record  # noqa: E402  (found through the path above)


def main():
    if sys.version_info[:2] != (3, 11):
        raise SystemExit(f"run_cpython.py: the oracle is CPython 3.11, this is {sys.version.split()[0]}")
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 bench/run_cpython.py PROGRAM.py")
    program = Path(sys.argv[1]).resolve()
    os.chdir(program.parent)
    record.run_child(program.name, record.seed_for(program, None), [])


if __name__ == "__main__":
    main()
