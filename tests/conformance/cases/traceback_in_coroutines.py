# traceback.print_exc / format_exc / print_exception inside coroutines: only the program's frames (asyncio's C task steps add none), chained causes, gather's collected errors, a wait_for timeout and a TaskGroup's group on stderr
import asyncio
import sys
import traceback


class APIError(Exception):
    def __init__(self, status, message):
        super().__init__(f"{status}: {message}")
        self.status = status


async def call_api(endpoint):
    await asyncio.sleep(0.1)
    if endpoint.startswith("/bad"):
        raise APIError(500, f"server error on {endpoint}")
    return {"endpoint": endpoint}


async def safe_call(endpoint):
    try:
        return await call_api(endpoint)
    except APIError as e:
        print(f"error calling {endpoint}: {e} (status {e.status})")
        traceback.print_exc()
        print(traceback.format_exc())
        return None


async def main():
    print(await asyncio.gather(safe_call("/users"), safe_call("/bad/1")))
    try:
        await call_api("/bad/2")
    except APIError:
        exc_type, exc, tb = sys.exc_info()
        print("".join(traceback.format_exception_only(exc_type, exc)), end="")
        traceback.print_exception(exc_type, exc, tb, file=sys.stdout)
    try:
        try:
            await call_api("/bad/3")
        except APIError as e:
            raise RuntimeError("wrapped") from e
    except RuntimeError:
        traceback.print_exc(file=sys.stdout)
    results = await asyncio.gather(call_api("/ok"), call_api("/bad/4"), return_exceptions=True)
    for r in results:
        if isinstance(r, Exception):
            print("".join(traceback.format_exception(r)))
    task = asyncio.create_task(call_api("/bad/task"))
    try:
        await task
    except APIError:
        traceback.print_exc(file=sys.stdout)
    try:
        await asyncio.wait_for(call_api("/slow"), timeout=0.05)
    except asyncio.TimeoutError:
        traceback.print_exc()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(call_api("/bad/tg"))
    except ExceptionGroup:
        traceback.print_exc()
    await call_api("/bad/final")


asyncio.run(main())
