# asyncio.Protocol and friends are plain classes a program subclasses and drives itself.
import asyncio
import asyncio.protocols


class LineCounter(asyncio.Protocol):
    def __init__(self):
        self.lines = 0

    def connection_made(self, transport):
        print("made", transport)

    def data_received(self, data):
        self.lines += data.count(b"\n")


async def main():
    p = LineCounter()
    p.connection_made("fake-transport")
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, p.data_received, b"a\nb\n")
    loop.call_later(0.2, p.eof_received)
    await asyncio.sleep(0.3)
    print(p.lines, p.eof_received(), p.pause_writing(), p.connection_lost(None))
    print(asyncio.Protocol, asyncio.protocols.BufferedProtocol.__mro__, asyncio.DatagramProtocol.__module__)
    print(issubclass(asyncio.SubprocessProtocol, asyncio.BaseProtocol), asyncio.Protocol.__slots__)
    try:
        asyncio.BaseProtocol().x = 1
    except AttributeError as e:
        print("AttributeError:", e)

asyncio.run(main())
