# a module docstring is the module's __doc__, which argparse descriptions use
"""Fetch a few pages concurrently and report their sizes.

The module docstring is __doc__, which argparse shows as the description.
"""
import argparse
import asyncio


async def fetch(page):
    """Pretend to download PAGE."""
    await asyncio.sleep(0.1 * page)
    return page * 1000


async def main(pages):
    sizes = await asyncio.gather(*(fetch(p) for p in range(1, pages + 1)))
    print(sizes, fetch.__doc__)


if __name__ == "__main__":
    print(__doc__.splitlines()[0])
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2)
    parser.print_help()
    asyncio.run(main(parser.parse_args().pages))
    print(type(__doc__).__name__, "__doc__" in globals(), argparse.__name__)
