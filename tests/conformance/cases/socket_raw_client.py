# a raw client socket (setblocking(False), loop.sock_connect, sock_sendall, sock_recv) against asyncio.start_server, and `with socket.socket() as s:` closing the socket
import asyncio
import socket


async def handle(reader, writer):
    data = await reader.read(100)
    print("server received", data)
    writer.write(b"echo: " + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle, 'localhost', 9433)
    print(server.sockets[0])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setblocking(False)
        print(s)
        await loop.sock_connect(s, ('localhost', 9433))
        print("connected", s.getpeername())
        await loop.sock_sendall(s, b"hello there")
        reply = b""
        while True:
            chunk = await loop.sock_recv(s, 4)
            if not chunk:
                break
            reply += chunk
        print("client received", reply)
    print(s)
    print(s.fileno())
    s.close()
    with socket.socket() as t:
        t.connect(('127.0.0.1', 9433))
        print(t.gettimeout(), t.getblocking())
        t.sendall(b"blocking")
        t.shutdown(socket.SHUT_WR)
        await asyncio.sleep(0.01)
        print(t.recv(100), t.recv(100))
    server.close()
    await server.wait_closed()


asyncio.run(main())
