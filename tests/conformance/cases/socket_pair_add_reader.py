# socket.socketpair with loop.add_reader/remove_reader, and wsock.send scheduled by call_soon (the asyncio docs' "watch a file descriptor" example)
import asyncio
import socket


async def wait_for_data():
    loop = asyncio.get_running_loop()
    rsock, wsock = socket.socketpair()
    print(rsock)
    print(wsock)
    print(rsock.family, rsock.type, repr(rsock.family), repr(rsock.type))
    print(rsock.getsockname(), rsock.gettimeout(), rsock.getblocking())
    fut = loop.create_future()

    def reader():
        data = rsock.recv(100)
        print("Received:", data.decode())
        fut.set_result(data)
        print("removed:", loop.remove_reader(rsock))
        print("removed again:", loop.remove_reader(rsock))

    loop.add_reader(rsock, reader)
    loop.call_soon(wsock.send, "abc".encode())
    print("sent after", await fut)
    wsock.close()
    rsock.close()
    print(rsock)
    print(rsock.fileno())


asyncio.run(wait_for_data())
