# threading in a simulated program: MainThread everywhere (logging's threadName too), locks taken by the one thread, Thread objects that are never started
import asyncio
import logging
import threading

logging.basicConfig(level=logging.INFO, format="%(threadName)s %(levelname)s %(message)s")


def work():
    print("work() called directly in", threading.current_thread().name)


async def job(n):
    logging.info("job %d on %s", n, threading.current_thread().name)
    await asyncio.sleep(0.1)
    return threading.current_thread() is threading.main_thread()


async def main():
    print(await asyncio.gather(job(1), job(2)))
    print(threading.active_count(), [t.name for t in threading.enumerate()])


asyncio.run(main())
t = threading.Thread(target=work)
print(t.name, repr(t), t.daemon, t.is_alive(), t.ident)
print(repr(threading.Thread(name="worker", daemon=True)), threading.Timer(1.0, work).name)
t.run()
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)

lock = threading.Lock()
with lock:
    print("locked:", lock.locked(), lock.acquire(False))
print("locked:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
rlock = threading.RLock()
with rlock:
    with rlock:
        print("re-entered")
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
event = threading.Event()
print(event.is_set(), event.wait(0.5))
event.set()
print(event.wait(), event.wait(1))
local = threading.local()
local.user = "ann"
print(local.user, threading.TIMEOUT_MAX)
