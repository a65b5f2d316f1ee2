# asyncio on the loopback network with protocols: the docs' EchoServerProtocol and EchoClientProtocol through loop.create_server/create_connection, then a stream server: readuntil, LimitOverrunError past the limit, an IncompleteReadError at EOF, serve_forever cancelled, and binding a port in use
import asyncio


class EchoServerProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        peername = transport.get_extra_info('peername')
        print('Connection from', peername[0])
        self.transport = transport

    def data_received(self, data):
        message = data.decode()
        print('Data received: {!r}'.format(message))
        print('Send: {!r}'.format(message))
        self.transport.write(data)
        print('Close the client socket')
        self.transport.close()

    def connection_lost(self, exc):
        print("server side lost", exc)


class EchoClientProtocol(asyncio.Protocol):
    def __init__(self, message, on_con_lost):
        self.message = message
        self.on_con_lost = on_con_lost

    def connection_made(self, transport):
        transport.write(self.message.encode())
        print('Data sent: {!r}'.format(self.message))

    def data_received(self, data):
        print('Data received: {!r}'.format(data.decode()))

    def eof_received(self):
        print("eof received")

    def connection_lost(self, exc):
        print('The server closed the connection')
        self.on_con_lost.set_result(True)


async def chat_handler(reader, writer):
    writer.write(b"welcome\n")
    await writer.drain()
    try:
        while True:
            data = await reader.readuntil(b";")
            print("server got", data)
            if data == b"quit;":
                break
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial)
    except asyncio.LimitOverrunError as e:
        print("overrun", e, e.consumed)
    writer.close()
    await writer.wait_closed()
    print("handler closed")


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: EchoServerProtocol(), '127.0.0.1', 8888)
    on_con_lost = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: EchoClientProtocol('Hello World!', on_con_lost), '127.0.0.1', 8888)
    try:
        await on_con_lost
    finally:
        transport.close()
    server.close()
    await server.wait_closed()
    print("--- chat")
    srv = await asyncio.start_server(chat_handler, "127.0.0.1", 7000, limit=16)
    task = asyncio.create_task(srv.serve_forever())
    r, w = await asyncio.open_connection("127.0.0.1", 7000)
    print(await r.readline())
    for msg in [b"a;b;", b"hello;", b"quit;"]:
        w.write(msg)
        await asyncio.sleep(0.1)
    print("client eof?", await r.read(), r.at_eof())
    w.close()
    r2, w2 = await asyncio.open_connection("127.0.0.1", 7000)
    await r2.readline()
    w2.write(b"x" * 40)
    await asyncio.sleep(0.1)
    w2.write(b"tail")
    w2.close()
    await w2.wait_closed()
    await asyncio.sleep(0.1)
    r3, w3 = await asyncio.open_connection("127.0.0.1", 7000)
    await r3.readline()
    w3.write(b"partial")
    w3.write_eof()
    await asyncio.sleep(0.1)
    try:
        async with asyncio.timeout(0.5):
            await task
    except TimeoutError:
        print("serve_forever still running; cancelling")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", srv.is_serving(), srv.sockets)
    try:
        await asyncio.start_server(chat_handler, "127.0.0.1", 7000)
        srv2 = await asyncio.start_server(chat_handler, "127.0.0.1", 7000)
        print("second bind ok?", srv2)
        await asyncio.start_server(chat_handler, "127.0.0.1", 7000)
    except OSError as e:
        print("bind:", type(e).__name__, e)


asyncio.run(main())
