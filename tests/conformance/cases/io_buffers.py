# io.StringIO/BytesIO as buffers tasks write to: positions, seek/truncate, closed errors; print(file=...) and contextlib.redirect_stdout/stderr into them.
import asyncio
import sys
import contextlib
import io


async def produce(buf, name, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        buf.write(f"{name}:{i}\n")


async def main():
    buf = io.StringIO()
    await asyncio.gather(produce(buf, "a", 3), produce(buf, "b", 2))
    text = buf.getvalue()
    print(text, end="")
    print(len(text), buf.tell())
    buf.seek(0)
    print(repr(buf.readline()))
    print(buf.read(4))
    for line in io.StringIO("x\ny\nz"):
        print(repr(line))
    b = io.BytesIO()
    b.write(b"hello ")
    b.write(b"world")
    print(b.getvalue())
    out = io.StringIO()
    print("to buffer", 42, file=out)
    print(repr(out.getvalue()))

async def noisy(i):
    await asyncio.sleep(0.1)
    print(f"task {i} says hi")
    return i


async def main2():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        res = await asyncio.gather(noisy(1), noisy(2))
    print("captured:", buf.getvalue().splitlines(), res)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        print("oops", file=sys.stderr)
    print(repr(err.getvalue()))
    s = io.StringIO("initial")
    s.seek(0, 2)
    s.write("+more")
    print(s.getvalue())
    s.truncate(3)
    print(s.getvalue(), s.closed)
    s.close()
    print(s.closed)
    try:
        s.getvalue()
    except ValueError as e:
        print(e)

asyncio.run(main())
asyncio.run(main2())
