# A raw-socket echo server (socket, setsockopt, bind, listen, setblocking, loop.sock_accept/sock_recv/sock_sendall) and open_connection clients
import asyncio
import socket


async def handle_client(loop, client, addr):
    print("handling", client.getsockname(), client.fileno())
    while True:
        data = await loop.sock_recv(client, 1024)
        if not data:
            break
        print("server got", data)
        await loop.sock_sendall(client, data.upper())
    print("client left", addr[0])
    client.close()


async def serve(loop, server):
    for _ in range(2):
        client, addr = await loop.sock_accept(server)
        print("accepted", addr[0], client.gettimeout())
        loop.create_task(handle_client(loop, client, addr))


async def talk(name, messages):
    reader, writer = await asyncio.open_connection('127.0.0.1', 9434)
    for message in messages:
        writer.write(message.encode())
        await writer.drain()
        print(name, "got", await reader.read(100))
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    print(server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
    print(server)
    server.bind(('127.0.0.1', 9434))
    server.listen()
    server.setblocking(False)
    print(server)
    print(server.getsockname(), server.gettimeout())
    accepting = loop.create_task(serve(loop, server))
    await asyncio.gather(talk("a", ["hello", "world"]), talk("b", ["bye"]))
    await accepting
    await asyncio.sleep(0.1)
    server.close()
    print(server)


asyncio.run(main())
