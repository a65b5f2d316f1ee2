# _socket as Loopscope has it: the socket type and the in-memory loopback
# network standing in for Linux's kernel (CPython writes _socket in C over the
# real one). TCP and UDP over IPv4 on this machine (127.0.0.1, and the names
# and wildcard addresses that resolve to it) and UNIX socket pairs; a socket's
# descriptor is the process's lowest free one (`_loopscope.open_descriptor`:
# an event loop holds three). Each endpoint keeps the selectors watching it
# (asyncio's epoll-like selectors, asyncio/selector_events.py) and wakes them
# when it becomes ready. Writes never block (buffers have no limit); a
# blocking call that would wait ends the run as a deadlock, since nothing else
# can run while it waits. Not simulated, with an error naming it: other hosts
# (refused, or a gaierror for their names), IPv6 connections, UNIX socket paths,
# raw sockets.

import _loopscope

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOCK_RDM = 4
SOCK_SEQPACKET = 5
SOCK_NONBLOCK = 2048
SOCK_CLOEXEC = 524288
SOL_IP = 0
SOL_SOCKET = 1
SOL_TCP = 6
SOL_UDP = 17
SO_DEBUG = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_DONTROUTE = 5
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_OOBINLINE = 10
SO_LINGER = 13
SO_REUSEPORT = 15
SO_RCVLOWAT = 18
SO_SNDLOWAT = 19
SO_RCVTIMEO = 20
SO_SNDTIMEO = 21
SO_ACCEPTCONN = 30
SO_PROTOCOL = 38
SO_DOMAIN = 39
IPPROTO_IP = 0
IPPROTO_ICMP = 1
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IPV6 = 41
IPPROTO_RAW = 255
IPV6_V6ONLY = 26
TCP_NODELAY = 1
TCP_MAXSEG = 2
TCP_KEEPIDLE = 4
TCP_KEEPINTVL = 5
TCP_KEEPCNT = 6
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
AI_PASSIVE = 1
AI_CANONNAME = 2
AI_NUMERICHOST = 4
AI_V4MAPPED = 8
AI_ALL = 16
AI_ADDRCONFIG = 32
AI_NUMERICSERV = 1024
NI_NUMERICHOST = 1
NI_NUMERICSERV = 2
NI_NOFQDN = 4
NI_NAMEREQD = 8
NI_DGRAM = 16
NI_MAXSERV = 32
NI_MAXHOST = 1025
EAI_AGAIN = -3
EAI_NONAME = -2
MSG_OOB = 1
MSG_PEEK = 2
MSG_DONTROUTE = 4
MSG_DONTWAIT = 64
MSG_WAITALL = 256
MSG_NOSIGNAL = 16384
INADDR_ANY = 0
INADDR_LOOPBACK = 2130706433
INADDR_BROADCAST = 4294967295
SOMAXCONN = 4096
has_ipv6 = True

error = OSError
timeout = TimeoutError


class herror(OSError):
    __module__ = 'socket'


class gaierror(OSError):
    __module__ = 'socket'


_EVENT_READ = 1
_EVENT_WRITE = 2
# The first local port of a client socket (the kernel's choice in CPython; see
# docs/differences.md).
_FIRST_EPHEMERAL_PORT = 50000
# The addresses of this machine a socket may connect to, and bind.
_LOCAL_ADDRESSES = ('127.0.0.1', '0.0.0.0')
_BINDABLE_ADDRESSES = _LOCAL_ADDRESSES + ('::',)
# What the machine's resolver answers for the names it knows.
_HOSTS = {'': '0.0.0.0', '<broadcast>': '255.255.255.255', 'localhost': '127.0.0.1',
          'localhost.localdomain': '127.0.0.1'}
_defaulttimeout = None


def _errno():
    # Library modules are imported where first used, so that importing the
    # network fetches as few library files in the page as it can.
    import errno
    return errno


def _oserror(code):
    import os
    return OSError(code, os.strerror(code))


def _not_simulated(what):
    return NotImplementedError(
        f"{what} is not simulated: Loopscope's network is TCP and UDP over IPv4 on "
        "this machine (127.0.0.1, localhost) and UNIX socket pairs")


def _would_block():
    return BlockingIOError(_errno().EAGAIN, 'Resource temporarily unavailable')


def _resolve(host):
    # An IPv4 address for `host`, as the recording machine's resolver gives it.
    if isinstance(host, (bytes, bytearray)):
        host = bytes(host).decode('idna')
    if not isinstance(host, str):
        raise TypeError(f'str, bytes or bytearray expected, not {type(host).__name__}')
    if host in _HOSTS:
        return _HOSTS[host]
    parts = host.split('.')
    if len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts):
        return host
    if ':' in host:
        return host
    raise gaierror(EAI_AGAIN, 'Temporary failure in name resolution')


class _Network:
    # The kernel's tables: open descriptors, bound and listening sockets by
    # address, the next ephemeral port.
    def __init__(self):
        self.fds = {}
        self.bound = {}
        self.listeners = {}
        self.datagram_ports = {}
        self.next_port = _FIRST_EPHEMERAL_PORT

    def new_fd(self, endpoint):
        fd = _loopscope.open_descriptor()
        self.fds[fd] = endpoint
        endpoint._fd = fd
        return fd

    def free_fd(self, fd):
        if self.fds.pop(fd, None) is not None:
            _loopscope.close_descriptor(fd)

    def ephemeral_port(self):
        port = self.next_port
        self.next_port += 1
        return port

    def listener_for(self, address, table=None):
        table = self.listeners if table is None else table
        host, port = address[:2]
        if host not in _LOCAL_ADDRESSES:
            return None
        return table.get((host, port)) or table.get(('0.0.0.0', port))

    def in_use(self, host, port):
        # Linux refuses a second TCP bind on a port whose address overlaps (an
        # IPv6 socket only listens on IPv6, as asyncio and create_server ask).
        for (other, other_port) in self.bound:
            if other_port != port or (':' in other) != (':' in host):
                continue
            if other == host or '0.0.0.0' in (host, other):
                return True
        return False


_network = _Network()


class _Endpoint:
    # The kernel's side of one socket: non-blocking TCP, UDP or UNIX-pair
    # state. The socket objects (`socket` below) reach it by descriptor.

    def __init__(self, family=AF_INET, type=SOCK_STREAM):
        from collections import deque
        self.family = family
        self.type = type
        if family == AF_UNIX:
            self.proto = 0
        else:
            self.proto = IPPROTO_TCP if type == SOCK_STREAM else IPPROTO_UDP
        self._fd = None
        # A UDP socket's datagrams and where it sends them once connected.
        self._datagrams = deque()
        self._remote = None
        if family == AF_UNIX:
            self._laddr = ''
        elif family == AF_INET6:
            self._laddr = ('::', 0, 0, 0)
        else:
            self._laddr = ('0.0.0.0', 0)
        self._bound = False
        self._peer = None
        self._listening = False
        self._backlog = deque()
        self._inbuf = bytearray()
        self._eof = False
        # The error a reset left (0: none): EPIPE once the peer had ended the
        # connection (CLOSE_WAIT), else ECONNRESET, as Linux's tcp_reset sets it.
        self._reset = 0
        self._shut_wr = False
        self._error = 0
        self._options = {}
        self._closed = False
        self._selectors = []

    def getsockname(self):
        return self._laddr

    def getpeername(self):
        if self._remote is not None:
            return self._remote
        if self._peer is None:
            raise _oserror(_errno().ENOTCONN)
        return self._peer._laddr

    def _check_address(self, address, what):
        if self.family == AF_UNIX:
            raise _not_simulated(f'{what}() to a UNIX socket path')
        kind = 'AF_INET6' if self.family == AF_INET6 else 'AF_INET'
        if not isinstance(address, tuple):
            raise TypeError(f'{what}(): {kind} address must be tuple, not '
                            f'{type(address).__name__}')
        host, port = address[:2]
        host = _resolve(host)
        if not isinstance(port, int):
            raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")
        if not 0 <= port <= 65535:
            raise OverflowError(f'{what}(): port must be 0-65535.')
        return host, port

    def bind(self, address):
        host, port = self._check_address(address, 'bind')
        if self._bound or self._peer is not None:
            raise _oserror(_errno().EINVAL)
        if host not in _BINDABLE_ADDRESSES:
            raise _oserror(_errno().EADDRNOTAVAIL)
        if self.type == SOCK_STREAM:
            if port and _network.in_use(host, port):
                raise _oserror(_errno().EADDRINUSE)
        elif port and (host, port) in _network.datagram_ports:
            raise _oserror(_errno().EADDRINUSE)
        if not port:
            port = _network.ephemeral_port()
        self._laddr = (host, port) + tuple(address[2:])
        if self.family == AF_INET6:
            self._laddr = (host, port, 0, 0)
        self._bound = True
        if self.type == SOCK_DGRAM:
            _network.datagram_ports[(host, port)] = self
        else:
            _network.bound[(host, port)] = self

    def listen(self, backlog=128):
        if self.type != SOCK_STREAM:
            raise _oserror(_errno().EOPNOTSUPP)
        if self.family == AF_UNIX:
            raise _not_simulated('listen() on a UNIX socket')
        if not self._bound:
            self.bind(('0.0.0.0', 0))
        if not self._listening:
            self._listening = True
            _network.listeners[self._laddr[:2]] = self

    def connect(self, address):
        # Linux's non-blocking connect: EINPROGRESS, then the socket is
        # writable once connected, or its SO_ERROR says why not.
        host, port = self._check_address(address, 'connect')
        if self.type == SOCK_DGRAM:
            if not self._laddr[1]:
                self.bind(('127.0.0.1', 0))
            self._remote = (host, port)
            return
        if self.family == AF_INET6:
            raise _not_simulated('an IPv6 connection')
        if self._peer is not None:
            raise _oserror(_errno().EISCONN)
        if not self._bound:
            self._laddr = ('127.0.0.1', _network.ephemeral_port())
        listener = _network.listener_for((host, port))
        if listener is None:
            self._error = _errno().ECONNREFUSED
        else:
            accepted = _Endpoint()
            accepted._laddr = ('127.0.0.1' if host == '0.0.0.0' else host, port)
            accepted._peer = self
            self._peer = accepted
            listener._backlog.append(accepted)
            listener._wake(_EVENT_READ)
        raise BlockingIOError(_errno().EINPROGRESS, 'Operation now in progress')

    def accept(self):
        if not self._listening:
            raise _oserror(_errno().EINVAL)
        if not self._backlog:
            raise _would_block()
        conn = self._backlog.popleft()
        _network.new_fd(conn)
        return conn, conn.getpeername()

    def getsockopt(self, level, option):
        if (level, option) == (SOL_SOCKET, SO_ERROR):
            error, self._error = self._error, 0
            return error
        if level == SOL_SOCKET and option in (SO_TYPE, SO_PROTOCOL, SO_DOMAIN):
            return {SO_TYPE: self.type, SO_PROTOCOL: self.proto, SO_DOMAIN: self.family}[option]
        if (level, option) == (SOL_SOCKET, SO_ACCEPTCONN):
            return int(self._listening)
        return self._options.get((level, option), 0)

    def setsockopt(self, level, option, value):
        self._options[(level, option)] = value if isinstance(value, bytes) else int(value)

    def _reset_by_peer(self):
        self._reset = _errno().EPIPE if self._eof else _errno().ECONNRESET

    def recv(self, bufsize, peek=False):
        if self.type == SOCK_DGRAM:
            return self.recvfrom(bufsize, peek)[0]
        if self._reset:
            raise _oserror(self._reset)
        if self._peer is None and not self._eof:
            raise _oserror(_errno().ENOTCONN)
        if self._inbuf:
            data = bytes(self._inbuf[:bufsize])
            if not peek:
                del self._inbuf[:bufsize]
            return data
        if self._eof:
            return b''
        raise _would_block()

    def send(self, data):
        if self.type == SOCK_DGRAM:
            if self._peer is not None:
                return self._send_datagram(data)
            if self._remote is None:
                raise _oserror(_errno().EDESTADDRREQ)
            return self.sendto(data, self._remote)
        if self._reset:
            raise _oserror(self._reset)
        if self._shut_wr:
            raise _oserror(_errno().EPIPE)
        peer = self._peer
        if peer is None:
            raise _oserror(_errno().ENOTCONN if self.family == AF_UNIX else _errno().EPIPE)
        if peer._closed:
            if self.family == AF_UNIX:
                raise _oserror(_errno().EPIPE)
            # The peer's kernel answers with a reset.
            self._reset_by_peer()
            self._wake(_EVENT_READ | _EVENT_WRITE)
        else:
            peer._inbuf.extend(data)
            peer._wake(_EVENT_READ)
        return len(data)

    def _send_datagram(self, data):
        # A datagram to the other socket of a UNIX pair.
        if self._peer._closed:
            raise _oserror(_errno().ECONNREFUSED)
        self._peer._datagrams.append((bytes(data), None))
        self._peer._wake(_EVENT_READ)
        return len(data)

    def sendto(self, data, address):
        # A datagram over loopback: it arrives at once, or a connected socket
        # hears the port is unreachable (Linux reports it to it, as ECONNREFUSED).
        if self.type == SOCK_STREAM:
            return self.send(data)
        address = self._check_address(address, 'sendto')
        if not self._laddr[1]:
            self.bind(('0.0.0.0', 0))
        target = _network.listener_for(address, _network.datagram_ports)
        if target is not None and not target._closed:
            host = '127.0.0.1' if self._laddr[0] == '0.0.0.0' else self._laddr[0]
            target._datagrams.append((bytes(data), (host, self._laddr[1])))
            target._wake(_EVENT_READ)
        elif self._remote is not None:
            self._error = _errno().ECONNREFUSED
            self._wake(_EVENT_READ)
        return len(data)

    def recvfrom(self, bufsize, peek=False):
        if self.type == SOCK_STREAM:
            return self.recv(bufsize, peek), None
        if self._error:
            error, self._error = self._error, 0
            raise _oserror(error)
        if self._datagrams:
            data, address = self._datagrams[0] if peek else self._datagrams.popleft()
            return data[:bufsize], address
        raise _would_block()

    def shutdown(self, how):
        if self._peer is None and self.type == SOCK_STREAM:
            raise _oserror(_errno().ENOTCONN)
        if how in (SHUT_RD, SHUT_RDWR):
            self._eof = True
            self._wake(_EVENT_READ)
        if how in (SHUT_WR, SHUT_RDWR):
            self._shut_wr = True
            if self._peer is not None and not self._peer._closed:
                self._peer._eof = True
                self._peer._wake(_EVENT_READ)

    def close(self):
        if self._closed:
            return
        self._closed = True
        for selector in self._selectors:
            selector._forget(self._fd)
        _network.free_fd(self._fd)
        if self.type == SOCK_DGRAM:
            _network.datagram_ports.pop(self._laddr[:2], None)
        elif _network.bound.get(self._laddr[:2]) is self:
            del _network.bound[self._laddr[:2]]
        if self._listening:
            _network.listeners.pop(self._laddr[:2], None)
            for pending in self._backlog:
                pending._closed = True
                pending._peer._reset_by_peer()
                pending._peer._wake(_EVENT_READ)
        peer = self._peer
        if peer is not None and not peer._closed:
            # Unread data makes the kernel reset the connection, else it ends it.
            if self._inbuf:
                peer._reset_by_peer()
            else:
                peer._eof = True
            peer._wake(_EVENT_READ)

    def _readiness(self):
        if self.type == SOCK_DGRAM:
            return _EVENT_WRITE | (_EVENT_READ if self._datagrams or self._error else 0)
        if self._listening:
            return _EVENT_READ if self._backlog else 0
        if self._error:
            return _EVENT_READ | _EVENT_WRITE
        if self._peer is None:
            return _EVENT_READ if self._eof else 0
        ready = _EVENT_WRITE
        if self._inbuf or self._eof or self._reset:
            ready |= _EVENT_READ
        return ready

    def _wake(self, mask):
        for selector in self._selectors:
            selector._wake(self._fd, mask)


def _bytes_of(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(data)


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object"""

    __slots__ = ('_fd', '_family', '_type', '_proto', '_timeout')

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
            kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
            if family not in (AF_UNIX, AF_INET, AF_INET6):
                raise _oserror(_errno().EAFNOSUPPORT)
            if kind not in (SOCK_STREAM, SOCK_DGRAM):
                raise _not_simulated(f'a socket of type {kind}')
            endpoint = _Endpoint(family, kind)
            _network.new_fd(endpoint)
        else:
            if fileno < 0:
                raise ValueError('negative file descriptor')
            endpoint = _network.fds.get(fileno)
            if endpoint is None:
                raise _oserror(_errno().EBADF)
            family = endpoint.family if family == -1 else family
            type = endpoint.type if type == -1 else type
            proto = endpoint.proto if proto == -1 else proto
            kind = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._fd = endpoint._fd
        self._family = family
        self._type = kind
        self._proto = proto
        self._timeout = 0.0 if type & SOCK_NONBLOCK else _defaulttimeout

    family = property(lambda self: self._family, doc='the socket family')
    type = property(lambda self: self._type, doc='the socket type')
    proto = property(lambda self: self._proto, doc='the socket protocol')
    timeout = property(lambda self: self._timeout, doc='the socket timeout')

    def __repr__(self):
        return (f'<socket object, fd={self._fd}, family={self._family}, '
                f'type={self._type}, proto={self._proto}>')

    def __del__(self):
        # The kernel closes the descriptor of a socket nobody holds any more.
        if getattr(self, '_fd', -1) != -1:
            socket.close(self)

    def _endpoint(self):
        endpoint = _network.fds.get(self._fd) if self._fd != -1 else None
        if endpoint is None:
            raise _oserror(_errno().EBADF)
        return endpoint

    def _blocking(self, what, call, *args):
        # A call that would block: BlockingIOError on a non-blocking socket;
        # on a blocking one CPython would wait for another program's move,
        # which no other part of a simulated run can make.
        try:
            return call(*args)
        except BlockingIOError:
            if self._timeout == 0.0:
                raise
            if self._timeout is not None:
                raise TimeoutError('timed out') from None
        _loopscope.wait_forever(
            f'socket.{what}() on a blocking socket waits forever: nothing else runs while '
            f'it waits (descriptor {self._fd}); make the socket non-blocking '
            f'(setblocking(False)) and await loop.sock_{what}() instead')

    def fileno(self):
        return self._fd

    def close(self):
        if self._fd != -1:
            endpoint = _network.fds.get(self._fd)
            self._fd = -1
            if endpoint is not None:
                endpoint.close()

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def setblocking(self, flag):
        self._endpoint()
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError('Timeout value out of range')
        self._endpoint()
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def bind(self, address):
        self._endpoint().bind(address)

    def listen(self, backlog=128):
        self._endpoint().listen(backlog)

    def _accept(self):
        endpoint, address = self._blocking('accept', self._endpoint().accept)
        return endpoint._fd, address

    def connect(self, address):
        endpoint = self._endpoint()
        try:
            endpoint.connect(address)
        except BlockingIOError:
            if self._timeout == 0.0:
                raise
            error, endpoint._error = endpoint._error, 0
            if error:
                raise _oserror(error) from None

    def connect_ex(self, address):
        try:
            self.connect(address)
        except (gaierror, TypeError, OverflowError, NotImplementedError):
            raise
        except OSError as exc:
            return exc.errno
        return 0

    def getsockname(self):
        return self._endpoint().getsockname()

    def getpeername(self):
        return self._endpoint().getpeername()

    def getsockopt(self, level, option, buflen=None):
        return self._endpoint().getsockopt(level, option)

    def setsockopt(self, level, option, value, optlen=None):
        self._endpoint().setsockopt(level, option, value)

    def recv(self, bufsize, flags=0):
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        endpoint = self._endpoint()
        return self._blocking('recv', endpoint.recv, bufsize, bool(flags & MSG_PEEK))

    def recv_into(self, buffer, nbytes=0, flags=0):
        data = self.recv(nbytes or len(buffer), flags)
        buffer[:len(data)] = data
        return len(data)

    def recvfrom(self, bufsize, flags=0):
        endpoint = self._endpoint()
        return self._blocking('recvfrom', endpoint.recvfrom, bufsize, bool(flags & MSG_PEEK))

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        data, address = self.recvfrom(nbytes or len(buffer), flags)
        buffer[:len(data)] = data
        return len(data), address

    def send(self, data, flags=0):
        return self._endpoint().send(_bytes_of(data))

    def sendall(self, data, flags=0):
        self.send(data, flags)

    def sendto(self, data, flags_or_address, address=None):
        if address is None:
            address = flags_or_address
        return self._endpoint().sendto(_bytes_of(data), address)

    def shutdown(self, how):
        self._endpoint().shutdown(how)


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    # Two connected sockets (Linux makes pairs of UNIX sockets only).
    if family != AF_UNIX:
        raise _oserror(_errno().EOPNOTSUPP)
    a = socket(family, type, proto)
    b = socket(family, type, proto)
    first, second = a._endpoint(), b._endpoint()
    first._peer, second._peer = second, first
    return a, b


def getdefaulttimeout():
    return _defaulttimeout


def setdefaulttimeout(timeout):
    global _defaulttimeout
    if timeout is not None:
        timeout = float(timeout)
        if timeout < 0:
            raise ValueError('Timeout value out of range')
    _defaulttimeout = timeout


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    # The recording machine's answers for the names it knows: every interface
    # (IPv4 and IPv6) for a server without a host, else IPv4 on this machine.
    if isinstance(port, str):
        if not port.isdigit():
            raise gaierror(-8, 'Servname not supported for ai_socktype')
        port = int(port)
    elif port is None:
        port = 0
    kinds = [type] if type else [SOCK_STREAM, SOCK_DGRAM, SOCK_RAW]
    protos = {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP}
    if host is None:
        if flags & AI_PASSIVE:
            addresses = [(AF_INET, ('0.0.0.0', port)), (AF_INET6, ('::', port, 0, 0))]
        else:
            addresses = [(AF_INET, ('127.0.0.1', port))]
    else:
        addresses = [(AF_INET, (_resolve(host), port))]
    if family not in (AF_UNSPEC, AF_INET, AF_INET6):
        raise gaierror(-6, 'ai_family not supported')
    return [(af, kind, proto or protos.get(kind, 0), '', address)
            for af, address in addresses if family in (AF_UNSPEC, af)
            for kind in kinds]


def gethostbyname(hostname):
    return _resolve(hostname)


def gethostname():
    # The recording machine's name, as platform.node() gives it.
    import platform
    return platform.node()


def htons(x):
    return ((x & 0xff) << 8) | ((x >> 8) & 0xff)


ntohs = htons


def htonl(x):
    return int.from_bytes(x.to_bytes(4, 'little'), 'big')


ntohl = htonl


def inet_aton(ip_string):
    parts = ip_string.split('.')
    if len(parts) != 4 or not all(p.isdigit() and int(p) < 256 for p in parts):
        raise OSError('illegal IP address string passed to inet_aton')
    return bytes(int(p) for p in parts)


def inet_ntoa(packed_ip):
    if len(packed_ip) != 4:
        raise OSError('packed IP wrong length for inet_ntoa')
    return '.'.join(str(b) for b in packed_ip)
