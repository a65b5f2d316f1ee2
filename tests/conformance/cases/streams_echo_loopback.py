# asyncio streams on the loopback network: the docs' echo server and client in one program, clients one after another and together, writer/reader/transport reprs with descriptor numbers, localhost resolved through the executor, readexactly's IncompleteReadError, write_eof, and a refused connection
import asyncio


async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    print(f"Received {message!r} from {writer.get_extra_info('peername')[0]}")
    writer.write(data)
    await writer.drain()
    print("Close the connection")
    writer.close()
    await writer.wait_closed()
    print("handler done")


async def tcp_echo_client(message, host='127.0.0.1'):
    reader, writer = await asyncio.open_connection(host, 8888)
    print(f'Send: {message!r} to {writer.get_extra_info("peername")}')
    writer.write(message.encode())
    await writer.drain()
    data = await reader.read(100)
    print(f'Received: {data.decode()!r}')
    writer.close()
    await writer.wait_closed()
    print("client done")


async def inspector(reader, writer):
    print("server writer", writer)
    print("server reader", reader)
    print(writer.transport, writer.get_extra_info("sockname"))
    print("line", await reader.readline())
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, e.partial, e.expected)
    writer.close()


async def main():
    server = await asyncio.start_server(handle_echo, '127.0.0.1', 8888)
    print(server)
    print([s.getsockname() for s in server.sockets], server.is_serving())
    async with server:
        await tcp_echo_client('Hello World!')
        print("--- together")
        await asyncio.gather(tcp_echo_client('A'), tcp_echo_client('B', 'localhost'))
    print("server closed", server.is_serving(), server.sockets)

    other = await asyncio.start_server(inspector, "127.0.0.1", 9100)
    r, w = await asyncio.open_connection("127.0.0.1", 9100)
    print("client writer", w)
    w.write(b"abc\nxyz")
    w.write_eof()
    print(w.can_write_eof(), w.is_closing())
    await asyncio.sleep(0.1)
    print(await r.read(), r.at_eof())
    w.close()
    await w.wait_closed()
    other.close()
    await other.wait_closed()
    for host in ["127.0.0.1", "localhost"]:
        try:
            await asyncio.open_connection(host, 9101)
        except OSError as e:
            print("refused:", type(e).__name__, e.errno, e)


asyncio.run(main())
