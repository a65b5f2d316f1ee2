# UDP on the loopback network: the docs' datagram echo server and client through loop.create_datagram_endpoint (local_addr, remote_addr), transports' reprs, and a connected client's ConnectionRefusedError from a port nobody listens on, reported to error_received
import asyncio


class EchoServerProtocol:
    def connection_made(self, transport):
        self.transport = transport
        print("server ready", transport.get_extra_info("sockname"))

    def datagram_received(self, data, addr):
        message = data.decode()
        print('Received %r from %s' % (message, addr[0]))
        print('Send %r to %s' % (message, addr[0]))
        self.transport.sendto(data, addr)

    def connection_lost(self, exc):
        print("server lost", exc)


class EchoClientProtocol:
    def __init__(self, message, on_con_lost):
        self.message = message
        self.on_con_lost = on_con_lost
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print('Send:', self.message)
        self.transport.sendto(self.message.encode())

    def datagram_received(self, data, addr):
        print("Received:", data.decode())
        print("Close the socket")
        self.transport.close()

    def error_received(self, exc):
        print('Error received:', type(exc).__name__, exc)
        self.transport.close()

    def connection_lost(self, exc):
        print("Connection closed", exc)
        self.on_con_lost.set_result(True)


async def main():
    print("Starting UDP server")
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_datagram_endpoint(
        lambda: EchoServerProtocol(), local_addr=('127.0.0.1', 9999))
    print(transport)
    for msg, port in [("Hello World!", 9999), ("nobody home", 9998)]:
        on_con_lost = loop.create_future()
        ct, cp = await loop.create_datagram_endpoint(
            lambda: EchoClientProtocol(msg, on_con_lost), remote_addr=('127.0.0.1', port))
        print(ct, ct.get_extra_info("peername"))
        try:
            await on_con_lost
        finally:
            ct.close()
    await asyncio.sleep(1)
    transport.close()
    await asyncio.sleep(0)


asyncio.run(main())
