# exc.__traceback__ and sys.exc_info()[2]: traceback objects whose tb_frame, tb_lineno and tb_next walk the program's frames; traceback.extract_tb and walk_tb as error-handling tutorials use them
import asyncio
import sys
import traceback


def parse(text):
    return int(text)


def load(items):
    return [parse(x) for x in items]


async def fetch(n):
    await asyncio.sleep(0.1)
    if n == 2:
        load(["1", "x"])
    return n


async def main():
    for n in (1, 2):
        try:
            print(await fetch(n))
        except ValueError as e:
            tb = e.__traceback__
            print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
            print(sys.exc_info()[2].tb_lineno)
            for frame, lineno in traceback.walk_tb(tb):
                print(" ", frame.f_code.co_name, lineno)
            summary = traceback.extract_tb(tb)
            print(type(summary).__name__, len(summary))
            for fs in summary:
                print(f"  {fs.filename}:{fs.lineno} in {fs.name}: {fs.line}")
            last = summary[-1]
            print(repr(last), last == (last.filename, last.lineno, last.name, last.line))
            filename, lineno, name, line = last
            print(name, lineno, line)
            print([fs.name for fs in traceback.extract_tb(tb, limit=2)])
            print([fs.name for fs in traceback.extract_tb(tb, limit=-1)])
    print(ValueError("never raised").__traceback__)


asyncio.run(main())
