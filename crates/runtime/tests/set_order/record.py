"""Records what CPython prints for each set_order case.

Runs every set_order/*.py with the interpreter running this script and
PYTHONHASHSEED=0 (as tests/conformance/record.py does), writing HEADER (how to
regenerate it) and then its stdout to the .expected file beside it.
tests/set_order.rs runs this script when LOOPSCOPE_UPDATE=1.
"""

import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
# The first line of every golden file (crates/golden); tests/set_order.rs checks it.
HEADER = "# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-runtime --test set_order\n"

for case in sorted(HERE.glob("*.py")):
    if case.name == pathlib.Path(__file__).name:
        continue
    out = subprocess.run(
        [sys.executable, case.name],
        cwd=HERE,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    case.with_suffix(".expected").write_text(HEADER + out)
    print(f"recorded {case.with_suffix('.expected').name}")
