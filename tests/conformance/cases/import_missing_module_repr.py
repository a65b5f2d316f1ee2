# ModuleNotFoundError names the missing module (and a parent that is not a package) by repr
for name in ["no_such_module", "a\x0bb", "it's", "tab\there", "json.nope", "math.sub"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__, e, repr(e.name))
