# asyncio.start_server's hosts on the loopback network: None and '' listen on every interface (IPv4 and IPv6), '0.0.0.0' on IPv4, 'localhost' on 127.0.0.1; a client reaches each through localhost
import asyncio
async def h(r, w):
    print("conn", w.get_extra_info("sockname"))
    w.close()
async def main():
    for host in [None, '', '0.0.0.0', 'localhost']:
        s = await asyncio.start_server(h, host, 8001)
        print(repr(host), [x.getsockname() for x in s.sockets])
        r, w = await asyncio.open_connection('localhost', 8001)
        print(await r.read())
        w.close()
        s.close()
        await s.wait_closed()
asyncio.run(main())
