# A Condition calls its lock's own locked/acquire/release as locks.py does: a Lock subclass's overrides, other locks, a Condition subclass's notify and wait
import asyncio
import gc
import weakref

log = []


class LoudLock(asyncio.Lock):
    def __init__(self, name):
        super().__init__()
        self.name = name

    async def acquire(self):
        print(f"  {self.name}.acquire()")
        r = await super().acquire()
        print(f"  {self.name}.acquire -> {r}")
        return r

    def release(self):
        print(f"  {self.name}.release()")
        super().release()

    def locked(self):
        r = super().locked()
        print(f"  {self.name}.locked() -> {r}")
        return r


async def waiter(cond, name, shared):
    async with cond:
        print(name, "waits")
        r = await cond.wait()
        print(name, "woke with", r, "items", shared)


async def basic():
    print("== basic")
    lock = LoudLock("L")
    cond = asyncio.Condition(lock)
    print("same methods:", cond.acquire == lock.acquire, cond.release == lock.release, cond.locked == lock.locked)
    print("cond.locked():", cond.locked())
    shared = []
    tasks = [asyncio.create_task(waiter(cond, f"w{i}", shared)) for i in range(3)]
    await asyncio.sleep(0)
    print("-- notify(1)")
    async with cond:
        shared.append(1)
        cond.notify()
    await asyncio.sleep(0)
    print("-- notify_all")
    async with cond:
        shared.append(2)
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("-- errors")
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def cancelled():
    print("== wait() cancelled")
    lock = LoudLock("C")
    cond = asyncio.Condition(lock)

    async def victim():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("victim cancelled, locked:", cond.locked())
                raise

    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    print("-- cancelled while re-acquiring")

    async def victim2():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("victim2 cancelled, locked:", cond.locked())
                raise

    t = asyncio.create_task(victim2())
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        await asyncio.sleep(0)
        t.cancel()
        await asyncio.sleep(0)
        print("holder releases")
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())


async def wait_for_case():
    print("== wait_for")
    cond = asyncio.Condition(LoudLock("W"))
    box = []

    async def consumer():
        async with cond:
            r = await cond.wait_for(lambda: box and box[-1])
            print("consumer got", r)

    t = asyncio.create_task(consumer())
    for v in [0, 0, "ready"]:
        await asyncio.sleep(0)
        async with cond:
            box.append(v)
            cond.notify_all()
    await t


class CountingCondition(asyncio.Condition):
    def __init__(self, lock=None):
        super().__init__(lock)
        self.notified = 0
        self.waits = 0

    async def wait(self):
        self.waits += 1
        print("  CountingCondition.wait", self.waits)
        return await super().wait()

    def notify(self, n=1):
        self.notified += n
        print("  CountingCondition.notify", n)
        super().notify(n)

    async def acquire(self):
        print("  never called: CountingCondition.acquire")

    def locked(self):
        print("  never called: CountingCondition.locked")
        return False


async def subclass_case(lock):
    print("== Condition subclass over", type(lock).__name__)
    cond = CountingCondition(lock)
    flag = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: flag)
            print("consumer sees", flag)

    t = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.sleep(0)
    async with cond:
        flag.append("go")
        cond.notify_all()
    await t
    print("locked:", cond.locked(), "notified", cond.notified, "waits", cond.waits)


async def plain():
    print("== plain Lock")
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    async with cond:
        print("lock held:", lock.locked(), cond.locked())
    print("after:", lock.locked(), cond.locked())


class QuietLoudLock(asyncio.Lock):
    def locked(self):
        r = super().locked()
        print("  locked() ->", r)
        return r


class PlainCondition(asyncio.Condition):
    pass


class FutureLock:
    # a lock whose acquire returns a future, whose locked() returns a non-bool
    def __init__(self):
        self.held = 0

    def locked(self):
        return self.held

    def acquire(self):
        self.held += 1
        fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(fut.set_result, "got")
        return fut

    def release(self):
        self.held -= 1


async def others():
    lock = QuietLoudLock()
    cond = asyncio.Condition(lock)
    print("_lock is lock:", cond._lock is lock)
    print(repr(cond).split(" object at ")[1].split("[")[1])
    plain = asyncio.Lock()
    pc = asyncio.Condition(plain)
    print("plain same:", pc._lock is plain, pc.acquire == plain.acquire, pc.locked == plain.locked, pc.release == plain.release)
    sub = PlainCondition(lock)
    print(sorted(k for k in vars(sub) if k != "_waiters"))
    print("sub same:", sub.acquire == lock.acquire)

    async def waiting():
        async with cond:
            await cond.wait()

    t = asyncio.create_task(waiting())
    await asyncio.sleep(0)
    print(repr(cond).split("[")[1])
    async with cond:
        cond.notify()
    await t

    sem = asyncio.Semaphore(2)
    sc = asyncio.Condition(sem)
    async with sc:
        print("semaphore condition locked:", sc.locked(), sem._value)

    fl = FutureLock()
    fc = asyncio.Condition(fl)
    print("acquire:", await fc.acquire(), fc.locked())
    t2 = asyncio.create_task(fc.wait_for(lambda: fl.held > 5 or None))
    for _ in range(3):
        await asyncio.sleep(0)
        fl.held += 1
        fc.notify_all()
        fl.held -= 1
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("wait_for cancelled, held", fl.held)

    for bad in [object(), 1, None]:
        try:
            c = asyncio.Condition(bad)
            print("ok", type(c._lock).__name__)
        except AttributeError as e:
            print("AttributeError:", e)

    async with cond:
        try:
            await cond.wait_for(lambda: 1 / 0)
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)

    # a cycle through the condition's lock is collected
    class Holder(asyncio.Lock):
        pass

    h = Holder()
    hc = asyncio.Condition(h)
    h.cond = hc
    r = weakref.ref(h)
    del h, hc
    gc.collect()
    print("collected:", r() is None)


async def main():
    await basic()
    await cancelled()
    await wait_for_case()
    await subclass_case(LoudLock("S"))
    await subclass_case(asyncio.Lock())
    await plain()
    print("== others")
    await others()


asyncio.run(main())
