# asyncio.trsock: CPython 3.11.7's Lib/asyncio/trsock.py (PSF license) for
# the sockets of Loopscope's loopback network (selector_events.py): what
# server.sockets and a transport's get_extra_info('socket') show of a socket
# (the socket methods that would change it are left out).


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
