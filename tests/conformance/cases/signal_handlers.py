# The signal module's numbers, names and handlers, and loop.add_signal_handler's
# checks: handlers are kept (and removable) but no signal arrives in a run.
import asyncio
import functools
import signal

print(repr(signal.SIGINT), str(signal.SIGINT), signal.SIGTERM.name, int(signal.SIGTERM), signal.SIGIOT)
print(signal.getsignal(signal.SIGINT).__name__, signal.getsignal(signal.SIGTERM), repr(signal.getsignal(signal.SIGPIPE)))
print(signal.signal(signal.SIGTERM, print) , signal.getsignal(15) is print)
for bad in [(9, print), (99, print), (2, 5), (0, print)]:
    try:
        signal.signal(*bad)
    except Exception as e:
        print(repr(e))
try:
    signal.getsignal("x")
except TypeError as e:
    print(e)
print(len(signal.valid_signals()), signal.SIGRTMAX in signal.valid_signals(), signal.strsignal(15), signal.strsignal(40), signal.strsignal(32))
print(signal.Signals(2), repr(signal.Signals(17)), signal.Signals['SIGCLD'], signal.NSIG, repr(signal.SIG_BLOCK), list(signal.Handlers))
print(signal.Signals.__module__, type(signal.SIGHUP), isinstance(signal.SIGHUP, int))

async def shutdown(sig, loop):
    print(f"received {sig.name}")
async def worker(stop):
    n = 0
    while not stop.is_set():
        n += 1
        await asyncio.sleep(0.5)
    return n
async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, lambda s=sig: asyncio.create_task(shutdown(s, loop)))
    loop.add_signal_handler(signal.SIGUSR1, functools.partial(print, "usr1"))
    for bad in ["x", 0, 99, 32, signal.SIGKILL, False]:
        try:
            loop.add_signal_handler(bad, print)
        except (TypeError, ValueError, RuntimeError) as e:
            print(type(e).__name__, e)
    try:
        loop.add_signal_handler(signal.SIGINT, shutdown)
    except TypeError as e:
        print(e)
    loop.call_later(2, stop.set)
    print("ran", await worker(stop))
    print(loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGALRM))


asyncio.run(main())
