# Debug mode checks run_in_executor's function before anything runs.
import asyncio


async def job():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    for func in (job, 42):
        try:
            loop.run_in_executor(None, func)
        except TypeError as e:
            print(e)

asyncio.run(main(), debug=True)
