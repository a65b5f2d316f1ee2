# a hand-made event loop on selectors.DefaultSelector and non-blocking sockets (the way courses explain what asyncio does), and select.select
import select
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel).__name__, sel.get_map() is not None)
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('127.0.0.1', 9441))
server.listen()
server.setblocking(False)
print(server.fileno(), sel.fileno())


def accept(sock, mask):
    conn, addr = sock.accept()
    conn.setblocking(False)
    print("accepted", conn.fileno(), mask)
    sel.register(conn, selectors.EVENT_READ, echo)


def echo(conn, mask):
    data = conn.recv(1000)
    if data:
        print("echoing", data)
        conn.send(data.upper())
    else:
        print("closing", conn.fileno())
        sel.unregister(conn)
        conn.close()


key = sel.register(server, selectors.EVENT_READ, accept)
print(key.fd, key.events, key.data is accept)
clients = [socket.create_connection(('127.0.0.1', 9441)) for _ in range(2)]
clients[0].send(b'first')
for round_ in range(4):
    events = sel.select(timeout=0.1)
    print("round", round_, [(k.fd, m) for k, m in events])
    for k, m in events:
        k.data(k.fileobj, m)
    if round_ == 1:
        clients[1].send(b'second')
        print(clients[0].recv(100))
        clients[0].close()
print(clients[1].recv(100))
r, w, x = select.select([clients[1], server], [clients[1]], [], 0)
print([s.fileno() for s in r], [s.fileno() for s in w], x)
print(select.select([server], [], [], 0.5))
try:
    sel.register(server, selectors.EVENT_READ)
except KeyError as e:
    print("KeyError", e.args[0][-30:])
print(len(sel.get_map()), sel.get_key(server).fd)
sel.close()
clients[1].close()
server.close()
