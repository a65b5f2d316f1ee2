awai asyncio.sleep(5
