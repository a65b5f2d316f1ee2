# a generator-based scheduler on select.select over a socket pair (how courses build an event loop from scratch), ending with a selector that waits forever (deadlock)
import select
import selectors
import socket
from collections import deque

ready = deque()
waiting_read = {}


def recv(sock):
    yield 'read', sock
    return sock.recv(100)


def reader(sock, count):
    for _ in range(count):
        data = yield from recv(sock)
        print("reader got", data)
        sock.send(b'ack ' + data)
        yield 'pass', None


def writer(sock, messages):
    for message in messages:
        sock.send(message)
        print("writer sent", message)
        print("writer got", (yield from recv(sock)))


def run():
    while ready or waiting_read:
        if not ready:
            readable, _, _ = select.select(list(waiting_read), [], [])
            print("select:", [s.fileno() for s in readable])
            for sock in readable:
                ready.append(waiting_read.pop(sock))
        task = ready.popleft()
        try:
            why, what = next(task)
        except StopIteration:
            continue
        if why == 'read':
            waiting_read[what] = task
        else:
            ready.append(task)


a, b = socket.socketpair()
ready.append(reader(a, 3))
ready.append(writer(b, [b'one', b'two', b'three']))
run()
sel = selectors.DefaultSelector()
sel.register(a, selectors.EVENT_READ)
print(sel.select(0), sel.select(timeout=1.5))
print("waiting for nothing", end="... ")
sel.select()
