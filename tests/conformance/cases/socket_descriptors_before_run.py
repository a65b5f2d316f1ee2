# descriptor numbers: a socket made before asyncio.run takes 3, the loop the next three, a dropped socket's number is free again, a closed loop's too
import asyncio
import socket

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('localhost', 9435))
server.listen()
server.setblocking(False)
print(server)


def pair_number():
    a, b = socket.socketpair()
    return a.fileno(), b.fileno()


async def main():
    loop = asyncio.get_running_loop()
    print(pair_number(), pair_number())
    connecting = asyncio.create_task(asyncio.open_connection('127.0.0.1', 9435))
    conn, _ = await loop.sock_accept(server)
    reader, writer = await connecting
    print(conn.fileno(), writer.get_extra_info('socket').fileno())
    print(conn.getsockname(), conn.gettimeout(), conn.getblocking())
    writer.close()
    await writer.wait_closed()
    print(await loop.sock_recv(conn, 10))
    conn.close()


asyncio.run(main())
print(socket.socket().fileno())
s = socket.socket()
t = socket.socket()
print(s.fileno(), t.fileno())
server.close()
