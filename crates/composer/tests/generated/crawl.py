# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-composer --test templates
# A crawl limited by a semaphore: every page is started at once, but only LIMIT hold the semaphore together
import asyncio
import random

PAGES = 6
LIMIT = 2
FETCH_TIME = 1.0
SEED = 1


async def crawl(page, limit):
    """Fetches one page, holding one of the semaphore's LIMIT slots meanwhile."""
    async with limit:
        print(f"fetching page {page}")
        await asyncio.sleep(random.uniform(FETCH_TIME / 2, FETCH_TIME))
        print(f"page {page} done")


async def main():
    random.seed(SEED)
    limit = asyncio.Semaphore(LIMIT)
    await asyncio.gather(*(crawl(page, limit) for page in range(PAGES)))
    print(f"crawled {PAGES} pages, {LIMIT} at a time")


asyncio.run(main())
