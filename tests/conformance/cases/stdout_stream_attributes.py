# sys.stdout's name, mode, encoding and repr, as a StreamHandler on it shows them
import asyncio
import logging
import sys

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
log = logging.getLogger("app")
log.addHandler(handler)
log.setLevel(logging.INFO)


async def main():
    await asyncio.sleep(0.5)
    log.info("ready")
    print(log.handlers, logging.getLogger().handlers)
    print(sys.stdout, sys.stdout.name, sys.stdout.mode, sys.stdout.encoding)
    print(sys.stderr.name, handler.stream is sys.stdout, repr(handler))


asyncio.run(main())
