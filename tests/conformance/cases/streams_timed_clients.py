# streams on the loopback network over time: a server that echoes slowly in 3-byte reads, clients connecting at different times with write_eof and 2-byte reads, serve_forever under wait_for's timeout, and a second asyncio.run reusing the port and descriptors
import asyncio
import time


async def slow_echo(reader, writer):
    addr = writer.get_extra_info("peername")[0]
    while data := await reader.read(3):
        print(f"server got {data!r} at {time.monotonic():.2f}")
        await asyncio.sleep(0.1)
        writer.write(data.upper())
        await writer.drain()
    print("server: eof from", addr)
    writer.close()


async def client(i, text):
    await asyncio.sleep(0.05 * i)
    r, w = await asyncio.open_connection("127.0.0.1", 7300)
    w.write(text.encode())
    w.write_eof()
    got = b""
    while chunk := await r.read(2):
        got += chunk
    print(f"client {i} got {got!r} at {time.monotonic():.2f}")
    w.close()
    await w.wait_closed()


async def main(n):
    server = await asyncio.start_server(slow_echo, "127.0.0.1", 7300)
    print("run", n, server.sockets[0])
    async with server:
        await asyncio.gather(*(client(i, t) for i, t in enumerate(["abcdefg", "xy", "hello"])))
        try:
            await asyncio.wait_for(server.serve_forever(), 0.2)
        except asyncio.TimeoutError:
            print("serve_forever timed out; serving:", server.is_serving())


asyncio.run(main(1))
asyncio.run(main(2))
