# a blocking accept on a listening socket nobody connects to waits forever, after accepting the one that did
import socket

with socket.socket() as server:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', 9431))
    server.listen()
    client = socket.create_connection(('localhost', 9431))
    conn, addr = server.accept()
    print(conn.getsockname(), client.getpeername())
    server.settimeout(0.5)
    try:
        server.accept()
    except TimeoutError as e:
        print(type(e).__name__, e)
    server.settimeout(None)
    server.accept()
    print("never")
