# select as Loopscope has it: select() and epoll over the sockets of _socket's
# in-memory loopback network (CPython writes select in C over the kernel's
# calls). An epoll object reports its ready descriptors in the order Linux's
# epoll keeps them (its ready list: a descriptor joins the end when it becomes
# ready or is registered ready, and stays while ready). A wait that nothing
# can end (no timeout, nothing ready) ends the run as a deadlock, as a
# blocking socket call does; with a timeout the call returns at once with
# nothing, the clock unmoved (as CPython's does on the recorder's virtual
# clock, which a real wait does not move). Only sockets can be watched.

import _loopscope

error = OSError
EPOLLIN = 1
EPOLLPRI = 2
EPOLLOUT = 4
EPOLLERR = 8
EPOLLHUP = 16
EPOLLRDNORM = 64
EPOLLRDBAND = 128
EPOLLWRNORM = 256
EPOLLWRBAND = 512
EPOLLMSG = 1024
EPOLLRDHUP = 8192
EPOLLEXCLUSIVE = 268435456
EPOLLONESHOT = 1073741824
EPOLLET = 2147483648
EPOLL_CLOEXEC = 524288
POLLIN = 1
POLLPRI = 2
POLLOUT = 4
POLLERR = 8
POLLHUP = 16
POLLNVAL = 32

_READ = 1
_WRITE = 2


def _fileobj_to_fd(fileobj):
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fileno = fileobj.fileno
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError(f'file descriptor cannot be a negative integer ({fd})')
    return fd


def _endpoint(fd):
    import _socket
    endpoint = _socket._network.fds.get(fd)
    if endpoint is None:
        if fd <= 2:
            raise NotImplementedError(
                f'watching descriptor {fd} is not simulated: only sockets can be '
                'watched in Loopscope (the standard streams cannot)')
        raise OSError(9, 'Bad file descriptor')
    return endpoint


def _wait_forever(what):
    _loopscope.wait_forever(
        f'{what} waits forever: none of its sockets is ready and nothing else runs '
        'while it waits')


def select(rlist, wlist, xlist, timeout=None, /):
    if timeout is not None:
        timeout = float(timeout)
        if timeout < 0:
            raise ValueError('timeout must be non-negative')
    lists = [list(rlist), list(wlist), list(xlist)]
    fds = [[_fileobj_to_fd(obj) for obj in objs] for objs in lists]
    ready = []
    for objs, numbers, event in zip(lists, fds, (_READ, _WRITE, 0)):
        ready.append([obj for obj, fd in zip(objs, numbers)
                      if _endpoint(fd)._readiness() & event])
    if not any(ready) and timeout is None:
        _wait_forever('select.select()')
    return tuple(ready)


def _poll_mask(mask):
    return (EPOLLIN if mask & _READ else 0) | (EPOLLOUT if mask & _WRITE else 0)


class epoll:
    """select.epoll(sizehint=-1, flags=0)"""

    def __init__(self, sizehint=-1, flags=0):
        if sizehint == 0 or sizehint < -1:
            raise ValueError('negative sizehint')
        self._fd = _loopscope.open_descriptor()
        # descriptor -> the events asked for; the ready list.
        self._events = {}
        self._ready_list = []

    @property
    def closed(self):
        return self._fd < 0

    def fileno(self):
        self._check_closed()
        return self._fd

    def _check_closed(self):
        if self._fd < 0:
            raise ValueError('I/O operation on closed epoll object')

    def close(self):
        if self._fd >= 0:
            for fd in list(self._events):
                self._detach(fd)
            _loopscope.close_descriptor(self._fd)
            self._fd = -1

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __del__(self):
        if getattr(self, '_fd', -1) >= 0:
            self.close()

    def _detach(self, fd):
        self._forget(fd)
        import _socket
        endpoint = _socket._network.fds.get(fd)
        if endpoint is not None and self in endpoint._selectors:
            endpoint._selectors.remove(self)

    # What an endpoint calls on the selectors watching it.
    def _wake(self, fd, mask):
        events = self._events.get(fd)
        if events is not None and _poll_mask(mask) & events and fd not in self._ready_list:
            self._ready_list.append(fd)

    def _forget(self, fd):
        self._events.pop(fd, None)
        if fd in self._ready_list:
            self._ready_list.remove(fd)

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        endpoint = _endpoint(fd)
        if fd in self._events:
            raise FileExistsError(17, 'File exists')
        self._events[fd] = eventmask
        endpoint._selectors.append(self)
        self._wake(fd, endpoint._readiness())

    def modify(self, fd, eventmask):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        endpoint = _endpoint(fd)
        if fd not in self._events:
            raise FileNotFoundError(2, 'No such file or directory')
        self._events[fd] = eventmask
        self._wake(fd, endpoint._readiness())

    def unregister(self, fd):
        self._check_closed()
        fd = _fileobj_to_fd(fd)
        _endpoint(fd)
        if fd not in self._events:
            raise FileNotFoundError(2, 'No such file or directory')
        self._detach(fd)

    def poll(self, timeout=None, maxevents=-1):
        self._check_closed()
        if timeout is not None and timeout < 0:
            timeout = None
        if maxevents == 0 or maxevents < -1:
            raise ValueError(f'maxevents must be greater than 0, got {maxevents}')
        import _socket
        ready = []
        still = []
        for fd in self._ready_list:
            mask = _poll_mask(_socket._network.fds[fd]._readiness()) & self._events[fd]
            if mask:
                still.append(fd)
                if maxevents == -1 or len(ready) < maxevents:
                    ready.append((fd, mask))
        self._ready_list = still
        if not ready and timeout is None:
            _wait_forever('select.epoll.poll()')
        return ready
