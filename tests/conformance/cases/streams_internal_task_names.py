# the tasks asyncio makes for a server (its address lookup, each accepted connection) carry CPython's method names
import asyncio


async def handle(reader, writer):
    for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        coro = task.get_coro()
        print(task.get_name(), coro.__qualname__, coro.__name__)
    print(repr(asyncio.current_task())[:45])
    writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8890)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8890)
        print(await reader.read(10))
        writer.close()
        await writer.wait_closed()
    print("closed")


asyncio.run(main())
