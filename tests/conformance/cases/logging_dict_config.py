# logging.config.dictConfig: formatters, filters, handlers on stdout and stderr, logger levels, propagation, errors.
import logging
import logging.config


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 0


logging.getLogger("old").warning("before configuration")
logging.config.dictConfig({
    "version": 1,
    "disable_existing_loggers": True,
    "formatters": {
        "short": {"format": "%(levelname).1s %(name)s| %(message)s"},
        "braces": {"format": "{asctime} {levelname:<7} {message}", "style": "{", "datefmt": "%M:%S"},
    },
    "filters": {"even": {"()": OnlyEven}, "svc": {"name": "svc"}},
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "short"},
        "err": {"class": "logging.StreamHandler", "formatter": "braces", "level": "WARNING"},
        "evens": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "filters": ["even"]},
    },
    "loggers": {
        "svc": {"handlers": ["out", "err"], "level": "DEBUG", "propagate": False},
        "svc.db": {"level": "INFO"},
        "nums": {"handlers": ["evens"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["err"], "level": "ERROR"},
})
log = logging.getLogger("svc")
log.debug("debug shown")
log.warning("warning on both handlers")
logging.getLogger("svc.db").debug("hidden: svc.db is INFO")
logging.getLogger("svc.db").info("db info through svc's handlers")
for n in range(4):
    logging.getLogger("nums").info("number %d", n)
logging.getLogger("old").warning("old logger is disabled")
logging.getLogger("other").error("root handles this")
logging.getLogger("other").warning("below root's level")
for bad in [{}, {"version": 2}, {"version": 1, "handlers": {"h": {"class": "logging.NoSuchHandler"}}},
            {"version": 1, "loggers": {"x": {"handlers": ["missing"]}}}]:
    try:
        logging.config.dictConfig(bad)
    except ValueError as e:
        print("ValueError:", e, "| cause:", repr(e.__cause__))
print(__import__("json").dumps([1]), __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__)
