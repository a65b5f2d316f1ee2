# callbacks (call_soon, call_later, call_at, add_done_callback) run in a copy of the context they were scheduled from, or in the context= given
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="-")
hits = contextvars.ContextVar("hits", default=0)

def show(label, *rest):
    print(f"{label}: request={request.get()} hits={hits.get()}", *rest)
    hits.set(hits.get() + 100)

async def handler(name, delay):
    request.set(name)
    hits.set(1)
    loop = asyncio.get_running_loop()
    loop.call_soon(show, f"soon {name}")
    loop.call_later(delay, show, f"later {name}")
    loop.call_at(loop.time() + delay / 2, show, f"at {name}")
    request.set(name + "!")
    await asyncio.sleep(delay * 2)
    show(f"task {name} after")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: show(f"done-callback {name}", f.result()))
    fut.set_result(len(name))
    await asyncio.sleep(0)

async def main():
    await asyncio.gather(handler("alpha", 0.2), handler("beta", 0.1))
    show("main")
    ctx = contextvars.copy_context()
    ctx.run(request.set, "given")
    loop = asyncio.get_running_loop()
    loop.call_soon(show, "with context=", context=ctx)
    await asyncio.sleep(0)
    print("ctx kept the callback's change:", ctx[hits])
    t = asyncio.create_task(asyncio.sleep(0.1))
    request.set("main-set")
    t.add_done_callback(lambda _: show("task done-callback"))
    await t
    await asyncio.sleep(0)

asyncio.run(main())
print("outside:", request.get(), hits.get())
