# asyncio.subprocess as Loopscope has it: a simulated program starts no
# processes, so create_subprocess_exec and create_subprocess_shell (with
# CPython's signatures) stop the program where they are first awaited, with
# a message naming what is not simulated. PIPE, STDOUT and DEVNULL are
# subprocess's constants, which programs pass to them.

__all__ = 'create_subprocess_exec', 'create_subprocess_shell'

PIPE = -1
STDOUT = -2
DEVNULL = -3

_LIMIT = 2 ** 16


def _not_simulated(what):
    return NotImplementedError(
        f"{what} is not simulated: Loopscope runs no subprocesses")


class Process:
    def __init__(self, transport, protocol, loop):
        raise _not_simulated('asyncio.subprocess.Process')


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_LIMIT, **kwds):
    raise _not_simulated('asyncio.create_subprocess_shell()')


async def create_subprocess_exec(program, *args, stdin=None, stdout=None,
                                 stderr=None, limit=_LIMIT, **kwds):
    raise _not_simulated('asyncio.create_subprocess_exec()')
