class Empty:
    pass


class Point(object):
    """A point."""

    dimensions = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class Tagged(Base, Mixin, metaclass=Meta, flag=True):
    x: int = 1


@decorator
@other(1)
class Decorated:
    async def method(self):
        return super().method()


class Inline: pass
