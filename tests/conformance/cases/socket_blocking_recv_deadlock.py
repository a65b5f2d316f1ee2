# a blocking recv on a socket nobody will write to waits forever: the run ends as a deadlock (CPython would hang)
import socket

a, b = socket.socketpair()
b.sendall(b'first')
print(a.recv(100))
print("waiting", end=" ")
a.recv(100)
print("never")
