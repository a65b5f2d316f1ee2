# async with: a class whose __aenter__ and __aexit__ await, so opening and closing take time
import asyncio


class Connection:
    opened = 0

    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        print(f"connecting to {self.host}...")
        await asyncio.sleep(0.5)  # the handshake
        Connection.opened += 1
        print(f"connected to {self.host}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)  # saying goodbye
        Connection.opened -= 1
        print(f"closed {self.host} ({exc_type.__name__ if exc_type else 'cleanly'})")
        return False  # do not swallow the exception

    async def query(self, text):
        await asyncio.sleep(1)
        if "DROP" in text:
            raise PermissionError(text)
        return f"{self.host}: {len(text)} rows"


async def ask(host, text):
    try:
        async with Connection(host) as conn:
            print(await conn.query(text))
    except PermissionError as err:
        print(f"refused: {err}")


async def main():
    await asyncio.gather(ask("db1", "SELECT names"), ask("db2", "DROP TABLE users"))
    print("connections still open:", Connection.opened)


asyncio.run(main())
