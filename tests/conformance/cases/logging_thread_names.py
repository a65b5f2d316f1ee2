# logging's %(threadName)s and %(thread)d name the thread that logs: executor workers, to_thread and named threads
import asyncio
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(level=logging.INFO, format="%(threadName)s %(levelname)s %(message)s")
log = logging.getLogger("demo")

def blocking(n):
    log.info("blocking %s", n)
    time.sleep(0.1)
    return n

async def main():
    log.info("in the loop")
    await asyncio.to_thread(blocking, 1)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(ex, blocking, i) for i in range(2, 5)))

asyncio.run(main())
t = threading.Thread(target=log.warning, args=("from %s",  "Reporter"), name="Reporter")
t.start()
t.join()
records = []
class Keep(logging.Handler):
    def emit(self, record):
        records.append(record)
log.addHandler(Keep())
log.info("main again")
th = threading.Thread(target=log.info, args=("worker",))
th.start(); th.join()
print(records[0].thread == threading.main_thread().ident, records[1].thread == th.ident, records[1].threadName)
