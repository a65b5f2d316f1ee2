# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# My scenario: built in the composer
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("one second later")


asyncio.run(main())
