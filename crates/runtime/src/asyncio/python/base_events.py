# asyncio.base_events as Loopscope has it: the Python half of the loop, from
# CPython 3.11.7's Lib/asyncio/base_events.py (PSF license) -- Server, and
# the loop's create_connection, create_server and create_datagram_endpoint,
# which the engine's loop takes from `_LOOP_METHODS` -- on the in-memory
# loopback network of selector_events.py. Names resolve as on the recording machine: 'localhost'
# to 127.0.0.1 (through the default executor, as getaddrinfo runs), an IPv4
# address to itself. SSL, UNIX sockets, happy eyeballs and IPv6 are not
# simulated.

# gather, sleep and CancelledError are asyncio's (given to this module).
# Library modules are imported where first used (see selector_events.py).

SOCK_STREAM = 1
SOCK_DGRAM = 2
IPPROTO_UDP = 17
AF_INET = 2
AF_INET6 = 10
AF_UNSPEC = 0
IPPROTO_TCP = 6
AI_PASSIVE = 1
SOL_SOCKET = 1
SO_REUSEADDR = 2


def _network():
    import asyncio.selector_events
    return asyncio.selector_events


def _socket_module():
    import socket
    return socket


def _not_simulated(what):
    return NotImplementedError(
        f"{what} is not simulated: Loopscope's network is TCP over IPv4 on this "
        "machine (127.0.0.1, localhost), without SSL")


def _ipaddr_info(host, port, family, type, proto):
    # base_events._ipaddr_info: "host" already an IPv4 address.
    if proto not in {0, IPPROTO_TCP, IPPROTO_UDP} or host is None:
        return None
    if type == SOCK_STREAM:
        proto = IPPROTO_TCP
    elif type == SOCK_DGRAM:
        proto = IPPROTO_UDP
    else:
        return None
    if port is None or port == '' or port == b'':
        port = 0
    else:
        try:
            port = int(port)
        except (TypeError, ValueError):
            return None
    if isinstance(host, bytes):
        host = host.decode('idna')
    parts = host.split('.')
    if len(parts) == 4 and all(p.isdigit() and int(p) < 256 for p in parts):
        return AF_INET, type, proto, '', (host, port)
    return None


def _getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    # socket.getaddrinfo on the recording machine, for the names it knows:
    # every interface (IPv4 and IPv6) for a server without a host.
    port = int(port or 0)
    type = type or SOCK_STREAM
    proto = IPPROTO_TCP if type == SOCK_STREAM else IPPROTO_UDP
    if host is None and flags & AI_PASSIVE:
        return [(AF_INET, type, proto, '', ('0.0.0.0', port)),
                (AF_INET6, type, proto, '', ('::', port, 0, 0))]
    if host in ('localhost', 'localhost.localdomain', None):
        return [(AF_INET, type, proto, '', ('127.0.0.1', port))]
    raise _socket_module().gaierror(-3, 'Temporary failure in name resolution')


async def _ensure_resolved(loop, address, *, family=0, type=SOCK_STREAM, proto=0, flags=0):
    host, port = address[:2]
    info = _ipaddr_info(host, port, family, type, proto)
    if info is not None:
        return [info]
    return await loop.run_in_executor(None, _getaddrinfo, host, port, family, type,
                                      proto, flags)


class Server:

    def __init__(self, loop, sockets, protocol_factory, backlog):
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()

    def _attach(self):
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        selector = _network()._selector_of(self._loop)
        for sock in self._sockets:
            sock.listen(self._backlog)
            selector._start_serving(self._protocol_factory, sock, self, self._backlog)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    @property
    def sockets(self):
        if self._sockets is None:
            return ()
        from asyncio.trsock import TransportSocket
        return tuple(TransportSocket(s) for s in self._sockets)

    def close(self):
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        selector = _network()._selector_of(self._loop)
        for sock in sockets:
            selector._stop_serving(sock)
        self._serving = False
        if (self._serving_forever_fut is not None and
                not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):
        self._start_serving()
        await sleep(0)

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(
                f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter


async def _connect_sock(loop, exceptions, addr_info):
    my_exceptions = []
    exceptions.append(my_exceptions)
    family, type_, proto, _, address = addr_info
    sock = None
    try:
        sock = _socket_module().socket(family=family, type=type_, proto=proto)
        sock.setblocking(False)
        await _sock_connect(loop, sock, address)
        return sock
    except OSError as exc:
        my_exceptions.append(exc)
        if sock is not None:
            sock.close()
        raise
    except:
        if sock is not None:
            sock.close()
        raise
    finally:
        exceptions = my_exceptions = None


async def _sock_connect(loop, sock, address):
    # loop.sock_connect: an IP socket's address resolved again.
    selector = _network()._selector_of(loop)
    selector._check_blocking(sock)
    if sock.family in (AF_INET, AF_INET6):
        resolved = await _ensure_resolved(loop, address, family=sock.family,
                                          type=sock.type, proto=sock.proto)
        _, _, _, _, address = resolved[0]
    return await _network()._selector_of(loop).sock_connect(sock, address)


async def create_connection(
        self, protocol_factory, host=None, port=None,
        *, ssl=None, family=0,
        proto=0, flags=0, sock=None,
        local_addr=None, server_hostname=None,
        ssl_handshake_timeout=None,
        ssl_shutdown_timeout=None,
        happy_eyeballs_delay=None, interleave=None):
    if ssl or local_addr is not None or happy_eyeballs_delay is not None:
        raise _not_simulated('create_connection() with ssl, local_addr or '
                             'happy_eyeballs_delay')
    if host is None and port is None:
        if sock is None:
            raise ValueError('host and port was not specified and no sock specified')
        if sock.type != SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        return await _create_connection_transport(self, sock, protocol_factory)
    if sock is not None:
        raise ValueError('host/port and sock can not be specified at the same time')
    infos = await _ensure_resolved(self, (host, port), family=family,
                                   type=SOCK_STREAM, proto=proto, flags=flags)
    if not infos:
        raise OSError('getaddrinfo() returned empty list')
    exceptions = []
    sock = None
    for addrinfo in infos:
        try:
            sock = await _connect_sock(self, exceptions, addrinfo)
            break
        except OSError:
            continue
    if sock is None:
        exceptions = [exc for sub in exceptions for exc in sub]
        try:
            if len(exceptions) == 1:
                raise exceptions[0]
            else:
                model = str(exceptions[0])
                if all(str(exc) == model for exc in exceptions):
                    raise exceptions[0]
                raise OSError('Multiple exceptions: {}'.format(
                    ', '.join(str(exc) for exc in exceptions)))
        finally:
            exceptions = None
    return await _create_connection_transport(self, sock, protocol_factory)


async def _create_connection_transport(self, sock, protocol_factory):
    sock.setblocking(False)
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _network()._SelectorSocketTransport(
        _network()._selector_of(self), sock, protocol, waiter)
    try:
        await waiter
    except:
        transport.close()
        raise
    return transport, protocol


async def _create_server_getaddrinfo(loop, host, port, family, flags):
    infos = await _ensure_resolved(loop, (host, port), family=family,
                                   type=SOCK_STREAM, flags=flags)
    if not infos:
        raise OSError(f'getaddrinfo({host!r}) returned empty list')
    return infos

# A method of BaseEventLoop in CPython: its task's coroutine is named so.
_create_server_getaddrinfo.__qualname__ = 'BaseEventLoop._create_server_getaddrinfo'


async def create_server(
        self, protocol_factory, host=None, port=None,
        *,
        family=AF_UNSPEC,
        flags=AI_PASSIVE,
        sock=None,
        backlog=100,
        ssl=None,
        reuse_address=None,
        reuse_port=None,
        ssl_handshake_timeout=None,
        ssl_shutdown_timeout=None,
        start_serving=True):
    if ssl:
        raise _not_simulated('create_server() with ssl')
    if host is None and port is None:
        if sock is None:
            raise ValueError('Neither host/port nor sock were specified')
        if sock.type != SOCK_STREAM:
            raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        return await _serve(self, [sock], protocol_factory, backlog, start_serving)
    if sock is not None:
        raise ValueError('host/port and sock can not be specified at the same time')
    if host == '':
        hosts = [None]
    elif isinstance(host, str) or host is None:
        hosts = [host]
    else:
        hosts = host
    fs = [_create_server_getaddrinfo(self, host, port, family=family, flags=flags)
          for host in hosts]
    infos = await gather(*fs)
    import itertools
    infos = list(dict.fromkeys(itertools.chain.from_iterable(infos)))
    sockets = []
    completed = False
    try:
        for res in infos:
            af, socktype, proto, canonname, sa = res
            sock = _socket_module().socket(af, socktype, proto)
            sockets.append(sock)
            if reuse_address is None or reuse_address:
                sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, True)
            try:
                sock.bind(sa)
            except OSError as err:
                raise OSError(err.errno, 'error while attempting '
                              'to bind on address %r: %s'
                              % (sa, err.strerror.lower())) from None
        completed = True
    finally:
        if not completed:
            for sock in sockets:
                sock.close()
    return await _serve(self, sockets, protocol_factory, backlog, start_serving)


async def _serve(self, sockets, protocol_factory, backlog, start_serving):
    for sock in sockets:
        sock.setblocking(False)
    server = Server(self, sockets, protocol_factory, backlog)
    if start_serving:
        server._start_serving()
        await sleep(0)
    return server


async def create_datagram_endpoint(self, protocol_factory,
                                   local_addr=None, remote_addr=None, *,
                                   family=0, proto=0, flags=0,
                                   reuse_port=None, allow_broadcast=None, sock=None):
    if sock is not None:
        if sock.type != SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        if (local_addr or remote_addr or family or proto or flags or
                reuse_port or allow_broadcast):
            opts = dict(local_addr=local_addr, remote_addr=remote_addr,
                        family=family, proto=proto, flags=flags,
                        reuse_port=reuse_port, allow_broadcast=allow_broadcast)
            problems = ', '.join(f'{k}={v}' for k, v in opts.items() if v)
            raise ValueError(f'socket modifier keyword arguments can not be used '
                             f'when sock is specified. ({problems})')
        sock.setblocking(False)
        return await _datagram_transport(self, sock, protocol_factory, None)
    if reuse_port or allow_broadcast:
        raise _not_simulated('create_datagram_endpoint() with reuse_port or '
                             'allow_broadcast')
    if not (local_addr or remote_addr):
        if family == 0:
            raise ValueError('unexpected address family')
        addr_pairs_info = (((family, proto), (None, None)),)
    else:
        addr_infos = {}
        for idx, addr in ((0, local_addr), (1, remote_addr)):
            if addr is not None:
                if not (isinstance(addr, tuple) and len(addr) == 2):
                    raise TypeError('2-tuple is expected')
                infos = await _ensure_resolved(self, addr, family=family, type=SOCK_DGRAM,
                                               proto=proto, flags=flags)
                if not infos:
                    raise OSError('getaddrinfo() returned empty list')
                for fam, _, pro, _, address in infos:
                    key = (fam, pro)
                    if key not in addr_infos:
                        addr_infos[key] = [None, None]
                    addr_infos[key][idx] = address
        addr_pairs_info = [
            (key, addr_pair) for key, addr_pair in addr_infos.items()
            if not ((local_addr and addr_pair[0] is None) or
                    (remote_addr and addr_pair[1] is None))]
        if not addr_pairs_info:
            raise ValueError('can not get address information')
    exceptions = []
    for ((family, proto), (local_address, remote_address)) in addr_pairs_info:
        sock = None
        r_addr = None
        try:
            sock = _socket_module().socket(family=family, type=SOCK_DGRAM, proto=proto)
            sock.setblocking(False)
            if local_addr:
                sock.bind(local_address)
            if remote_addr:
                await _sock_connect(self, sock, remote_address)
                r_addr = remote_address
        except OSError as exc:
            if sock is not None:
                sock.close()
            exceptions.append(exc)
        except:
            if sock is not None:
                sock.close()
            raise
        else:
            break
    else:
        raise exceptions[0]
    return await _datagram_transport(self, sock, protocol_factory, r_addr)


async def _datagram_transport(self, sock, protocol_factory, r_addr):
    protocol = protocol_factory()
    waiter = self.create_future()
    transport = _network()._SelectorDatagramTransport(
        _network()._selector_of(self), sock, protocol, r_addr, waiter)
    try:
        await waiter
    except:
        transport.close()
        raise
    return transport, protocol


def _selector_method(name):
    # A loop method that is its selector's (BaseSelectorEventLoop's in CPython).
    def method(self, *args):
        return getattr(_network()._selector_of(self), name)(*args)
    method.__name__ = name
    method.__qualname__ = f'BaseSelectorEventLoop.{name}'
    return method


async def sock_connect(self, sock, address):
    return await _sock_connect(self, sock, address)

sock_connect.__qualname__ = 'BaseSelectorEventLoop.sock_connect'


# The loop's methods written here (the engine binds them to the loop).
_LOOP_METHODS = {
    'create_connection': create_connection,
    'create_datagram_endpoint': create_datagram_endpoint,
    'create_server': create_server,
    'sock_connect': sock_connect,
}
for _name in ('add_reader', 'remove_reader', 'add_writer', 'remove_writer', 'sock_recv',
              'sock_recv_into', 'sock_recvfrom', 'sock_sendall', 'sock_sendto',
              'sock_accept'):
    _LOOP_METHODS[_name] = _selector_method(_name)
del _name
