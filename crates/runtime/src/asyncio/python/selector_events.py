# asyncio.selector_events as Loopscope has it: the loop's side of CPython
# 3.11.7's Lib/asyncio/selector_events.py (PSF license) -- readers and
# writers on a selector, the loop's sock_* methods, accepting connections,
# and the socket transport -- over the in-memory loopback network of the
# `_socket` module, which stands in for the kernel: for each loop an
# epoll-like selector whose ready list keeps the order in which Linux's
# epoll reports sockets. Each loop's selector is registered with the engine
# (`_register_io`), which polls it once per `_run_once` where CPython calls
# `self._selector.select(timeout)`; writes never block (the simulated buffers
# have no limit), so no transport ever buffers or pauses.

# _register_io(loop, poller) is the engine's (given to this module).

EVENT_READ = 1
EVENT_WRITE = 2
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOL_SOCKET = 1
SO_ERROR = 4
SHUT_WR = 1
AF_INET = 2
AF_INET6 = 10
IPPROTO_TCP = 6
TCP_NODELAY = 1


def _slot(event):
    # Where a selector key (events, reader, writer) keeps the handle of an event.
    return 1 if event == EVENT_READ else 2


def _kernel():
    # The loopback network's tables (library modules are imported where first
    # used, so that `import asyncio` fetches no library file in the page).
    import _socket
    return _socket._network


def _fileobj_to_fd(fileobj):
    # selectors._fileobj_to_fd.
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: {!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


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
        sock = _kernel().fds.get(fd)
        if sock is None:
            if fd <= 2:
                raise NotImplementedError(
                    f'watching descriptor {fd} is not simulated: only sockets can be '
                    'watched in Loopscope (the standard streams cannot)')
            import os
            raise OSError(9, os.strerror(9))
        return sock

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
        self._check_closed()
        return self._add_handler(_fileobj_to_fd(fd), EVENT_READ, _Handle(callback, args))

    def _remove_reader(self, fd):
        return self._remove_handler(self._key_fd(fd), EVENT_READ)

    def _add_writer(self, fd, callback, *args):
        self._check_closed()
        return self._add_handler(_fileobj_to_fd(fd), EVENT_WRITE, _Handle(callback, args))

    def _remove_writer(self, fd):
        return self._remove_handler(self._key_fd(fd), EVENT_WRITE)

    def _check_closed(self):
        if self._loop.is_closed():
            raise RuntimeError('Event loop is closed')

    def _key_fd(self, fileobj):
        # A closed socket's key went with its descriptor.
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            return -1

    # -- the loop's methods (BaseSelectorEventLoop) --

    def _ensure_fd_no_transport(self, fd):
        fileno = fd
        if not isinstance(fileno, int):
            try:
                fileno = int(fileno.fileno())
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f"Invalid file object: {fd!r}") from None
        transport = self._transports.get(fileno)
        if transport is not None and not transport.is_closing():
            raise RuntimeError(
                f'File descriptor {fd!r} is used by transport {transport!r}')

    def add_reader(self, fd, callback, *args):
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    def _check_blocking(self, sock):
        if self._loop.get_debug() and sock.gettimeout() != 0:
            raise ValueError("the socket must be non-blocking")

    def _sock_read_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_reader(fd)

    def _sock_write_done(self, fd, fut, handle=None):
        if handle is None or not handle.cancelled():
            self.remove_writer(fd)

    async def _sock_read(self, sock, read, *args):
        # sock_recv, sock_recv_into and sock_recvfrom: try at once, else wait
        # for the socket to be readable.
        import functools
        self._check_blocking(sock)
        try:
            return read(*args)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self._loop.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_reader(fd, self._sock_read_ready, fut, read, args)
        fut.add_done_callback(functools.partial(self._sock_read_done, fd, handle=handle))
        return await fut

    def _sock_read_ready(self, fut, read, args):
        if fut.done():
            return
        try:
            result = read(*args)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(result)

    async def sock_recv(self, sock, n):
        return await self._sock_read(sock, sock.recv, n)

    async def sock_recv_into(self, sock, buf):
        return await self._sock_read(sock, sock.recv_into, buf)

    async def sock_recvfrom(self, sock, bufsize):
        return await self._sock_read(sock, sock.recvfrom, bufsize)

    async def sock_sendall(self, sock, data):
        # The simulated buffers take everything at once.
        self._check_blocking(sock)
        sock.send(data)

    async def sock_sendto(self, sock, data, address):
        self._check_blocking(sock)
        return sock.sendto(data, address)

    async def sock_accept(self, sock):
        self._check_blocking(sock)
        fut = self._loop.create_future()
        self._sock_accept(fut, sock)
        return await fut

    def _sock_accept(self, fut, sock):
        import functools
        fd = sock.fileno()
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            self._ensure_fd_no_transport(fd)
            handle = self._add_reader(fd, self._sock_accept, fut, sock)
            fut.add_done_callback(functools.partial(self._sock_read_done, fd, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

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



def _set_nodelay(sock):
    # base_events._set_nodelay: a TCP connection sends without delay.
    if sock.family in (AF_INET, AF_INET6) and sock.type == SOCK_STREAM and \
            sock.proto == IPPROTO_TCP:
        sock.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)


class _SelectorSocketTransport(_SelectorTransport):
    # For a protocol with data_received (a BufferedProtocol is not simulated).

    def __init__(self, selector, sock, protocol, waiter=None, extra=None, server=None):
        super().__init__(selector, sock, protocol, extra, server)
        _set_nodelay(self._sock)
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
