# asyncio reports go through logging once configured: the DEBUG selector line, never-retrieved and callback errors, with funcName/lineno/module of asyncio
import asyncio, logging
logging.basicConfig(level=logging.DEBUG, format="%(relativeCreated)6d %(threadName)s %(levelname)s|%(name)s|%(module)s|%(funcName)s|%(lineno)d|%(filename)s|%(message)s")
log = logging.getLogger(__name__)
async def boom():
    log.info("boom starts")
    raise ValueError("x")
def cb():
    raise KeyError("k")
async def worker(n):
    for i in range(2):
        await asyncio.sleep(0.25 * n)
        log.debug("worker %d step %d", n, i)
async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    asyncio.get_running_loop().call_soon(cb)
    f = asyncio.get_running_loop().create_future()
    f.set_exception(RuntimeError("r"))
    del f
    await asyncio.gather(worker(1), worker(2))
    del t
    await asyncio.sleep(0.1)
    log.warning("done at %.2f", asyncio.get_running_loop().time())
asyncio.run(main())
logging.getLogger("asyncio").setLevel(logging.WARNING)
asyncio.run(asyncio.sleep(1))
