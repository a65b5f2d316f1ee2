# A program replacing and deleting asyncio's network names before using them: the package's binding changes, the streams submodule's stays
import asyncio


async def fake_open_connection(*args):
    return "fake", args


asyncio.open_connection = fake_open_connection
del asyncio.start_server
print(asyncio.open_connection is fake_open_connection, hasattr(asyncio, "start_server"))
print(asyncio.streams.open_connection.__name__, asyncio.streams.start_server.__name__)
print(asyncio.run(asyncio.open_connection("127.0.0.1", 1)))
try:
    asyncio.start_server
except AttributeError as e:
    print(e)
