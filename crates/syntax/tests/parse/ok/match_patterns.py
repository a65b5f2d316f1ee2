match message:
    case 0 | -1 | 2.5 | -3.0 | "text" "more" | b"raw":
        pass
    case None | True | False:
        pass
    case Color.RED | mod.Color.GREEN:
        pass
    case [first, *rest] if first > 0:
        pass
    case (a, b) | [a, b, *_]:
        pass
    case ():
        pass
    case (inner) if inner:
        pass
    case {"kind": "move", "x": x, **others}:
        pass
    case {}:
        pass
    case {1: _, None: _, Key.A: _, -2: _,}:
        pass
    case Point(x=0, y=0) | Point(0, 0,):
        pass
    case mod.Point(px, py, label=str() as label):
        pass
    case int(n) as whole:
        pass
    case [1, [2, (3, *more)]]:
        pass
    case _:
        pass
match x, y:
    case 1, 2:
        pass
    case *items, last:
        pass
match (x):
    case [*_,]:
        pass
match -x:
    case {**rest}:
        pass
