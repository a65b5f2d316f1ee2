# asyncio's network names are there from import on: listed first by dir() and vars(), then hasattr, sys.modules and the streams submodule's own names
import asyncio
import sys

print([n for n in dir(asyncio) if n.startswith(("Stream", "open_", "start_", "Serv"))])
print("open_unix_connection" in vars(asyncio), "Server" in asyncio.__dict__)
print(hasattr(asyncio, "StreamReader"), hasattr(asyncio.streams, "StreamReaderProtocol"))
print(sys.modules["asyncio.streams"] is asyncio.streams, sys.modules["asyncio.trsock"].__name__)
print(asyncio.streams.__all__)
print(asyncio.streams.open_connection is asyncio.open_connection, asyncio.base_events.Server is asyncio.Server)
print([n for n in dir(asyncio.streams) if n.startswith("Stream")])
