async def waiter(future):
    try:
        await future
   except LookupError as error:
        print(error)
