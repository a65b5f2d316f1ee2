# await: a coroutine waits for another one to finish before it continues
import asyncio


async def fetch_user(user_id):
    print(f"fetching user {user_id}...")
    await asyncio.sleep(1)
    return {"id": user_id, "name": "Ada"}


async def fetch_orders(user):
    print(f"fetching orders of {user['name']}...")
    await asyncio.sleep(2)
    return ["book", "lamp"]


async def main():
    user = await fetch_user(7)  # main pauses here for 1 s
    orders = await fetch_orders(user)  # ...and here for 2 s
    print(f"{user['name']} ordered {orders}")
    print("one chain of awaits runs one step at a time: 3 s in total")


asyncio.run(main())
