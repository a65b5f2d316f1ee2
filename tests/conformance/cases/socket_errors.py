# socket errors on the loopback network: connection refused (blocking connect, connect_ex, loop.sock_connect), address in use, sending on a closed socket, recv after the peer closed, sending to a closed peer
import asyncio
import errno
import socket


async def main():
    loop = asyncio.get_running_loop()
    s = socket.socket()
    try:
        s.connect(('127.0.0.1', 9))
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, e)
    s.close()
    s = socket.socket()
    print(s.connect_ex(('127.0.0.1', 9)) == errno.ECONNREFUSED)
    s.close()
    s = socket.socket()
    s.setblocking(False)
    try:
        await loop.sock_connect(s, ('127.0.0.1', 9))
    except OSError as e:
        print(type(e).__name__, e)
    s.close()

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(('127.0.0.1', 9432))
    listener.listen(5)
    other = socket.socket()
    try:
        other.bind(('127.0.0.1', 9432))
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        other.bind(('', 9432))
    except OSError as e:
        print(type(e).__name__, e)
    other.close()
    try:
        await asyncio.start_server(lambda r, w: None, '127.0.0.1', 9432)
    except OSError as e:
        print(type(e).__name__, e)

    client = socket.socket()
    client.connect(('localhost', 9432))
    conn, addr = listener.accept()
    print(conn.getsockname(), addr[0], client.getpeername())
    client.sendall(b'ping')
    print(conn.recv(100))
    client.close()
    print(conn.recv(100), conn.recv(100))
    conn.send(b'one')
    try:
        conn.send(b'two')
    except OSError as e:
        print(type(e).__name__, e)
    conn.close()
    for op in (lambda: client.send(b'x'), lambda: client.recv(1), client.fileno, client.getsockname):
        try:
            print(op())
        except OSError as e:
            print(type(e).__name__, e)
    client.close()
    listener.close()

    a, b = socket.socketpair()
    b.close()
    try:
        a.send(b'lost')
    except OSError as e:
        print(type(e).__name__, e)
    print(a.recv(10))
    a.close()
    try:
        socket.socket().connect(('no-such-host.invalid', 80))
    except socket.gaierror as e:
        print(type(e).__name__)
    with socket.socket() as s:
        try:
            s.bind(('127.0.0.1', 70000))
        except OverflowError as e:
            print(type(e).__name__, e)
        try:
            s.connect('127.0.0.1')
        except TypeError as e:
            print(type(e).__name__, e)


asyncio.run(main())
