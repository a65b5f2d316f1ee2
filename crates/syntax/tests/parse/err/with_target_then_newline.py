with open_it() as handle
    pass
