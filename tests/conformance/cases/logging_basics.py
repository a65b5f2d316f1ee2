# logging: the last-resort output, basicConfig (once, force), levels, hierarchy, propagate, the three format styles, exception(), handleError
import logging
logging.warning("plain %s", "warning")
logging.info("hidden")
logging.error("an error: %d", 3)
log = logging.getLogger("app.db")
print(log, logging.getLogger(), logging.getLogger("app"), log.parent)
log.warning("child %s", log.name)
logging.basicConfig(level=logging.DEBUG)
logging.info("still hidden: basicConfig was done by warning()")
print(logging.getLevelName(20), logging.getLevelName("INFO"), logging.getLevelName(25))
def work():
    try:
        1 / 0
    except ZeroDivisionError:
        logging.exception("failed in %s", "work")
work()
logging.basicConfig(force=True, level=logging.DEBUG, format="%(asctime)s %(levelname)-8s %(name)s:%(funcName)s:%(lineno)d %(message)s")
logging.debug("now visible")
log.info("from %s", "db")
logging.getLogger("quiet").propagate = False
logging.getLogger("quiet").error("nobody hears: no handlers, propagate False -> lastResort")
h = logging.StreamHandler()
h.setFormatter(logging.Formatter("{levelname}|{message}", style="{"))
logging.getLogger("styled").addHandler(h)
logging.getLogger("styled").warning("twice")
f = logging.Formatter("$levelname $message at ${asctime}", style="$", datefmt="%H:%M")
h.setFormatter(f)
logging.getLogger("styled").critical("template")
print(repr(h), logging.root.handlers)
logging.log(logging.WARNING, "log() with %(k)s", {"k": "mapping"})
logging.warning("bad %d", "x")
try:
    logging.basicConfig(force=True, stream=None, filename="x")
except ValueError as e:
    print(e)
try:
    logging.Formatter("no fields")
except ValueError as e:
    print(e)
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print(e)
