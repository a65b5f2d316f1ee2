# asyncio.open_connection(sock=) over socket.socketpair (the asyncio docs' "register an open socket to wait for data using streams")
import asyncio
import socket


async def wait_for_data():
    loop = asyncio.get_running_loop()
    rsock, wsock = socket.socketpair()
    reader, writer = await asyncio.open_connection(sock=rsock)
    print(writer.get_extra_info('socket'))
    print(writer.get_extra_info('peername'), writer.get_extra_info('sockname'))
    loop.call_soon(wsock.send, 'abc'.encode())
    data = await reader.read(100)
    print("Received:", data.decode())
    wsock.sendall(b'line one\nline two\n')
    print(await reader.readline())
    print(await reader.readline())
    writer.write(b'back')
    await writer.drain()
    wsock.setblocking(False)
    print(wsock.recv(10))
    wsock.close()
    print(await reader.read())
    writer.close()
    await writer.wait_closed()
    print(rsock.fileno(), rsock)


asyncio.run(wait_for_data())
