# loopscope: args=--workers 3 -v fetch a.txt b.txt --timeout 2.5
# argparse: options, positionals with choices and nargs, count/store_true,
# a mutually exclusive group, help and usage (wrapped at 78 columns),
# errors (exit 2), subparsers, parse_known_args; arguments from the command line.
import argparse
import asyncio
import sys
parser = argparse.ArgumentParser(description="Run a few fake downloads concurrently, with a timeout and a worker limit, printing what happened.", epilog="Example: prog fetch x y")
parser.add_argument("command", choices=["fetch", "list"], help="what to do")
parser.add_argument("files", nargs="+", help="the files to fetch")
parser.add_argument("-w", "--workers", type=int, default=2, help="how many at once (default: %(default)s)")
parser.add_argument("-t", "--timeout", type=float, metavar="SECONDS")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--dry-run", action="store_true")
group = parser.add_mutually_exclusive_group()
group.add_argument("--fast", action="store_true")
group.add_argument("--slow", action="store_true")
args = parser.parse_args()
print(args)
print(vars(args))
parser.print_help()
parser.print_usage()
for argv in (["fetch"], ["nope", "x"], ["fetch", "x", "-w", "many"], ["fetch", "x", "--fast", "--slow"], ["fetch", "x", "--bogus"], []):
    try:
        parser.parse_args(argv)
    except SystemExit as exc:
        print("exit", exc.code)
sub = argparse.ArgumentParser(prog="tool")
subs = sub.add_subparsers(dest="cmd", required=True)
run = subs.add_parser("run", help="run it")
run.add_argument("n", type=int, nargs="?", default=1)
show = subs.add_parser("show")
show.add_argument("--all", action="store_true")
print(sub.parse_args(["run", "5"]), sub.parse_args(["show", "--all"]), sub.parse_args(["run"]))
sub.print_help()
try:
    sub.parse_args(["--help"])
except SystemExit as exc:
    print("help exit", exc.code)
try:
    sub.parse_args(["run", "x"])
except SystemExit as exc:
    print("exit", exc.code)
ns, rest = sub.parse_known_args(["show", "extra", "--all"])
print(ns, rest)
