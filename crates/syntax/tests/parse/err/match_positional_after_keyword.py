match x:
    case Point(x=1, a, b):
        pass
