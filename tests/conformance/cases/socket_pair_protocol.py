# loop.create_connection(Protocol, sock=) over socket.socketpair (the asyncio docs' "register an open socket to wait for data using a protocol")
import asyncio
import socket


class MyProtocol(asyncio.Protocol):

    def __init__(self, on_con_lost):
        self.transport = None
        self.on_con_lost = on_con_lost

    def connection_made(self, transport):
        self.transport = transport
        print("connection made", transport.get_extra_info('socket'))

    def data_received(self, data):
        print("Received:", data.decode())
        self.transport.close()

    def connection_lost(self, exc):
        print("connection lost", exc)
        self.on_con_lost.set_result(True)


async def main():
    loop = asyncio.get_running_loop()
    rsock, wsock = socket.socketpair()
    on_con_lost = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: MyProtocol(on_con_lost), sock=rsock)
    print(transport)
    loop.call_soon(wsock.send, 'abc'.encode())
    try:
        await protocol.on_con_lost
    finally:
        transport.close()
        wsock.close()
    print(rsock)
    try:
        await loop.create_connection(asyncio.Protocol, sock=rsock)
    except Exception as e:
        print(type(e).__name__, e)
    d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        await loop.create_connection(asyncio.Protocol, sock=d1)
    except ValueError as e:
        print(e)
    d1.close()
    d2.close()


asyncio.run(main())
