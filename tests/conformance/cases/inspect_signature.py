# inspect.signature of functions, coroutines, methods, classes, partials and wrapped functions; Signature.bind.
import asyncio, inspect, functools
from typing import Optional, List

async def fetch(url: str, *, timeout: float = 5.0, retries=3) -> dict:
    return {}

def plain(a, b=2, *args, c, d=4, **kw):
    pass

def posonly(x, y, /, z=None):
    pass

class Worker:
    def __init__(self, name: str, queue: "asyncio.Queue", limit: Optional[int] = None):
        pass
    async def run(self, n: int) -> None:
        pass
    def __call__(self, item):
        pass

class Empty:
    pass

def deco(f):
    @functools.wraps(f)
    async def wrapper(*args, **kwargs):
        return await f(*args, **kwargs)
    return wrapper

@deco
async def job(x: int, y: List[int]) -> Optional[str]:
    return None

for obj in [fetch, plain, posonly, Worker, Worker("a", None).run, Worker("b", None), job, Empty,
            functools.partial(plain, 1, c=3), lambda x, y=1: x]:
    sig = inspect.signature(obj)
    print(sig, repr(sig))
    for name, p in sig.parameters.items():
        print("  ", name, p.kind, p.kind.description, p.default is p.empty, repr(p), str(p.annotation) if p.annotation is not p.empty else "-")
sig = inspect.signature(plain)
ba = sig.bind(1, 2, 3, c=5, e=6)
print(ba, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(fetch).return_annotation, inspect.Parameter.KEYWORD_ONLY, inspect.signature(fetch) == inspect.signature(fetch))
try:
    inspect.signature(42)
except TypeError as e:
    print(e)
