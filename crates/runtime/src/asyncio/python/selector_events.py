# asyncio.selector_events as Loopscope has it: the loop's side of CPython
# 3.11.7's Lib/asyncio/selector_events.py (PSF license) -- readers and
# writers on a selector, accepting connections, sock_connect, and the socket
# transport -- over an in-memory loopback network that stands in for the
# kernel: TCP sockets on 127.0.0.1 (and the names that resolve to it), and
# for each loop an epoll-like selector whose ready list keeps the order in
# which Linux's epoll reports sockets. Each loop's selector is registered with
# the engine (`_register_io`), which polls it once per `_run_once` where
# CPython calls `self._selector.select(timeout)`; writes never block (the
# simulated buffers have no limit), so no transport ever buffers or pauses.

# _register_io(loop, poller) is the engine's (given to this module).

EVENT_READ = 1
EVENT_WRITE = 2
SOCK_STREAM = 1
SOCK_DGRAM = 2
IPPROTO_UDP = 17
SOL_SOCKET = 1
SO_ERROR = 4
SHUT_WR = 1
AF_INET = 2
IPPROTO_TCP = 6
# The descriptors a program's first sockets get follow those CPython's process
# holds: 0-2 the standard streams, 3 the loop's epoll, 4-5 its self-pipe.
_FIRST_FD = 6
# The first local port of a client socket (the kernel's choice in CPython; see
# docs/differences.md).
_FIRST_EPHEMERAL_PORT = 50000
# The addresses of this machine a socket may connect to, and bind.
_LOCAL_ADDRESSES = ('127.0.0.1', '0.0.0.0')
_BINDABLE_ADDRESSES = _LOCAL_ADDRESSES + ('::',)


def _slot(event):
    # Where a selector key (events, reader, writer) keeps the handle of an event.
    return 1 if event == EVENT_READ else 2


def _errno():
    # The library's modules are imported where first used, so that `import
    # asyncio` fetches no library file in the page (CPython imports them at once).
    import errno
    return errno


def _oserror(code):
    import os
    return OSError(code, os.strerror(code))


class _Network:
    # The kernel's tables: open descriptors, listening sockets by address,
    # the next ephemeral port.
    def __init__(self):
        self.fds = {}
        self.listeners = {}
        self.datagram_ports = {}
        self.next_port = _FIRST_EPHEMERAL_PORT

    def new_fd(self, sock):
        fd = _FIRST_FD
        while fd in self.fds:
            fd += 1
        self.fds[fd] = sock
        return fd

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


_network = _Network()


class _Socket:
    # A non-blocking TCP or UDP socket of the simulated kernel (an IPv6 one
    # only listens: nothing connects over IPv6).

    def __init__(self, family=AF_INET, has_fd=True, type=SOCK_STREAM):
        from collections import deque
        self.family = family
        self.type = type
        self.proto = IPPROTO_TCP if type == SOCK_STREAM else IPPROTO_UDP
        # A UDP socket's datagrams and where it sends them once connected.
        self._datagrams = deque()
        self._remote = None
        # A connection waiting to be accepted has no descriptor yet.
        self._fd = _network.new_fd(self) if has_fd else None
        self._laddr = ('0.0.0.0', 0)
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
        self._closed = False
        self._selectors = []

    def fileno(self):
        return -1 if self._closed else self._fd

    def setblocking(self, flag):
        pass

    def gettimeout(self):
        return 0.0

    def getsockname(self):
        return self._laddr

    def getpeername(self):
        if self._remote is not None:
            return self._remote
        if self._peer is None:
            raise _oserror(_errno().ENOTCONN)
        return self._peer._laddr

    def bind(self, address):
        host, port = address[:2]
        if host not in _BINDABLE_ADDRESSES:
            raise _oserror(_errno().EADDRNOTAVAIL)
        bound = _network.listeners if self.type == SOCK_STREAM else _network.datagram_ports
        if port and (host, port) in bound:
            raise _oserror(_errno().EADDRINUSE)
        if not port:
            port = _network.ephemeral_port()
        self._laddr = (host, port) + tuple(address[2:])
        if self.type == SOCK_DGRAM:
            bound[(host, port)] = self

    def listen(self, backlog=128):
        if not self._listening:
            self._listening = True
            _network.listeners[self._laddr[:2]] = self

    def connect(self, address):
        if self.type == SOCK_DGRAM:
            if not self._laddr[1]:
                self.bind(('127.0.0.1', 0))
            self._remote = tuple(address[:2])
            return
        host, port = address[:2]
        self._laddr = ('127.0.0.1', _network.ephemeral_port())
        listener = _network.listener_for(address)
        if listener is None:
            self._error = _errno().ECONNREFUSED
        else:
            accepted = _Socket(has_fd=False)
            accepted._laddr = (host, port)
            accepted._peer = self
            self._peer = accepted
            listener._backlog.append(accepted)
            listener._wake(EVENT_READ)
        raise BlockingIOError(_errno().EINPROGRESS, 'Operation now in progress')

    def accept(self):
        if not self._backlog:
            raise BlockingIOError(_errno().EAGAIN, 'Resource temporarily unavailable')
        conn = self._backlog.popleft()
        conn._fd = _network.new_fd(conn)
        return conn, conn.getpeername()

    def getsockopt(self, level, option):
        error, self._error = self._error, 0
        return error

    def _reset_by_peer(self):
        self._reset = _errno().EPIPE if self._eof else _errno().ECONNRESET

    def recv(self, bufsize):
        if self._reset:
            raise _oserror(self._reset)
        if self._inbuf:
            data = bytes(self._inbuf[:bufsize])
            del self._inbuf[:bufsize]
            return data
        if self._eof:
            return b''
        raise BlockingIOError(_errno().EAGAIN, 'Resource temporarily unavailable')

    def send(self, data):
        if self.type == SOCK_DGRAM:
            return self.sendto(data, self._remote)
        if self._reset:
            raise _oserror(self._reset)
        if self._shut_wr:
            raise BrokenPipeError(_errno().EPIPE, 'Broken pipe')
        peer = self._peer
        if peer._closed:
            # The peer's kernel answers with a reset.
            self._reset_by_peer()
            self._wake(EVENT_READ | EVENT_WRITE)
        else:
            peer._inbuf.extend(data)
            peer._wake(EVENT_READ)
        return len(data)

    def sendto(self, data, address):
        # A datagram over loopback: it arrives at once, or a connected socket
        # hears the port is unreachable (Linux reports it to it, as ECONNREFUSED).
        if not self._laddr[1]:
            self.bind(('0.0.0.0', 0))
        target = _network.listener_for(address, _network.datagram_ports)
        if target is not None and not target._closed:
            host = '127.0.0.1' if self._laddr[0] == '0.0.0.0' else self._laddr[0]
            target._datagrams.append((bytes(data), (host, self._laddr[1])))
            target._wake(EVENT_READ)
        elif self._remote is not None:
            self._error = _errno().ECONNREFUSED
            self._wake(EVENT_READ)
        return len(data)

    def recvfrom(self, bufsize):
        if self._error:
            error, self._error = self._error, 0
            raise _oserror(error)
        if self._datagrams:
            data, address = self._datagrams.popleft()
            return data[:bufsize], address
        raise BlockingIOError(_errno().EAGAIN, 'Resource temporarily unavailable')

    def shutdown(self, how):
        self._shut_wr = True
        if self._peer is not None and not self._peer._closed:
            self._peer._eof = True
            self._peer._wake(EVENT_READ)

    def close(self):
        if self._closed:
            return
        self._closed = True
        for selector in self._selectors:
            selector._forget(self._fd)
        _network.fds.pop(self._fd, None)
        if self.type == SOCK_DGRAM:
            _network.datagram_ports.pop(self._laddr[:2], None)
        if self._listening:
            _network.listeners.pop(self._laddr[:2], None)
            for pending in self._backlog:
                pending._closed = True
                pending._peer._reset_by_peer()
                pending._peer._wake(EVENT_READ)
        peer = self._peer
        if peer is not None and not peer._closed:
            # Unread data makes the kernel reset the connection, else it ends it.
            if self._inbuf:
                peer._reset_by_peer()
            else:
                peer._eof = True
            peer._wake(EVENT_READ)

    def _readiness(self):
        if self.type == SOCK_DGRAM:
            return EVENT_WRITE | (EVENT_READ if self._datagrams or self._error else 0)
        if self._listening:
            return EVENT_READ if self._backlog else 0
        if self._error:
            return EVENT_READ | EVENT_WRITE
        if self._peer is None:
            return 0
        ready = EVENT_WRITE
        if self._inbuf or self._eof or self._reset:
            ready |= EVENT_READ
        return ready

    def _wake(self, mask):
        for selector in self._selectors:
            selector._wake(self._fd, mask)


class _Handle:
    # events.Handle as the selector keeps a reader or writer: run in the
    # context it was registered from, unless cancelled meanwhile.
    def __init__(self, callback, args):
        import contextvars
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._context = contextvars.copy_context()

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        if not self._cancelled:
            self._context.run(self._callback, *self._args)


class _Selector:
    # One loop's epoll: the registered descriptors with their reader and
    # writer handles, and the ready list, in the order epoll keeps it (a
    # descriptor joins its end when it becomes ready or is registered ready,
    # and stays while it is ready: level-triggered).
    def __init__(self, loop):
        self._loop = loop
        self._keys = {}
        self._ready_list = []
        self._transports = {}
        _register_io(loop, self._select)

    def _sock(self, fd):
        return _network.fds[fd]

    def _wake(self, fd, mask):
        key = self._keys.get(fd)
        if key is not None and key[0] & mask and fd not in self._ready_list:
            self._ready_list.append(fd)

    def _forget(self, fd):
        self._keys.pop(fd, None)
        if fd in self._ready_list:
            self._ready_list.remove(fd)

    def _set(self, fd, events, reader, writer):
        if not events:
            self._forget(fd)
            sock = self._sock(fd)
            if self in sock._selectors:
                sock._selectors.remove(self)
            return
        sock = self._sock(fd)
        if self not in sock._selectors:
            sock._selectors.append(self)
        old = self._keys.get(fd)
        self._keys[fd] = [events, reader, writer]
        if (old is None or old[0] != events) and sock._readiness() & events:
            self._wake(fd, events)

    def _select(self):
        ready = []
        still = []
        for fd in self._ready_list:
            key = self._keys.get(fd)
            mask = key[0] & self._sock(fd)._readiness() if key else 0
            if mask:
                still.append(fd)
                ready.append((fd, mask))
        self._ready_list = still
        callbacks = []
        for fd, mask in ready:
            key = self._keys.get(fd)
            if key is None:
                continue
            reader, writer = key[1], key[2]
            if mask & EVENT_READ and reader is not None:
                if reader._cancelled:
                    self._remove_reader(fd)
                else:
                    callbacks.append(reader._run)
            if mask & EVENT_WRITE and writer is not None:
                if writer._cancelled:
                    self._remove_writer(fd)
                else:
                    callbacks.append(writer._run)
        return callbacks

    def _is_polling(self, fd, event):
        key = self._keys.get(fd)
        handle = None if key is None else key[_slot(event)]
        return handle is not None and not handle._cancelled

    def _add_handler(self, fd, event, handle):
        # BaseSelectorEventLoop._add_reader/_add_writer: the new handle replaces
        # (and cancels) the one the descriptor had for that event.
        key = list(self._keys.get(fd, (0, None, None)))
        old = key[_slot(event)]
        key[0] |= event
        key[_slot(event)] = handle
        self._set(fd, *key)
        if old is not None:
            old.cancel()
        return handle

    def _remove_handler(self, fd, event):
        if self._loop.is_closed() or fd not in self._keys:
            return False
        key = list(self._keys[fd])
        old = key[_slot(event)]
        key[0] &= ~event
        key[_slot(event)] = None
        self._set(fd, *key)
        if old is not None:
            old.cancel()
            return True
        return False

    def _add_reader(self, fd, callback, *args):
        return self._add_handler(fd, EVENT_READ, _Handle(callback, args))

    def _remove_reader(self, fd):
        return self._remove_handler(fd, EVENT_READ)

    def _add_writer(self, fd, callback, *args):
        return self._add_handler(fd, EVENT_WRITE, _Handle(callback, args))

    def _remove_writer(self, fd):
        return self._remove_handler(fd, EVENT_WRITE)

    # -- the loop's methods (BaseSelectorEventLoop) --

    def _start_serving(self, protocol_factory, sock, server, backlog):
        self._add_reader(sock.fileno(), self._accept_connection,
                         protocol_factory, sock, server, backlog)

    def _stop_serving(self, sock):
        self._remove_reader(sock.fileno())
        sock.close()

    def _accept_connection(self, protocol_factory, sock, server, backlog):
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return None
            else:
                extra = {'peername': addr}
                accept = self._accept_connection2(protocol_factory, conn, extra, server)
                self._loop.create_task(accept)

    async def _accept_connection2(self, protocol_factory, conn, extra, server):
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self._loop.create_future()
            transport = _SelectorSocketTransport(self, conn, protocol, waiter=waiter,
                                                 extra=extra, server=server)
            try:
                await waiter
            except BaseException:
                transport.close()
                raise
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if self._loop.get_debug():
                context = {
                    'message': 'Error on transport creation for incoming connection',
                    'exception': exc,
                }
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self._loop.call_exception_handler(context)

    # A method of BaseSelectorEventLoop in CPython: its task's coroutine is named so.
    _accept_connection2.__qualname__ = 'BaseSelectorEventLoop._accept_connection2'

    async def sock_connect(self, sock, address):
        fut = self._loop.create_future()
        self._sock_connect(fut, sock, address)
        try:
            return await fut
        finally:
            fut = None

    def _sock_connect(self, fut, sock, address):
        fd = sock.fileno()
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            handle = self._add_writer(fd, self._sock_connect_cb, fut, sock, address)
            fut.add_done_callback(lambda fut: self._sock_write_done(fd, fut, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)
        finally:
            fut = None

    def _sock_write_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self._remove_writer(fd)

    def _sock_connect_cb(self, fut, sock, address):
        if fut.done():
            return
        try:
            err = sock.getsockopt(SOL_SOCKET, SO_ERROR)
            if err != 0:
                raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)
        finally:
            fut = None


_selectors = {}


def _selector_of(loop):
    # The selector of `loop`, made (and registered with the engine) at first use.
    selector = _selectors.get(loop)
    if selector is None:
        selector = _selectors[loop] = _Selector(loop)
    return selector


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


class _SelectorTransport:
    # What the socket and datagram transports share (writes never buffer).
    max_size = 256 * 1024

    def __init__(self, selector, sock, protocol, extra=None, server=None):
        self._selector = selector
        self._loop = selector._loop
        self._extra = {} if extra is None else extra
        from asyncio.trsock import TransportSocket
        self._extra['socket'] = TransportSocket(sock)
        self._extra['sockname'] = sock.getsockname()
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except OSError:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol = protocol
        self._protocol_connected = True
        self._server = server
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        self._eof = False
        if self._server is not None:
            self._server._attach()
        selector._transports[self._sock_fd] = self

    def _start(self, waiter):
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and not self._loop.is_closed():
            polling = self._selector._is_polling(self._sock_fd, EVENT_READ)
            info.append('read=polling' if polling else 'read=idle')
            polling = self._selector._is_polling(self._sock_fd, EVENT_WRITE)
            state = 'polling' if polling else 'idle'
            info.append(f'write=<{state}, bufsize=0>')
        return '<{}>'.format(' '.join(info))

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def set_protocol(self, protocol):
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def is_reading(self):
        return not self.is_closing() and not self._paused

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._selector._remove_reader(self._sock_fd)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)

    def get_write_buffer_size(self):
        return 0

    def get_write_buffer_limits(self):
        return (16 * 1024, 64 * 1024)

    def set_write_buffer_limits(self, high=None, low=None):
        pass

    def abort(self):
        self._force_close(None)

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._selector._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._selector._remove_writer(self._sock_fd)
        self._loop.call_soon(self._call_connection_lost, None)

    def __del__(self):
        if self._sock is not None:
            import warnings
            warnings.warn(f"unclosed transport {self!r}", ResourceWarning, source=self)
            self._sock.close()

    def _fatal_error(self, exc, message='Fatal error on transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._force_close(exc)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        if not self._closing:
            self._closing = True
            self._selector._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    def _add_reader(self, fd, callback, *args):
        if not self.is_reading():
            return
        self._selector._add_reader(fd, callback, *args)



class _SelectorSocketTransport(_SelectorTransport):
    # For a protocol with data_received (a BufferedProtocol is not simulated).

    def __init__(self, selector, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(selector, sock, protocol, extra, server)
        self._start(waiter)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            self._selector._remove_reader(self._sock_fd)
        else:
            self.close()

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')
        if not data:
            return
        if self._conn_lost:
            self._conn_lost += 1
            return
        try:
            self._sock.send(bytes(data))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal write error on socket transport')

    def writelines(self, list_of_data):
        self.write(b''.join(list_of_data))

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        self._sock.shutdown(SHUT_WR)

    def can_write_eof(self):
        return True


class _SelectorDatagramTransport(_SelectorTransport):

    def __init__(self, selector, sock, protocol, address=None, waiter=None):
        super().__init__(selector, sock, protocol)
        self._address = address
        self._start(waiter)

    def _read_ready(self):
        if self._conn_lost:
            return
        try:
            data, addr = self._sock.recvfrom(self.max_size)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on datagram transport')
        else:
            self._protocol.datagram_received(data, addr)

    def sendto(self, data, addr=None):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, '
                            f'not {type(data).__name__!r}')
        if not data:
            return
        if self._address:
            if addr not in (None, self._address):
                raise ValueError(
                    f'Invalid address: must be None or {self._address}')
            addr = self._address
        if self._conn_lost and self._address:
            self._conn_lost += 1
            return
        try:
            if self._extra['peername']:
                self._sock.send(data)
            else:
                self._sock.sendto(data, addr)
        except OSError as exc:
            self._protocol.error_received(exc)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal write error on datagram transport')
