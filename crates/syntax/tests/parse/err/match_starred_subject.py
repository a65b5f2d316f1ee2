match *items:
    case [first, *_]:
        pass
