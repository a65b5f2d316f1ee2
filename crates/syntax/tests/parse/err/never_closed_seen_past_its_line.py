async def steps():
    print("step 1" await asyncio.sleep(0)
    print("step 2")
