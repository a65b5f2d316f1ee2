# streams on the loopback network when the peer goes away: a server that closes at once (EOF, then a write answered by a reset: drain's ConnectionResetError, the reader's BrokenPipeError), and a client_connected_cb that raises (the loop's 'Unhandled exception in client_connected_cb')
import asyncio

async def rude(reader, writer):
    print("rude server closes at once")
    writer.close()

async def main():
    srv = await asyncio.start_server(rude, "127.0.0.1", 7100)
    r, w = await asyncio.open_connection("127.0.0.1", 7100)
    await asyncio.sleep(0.1)
    print("client reads", await r.read(10), r.at_eof())
    w.write(b"hello?")
    await asyncio.sleep(0.1)
    try:
        w.write(b"again")
        await w.drain()
        print("drain ok", w.is_closing())
    except ConnectionError as e:
        print("drain:", type(e).__name__, e)
    try:
        print(await r.read(10))
    except ConnectionError as e:
        print("read:", type(e).__name__, e)
    w.close()
    try:
        await w.wait_closed()
    except ConnectionError as e:
        print("wait_closed:", type(e).__name__, e)
    srv.close()
    await srv.wait_closed()
    # a handler that raises
    async def bad(reader, writer):
        await reader.readline()
        raise ValueError("handler bug")
    srv = await asyncio.start_server(bad, "127.0.0.1", 7101)
    r, w = await asyncio.open_connection("127.0.0.1", 7101)
    w.write(b"x\n")
    await asyncio.sleep(0.1)
    print("after bad handler", await r.read(5))
    w.close()
    srv.close()
    await asyncio.sleep(0.1)
    print("end")

asyncio.run(main())
