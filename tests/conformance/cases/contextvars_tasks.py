# contextvars: get/set/reset with tokens, defaults and LookupError, copy_context
# and Context.run (changes stay in the context), the mapping view, and tasks
# copying the context when created: a task sees its creator's values at that
# moment, and what it sets stays its own.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="-")
user = contextvars.ContextVar("user")
depth = contextvars.ContextVar("depth", default=0)


def log(message):
    print(f"[{request.get()}|{user.get('anon')}|{depth.get()}] {message}")


async def child(label):
    depth.set(depth.get() + 1)
    log(f"child {label} starts")
    await asyncio.sleep(0.1)
    user.set("child-user")
    log(f"child {label} ends")


async def handle(n):
    request.set(f"req{n}")
    if n % 2:
        user.set(f"user{n}")
    await asyncio.sleep(0.1 * (3 - n))
    log("handling")
    task = asyncio.create_task(child(n))
    request.set(f"req{n}-later")
    await task
    log("after child")
    return request.get()


async def main():
    request.set("main")
    print(await asyncio.gather(*(handle(n) for n in range(3))))
    log("main after gather")
    async with asyncio.TaskGroup() as group:
        token = request.set("grouped")
        group.create_task(child("g"))
        request.reset(token)
    log("main after group")


token = user.set("root")
print(token.var is user, token.old_value, contextvars.Token.MISSING, user.get())
user.reset(token)
print(user.get("no user"), request.get(), request.name, depth.get(5))
attempts = [
    lambda: user.get(),
    lambda: user.reset(token),
    lambda: request.reset(user.set("x")),
    lambda: contextvars.ContextVar(42),
    lambda: user.reset("token"),
    lambda: contextvars.copy_context()["request"],
]
for attempt in attempts:
    try:
        print("no error:", attempt())
    except LookupError as exc:
        print(type(exc).__name__, type(exc.args[0]).__name__)
    except (RuntimeError, ValueError) as exc:
        print(type(exc).__name__, str(exc).split(" at ")[0].split("=")[0])
    except TypeError as exc:
        print("TypeError", exc)

snapshot = contextvars.copy_context()


def change():
    request.set("inside")
    depth.set(7)
    return request.get(), depth.get()


print(snapshot.run(change), request.get(), snapshot[request], snapshot.get(depth), len(snapshot))
print(request in snapshot, depth in contextvars.copy_context(), sorted(var.name for var in snapshot))
print(sorted((var.name, value) for var, value in snapshot.items()), snapshot.copy() == snapshot)
try:
    snapshot.run(lambda: snapshot.run(print))
except RuntimeError as exc:
    print("RuntimeError", str(exc).split(":")[0])
asyncio.run(main())
log("after run")
