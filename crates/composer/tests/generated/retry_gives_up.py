# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# Timeout and retry with backoff: wait_for cancels an attempt that takes too long; each retry waits twice as long
import asyncio

ATTEMPTS = 2
TIMEOUT = 1.0
SLOWNESS = 3.0
BACKOFF = 0.5


async def fetch(attempt):
    """Answers twice as fast on each attempt."""
    await asyncio.sleep(SLOWNESS / 2 ** attempt)
    return f"the page (attempt {attempt})"


async def fetch_with_retry():
    """Gives each attempt TIMEOUT seconds; pauses longer after each timeout."""
    for attempt in range(ATTEMPTS):
        try:
            page = await asyncio.wait_for(fetch(attempt), timeout=TIMEOUT)
            return page
        except TimeoutError:
            pause = BACKOFF * 2 ** attempt
            print(f"attempt {attempt} timed out; retrying in {pause} s")
            await asyncio.sleep(pause)
    raise RuntimeError(f"no answer after {ATTEMPTS} attempts")


async def main():
    try:
        page = await fetch_with_retry()
        print(f"got {page}")
    except RuntimeError as error:
        print(f"gave up: {error}")


asyncio.run(main())
