# asyncio.streams as Loopscope has it: a simulated program has no network,
# so each function and class of CPython's module is here with its signature
# and stops the program where it is first used, with a message naming what
# is not simulated (CPython would open a real connection).

__all__ = (
    'StreamReader', 'StreamWriter', 'StreamReaderProtocol',
    'open_connection', 'start_server', 'open_unix_connection', 'start_unix_server',
)

_LIMIT = 2 ** 16


def _not_simulated(what):
    return NotImplementedError(
        f"{what} is not simulated: Loopscope runs no real network I/O "
        "(sockets, streams, servers)")


async def open_connection(host=None, port=None, *, limit=_LIMIT, **kwds):
    raise _not_simulated('asyncio.open_connection()')


async def start_server(client_connected_cb, host=None, port=None, *, limit=_LIMIT, **kwds):
    raise _not_simulated('asyncio.start_server()')


async def open_unix_connection(path=None, *, limit=_LIMIT, **kwds):
    raise _not_simulated('asyncio.open_unix_connection()')


async def start_unix_server(client_connected_cb, path=None, *, limit=_LIMIT, **kwds):
    raise _not_simulated('asyncio.start_unix_server()')


class StreamReaderProtocol:
    def __init__(self, stream_reader, client_connected_cb=None, loop=None):
        raise _not_simulated('asyncio.StreamReaderProtocol')


class StreamWriter:
    def __init__(self, transport, protocol, reader, loop):
        raise _not_simulated('asyncio.StreamWriter')


class StreamReader:
    def __init__(self, limit=_LIMIT, loop=None):
        raise _not_simulated('asyncio.StreamReader')
