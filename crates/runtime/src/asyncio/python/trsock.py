# asyncio.trsock: CPython 3.11.7's Lib/asyncio/trsock.py (PSF license) for
# the sockets of Loopscope's loopback network (the socket module): what
# server.sockets and a transport's get_extra_info('socket') give of a socket
# (the methods 3.11 deprecates, and dup and get_inheritable, are left out).


class TransportSocket:
    __slots__ = ('_sock',)

    def __init__(self, sock):
        self._sock = sock

    @property
    def family(self):
        return self._sock.family

    @property
    def type(self):
        return self._sock.type

    @property
    def proto(self):
        return self._sock.proto

    def fileno(self):
        return self._sock.fileno()

    def getsockname(self):
        return self._sock.getsockname()

    def __getstate__(self):
        raise TypeError("Cannot serialize asyncio.TransportSocket object")

    def shutdown(self, how):
        self._sock.shutdown(how)

    def getsockopt(self, *args, **kwargs):
        return self._sock.getsockopt(*args, **kwargs)

    def setsockopt(self, *args, **kwargs):
        self._sock.setsockopt(*args, **kwargs)

    def settimeout(self, value):
        if value == 0:
            return
        raise ValueError(
            'settimeout(): only 0 timeout is allowed on transport sockets')

    def gettimeout(self):
        return 0

    def setblocking(self, flag):
        if not flag:
            return
        raise ValueError(
            'setblocking(): transport sockets cannot be blocking')

    def getpeername(self):
        return self._sock.getpeername()

    def __repr__(self):
        s = (f"<asyncio.TransportSocket fd={self.fileno()}, family={self.family}, "
             f"type={self.type}, proto={self.proto}")
        if self.fileno() != -1:
            laddr = self.getsockname()
            if laddr:
                s = f"{s}, laddr={laddr}"
            try:
                raddr = self.getpeername()
                if raddr:
                    s = f"{s}, raddr={raddr}"
            except OSError:
                pass
        return f"{s}>"
