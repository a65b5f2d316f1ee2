# asyncio's network names imported first from their submodules (from asyncio.streams import ..., import asyncio.base_events), then from asyncio with import *
from asyncio.streams import StreamReader, StreamWriter
import asyncio.base_events
from asyncio import *

print(StreamReader, StreamWriter.__module__, StreamReader.__qualname__)
print(asyncio.base_events.Server, Server is asyncio.base_events.Server)
print(start_server is asyncio.streams.start_server, StreamReaderProtocol.__mro__[1:])
print(open_connection.__name__, open_unix_connection.__module__)
