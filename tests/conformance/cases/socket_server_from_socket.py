# start_server(sock=) and loop.create_server(sock=) on sockets made by socket.create_server and by hand, a client made by socket.create_connection handed to open_connection(sock=), and wait_for around loop.sock_recv timing out
import asyncio
import socket


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()


class Upper(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data[::-1])
        self.transport.close()


async def main():
    loop = asyncio.get_running_loop()
    listening = socket.create_server(('127.0.0.1', 9439))
    print(listening, listening.gettimeout())
    server = await asyncio.start_server(handle, sock=listening)
    print(server.sockets, listening.gettimeout())
    client = socket.create_connection(('127.0.0.1', 9439))
    reader, writer = await asyncio.open_connection(sock=client)
    writer.write(b'shout\n')
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print(listening)

    handmade = socket.socket()
    handmade.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    handmade.bind(('localhost', 9440))
    handmade.listen(10)
    server = await loop.create_server(Upper, sock=handmade)
    async with server:
        reader, writer = await asyncio.open_connection('localhost', 9440)
        writer.write(b'stressed')
        print(await reader.read())
        writer.close()
        for bad in (dict(sock=handmade, host='localhost', port=1), dict()):
            try:
                await loop.create_server(Upper, **bad)
            except ValueError as e:
                print(e)

    a, b = socket.socketpair()
    a.setblocking(False)
    try:
        await asyncio.wait_for(loop.sock_recv(a, 10), timeout=0.25)
    except asyncio.TimeoutError:
        print("timed out")
    b.send(b'late')
    print(await asyncio.wait_for(loop.sock_recv(a, 10), timeout=0.25))
    a.close()
    b.close()


asyncio.run(main())
