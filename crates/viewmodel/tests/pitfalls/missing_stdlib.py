# tempfile is part of the standard library, but there are no files to make here.
import asyncio


async def main():
    await asyncio.sleep(0.1)
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        print(directory)


asyncio.run(main())
