# Loopscope's _arguments: binding a call's arguments to parameters by hand,
# with the messages CPython 3.11 gives for a def with those parameters (the
# functions namedtuple and dataclasses generate from source in CPython).


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _name_list(names):
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def bind(where, positional, keyword_only, defaults, args, kwargs, first=1):
    """A dict of the parameters the call gives a value (defaults not filled).

    where is the function's qualified name; positional and keyword_only are
    the parameter names after the `first` ones already bound (self or cls);
    defaults is the set of names that have a default.
    """
    values = dict(zip(positional, args))
    for name, value in kwargs.items():
        if name not in positional and name not in keyword_only:
            raise TypeError(f"{where}() got an unexpected keyword argument '{name}'")
        if name in values:
            raise TypeError(f"{where}() got multiple values for argument '{name}'")
        values[name] = value
    if len(args) > len(positional):
        takes = len(positional) + first
        optional = sum(1 for name in positional if name in defaults)
        if optional:
            accepted = f"from {takes - optional} to {takes} positional arguments"
        else:
            accepted = _plural(takes, "positional argument")
        given = len(args) + first
        keyword_given = sum(1 for name in keyword_only if name in values)
        if keyword_given:
            given_text = (f"{_plural(given, 'positional argument')} "
                          f"(and {_plural(keyword_given, 'keyword-only argument')}) were")
        else:
            given_text = f"{given} {'was' if given == 1 else 'were'}"
        raise TypeError(f"{where}() takes {accepted} but {given_text} given")
    for kind, names in (("positional", positional), ("keyword-only", keyword_only)):
        missing = [name for name in names if name not in values and name not in defaults]
        if missing:
            raise TypeError(f"{where}() missing {len(missing)} required {kind} "
                            f"argument{'s' if len(missing) > 1 else ''}: {_name_list(missing)}")
    return values
