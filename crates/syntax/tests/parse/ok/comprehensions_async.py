async def main():
    a = [x async for x in aiter()]
    b = {x async for x in aiter() if x}
    c = {k: v async for k, v in apairs()}
    d = (x async for x in aiter())
    e = [await f(x) for x in items]
    f = [x for y in ys async for x in y]
