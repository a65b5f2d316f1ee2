# a transport's socket (asyncio.TransportSocket): socket options (TCP_NODELAY set by asyncio, SO_REUSEADDR on a server's socket), timeouts and blocking refused
import asyncio
import socket


async def handle(reader, writer):
    sock = writer.get_extra_info('socket')
    print("server side nodelay", sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    writer.close()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 9438)
    listening = server.sockets[0]
    print(listening.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
    print(listening.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    reader, writer = await asyncio.open_connection('127.0.0.1', 9438)
    sock = writer.get_extra_info('socket')
    print(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
    print(sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
    print(sock.gettimeout(), sock.settimeout(0), sock.setblocking(False))
    for call in (lambda: sock.settimeout(1.0), lambda: sock.setblocking(True)):
        try:
            call()
        except ValueError as e:
            print(e)
    raw = socket.socket()
    print(raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY),
          raw.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE),
          raw.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
    raw.close()
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
