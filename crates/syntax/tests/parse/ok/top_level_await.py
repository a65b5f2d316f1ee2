await main()
result = await compute(1)
async with session() as s:
    await s.close()
async for x in source():
    print(x)
