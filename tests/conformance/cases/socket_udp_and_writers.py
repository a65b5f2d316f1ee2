# loop.sock_recvfrom/sock_sendto on raw UDP sockets, create_datagram_endpoint(sock=), add_writer/remove_writer, and a task cancelled while waiting in sock_recv
import asyncio
import socket


class Client(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done

    def connection_made(self, transport):
        self.transport = transport
        print("client socket", transport.get_extra_info('socket').type)
        transport.sendto(b'ping', ('127.0.0.1', 9436))

    def datagram_received(self, data, addr):
        print("client got", data, addr)
        self.done.set_result(data)


async def main():
    loop = asyncio.get_running_loop()
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(('127.0.0.1', 9436))
    server.setblocking(False)
    done = loop.create_future()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(('127.0.0.1', 9437))
    transport, _ = await loop.create_datagram_endpoint(lambda: Client(done), sock=sock)
    data, addr = await loop.sock_recvfrom(server, 100)
    print("server got", data, addr)
    print(await loop.sock_sendto(server, data.upper(), addr))
    print(await done)
    transport.close()
    server.close()

    a, b = socket.socketpair()
    a.setblocking(False)
    ready = loop.create_future()
    loop.add_writer(a, lambda: ready.done() or ready.set_result('writable'))
    print(await ready, loop.remove_writer(a), loop.remove_writer(a))
    waiting = asyncio.create_task(loop.sock_recv(a, 10))
    await asyncio.sleep(0.5)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print("cancelled; reader removed:", loop.remove_reader(a))
    buf = bytearray(4)
    b.send(b'12345678')
    print(await loop.sock_recv_into(a, buf), buf)
    print(await loop.sock_recv(a, 100))
    a.close()
    b.close()
    try:
        loop.add_reader(a, print)
    except ValueError as e:
        print(e)


asyncio.run(main())
