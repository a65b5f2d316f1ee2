# A course's HTTP example pasted as it is: aiohttp is a third-party package.
import asyncio
import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        return response.status


async def main():
    async with aiohttp.ClientSession() as session:
        print(await fetch(session, "https://example.org"))


asyncio.run(main())
