# private names (__x) inside a class are mangled to _Class__x: attributes, methods, class variables, locals, parameters, lambdas, comprehensions and __slots__; strings and keyword names are not
import asyncio


class Account:
    __count = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1
        self.__id = Account.__count

    def __audit(self, what):
        return f"[{self.__id}] {what}"

    def deposit(self, amount):
        self.__balance += amount
        return self.__audit(f"deposit {amount} -> {self.__balance}")

    @classmethod
    def count(cls):
        return cls.__count

    def helper(self, __scale=2):
        __local = [v * __scale for v in (self.__balance, self.__id)]
        double = lambda: __local * 2
        return __local, len(double())

    async def slowly(self):
        await asyncio.sleep(0.1)
        return self.__balance


class Savings(Account):
    def peek(self):
        return self.__balance


class __Hidden:
    def __init__(self):
        self.__x = 1


class Point:
    __slots__ = ("__x", "y")

    def __init__(self, x, y):
        self.__x = x
        self.y = y

    def x(self):
        return self.__x


def keywords(**kw):
    return sorted(kw)


class Caller:
    def call(self):
        return keywords(__flag=1, __other__=2)

    def named(self):
        return getattr(self, "__missing", "string not mangled")


a = Account("ann", 100)
print(a.deposit(50))
print(sorted(vars(a)), a._Account__balance, Account.count(), Account._Account__count)
print(a.helper(), a.helper(3))
print(Account._Account__audit.__name__, Account._Account__audit.__qualname__)
try:
    print(a.__balance)
except AttributeError as e:
    print("AttributeError:", e)
s = Savings("bob", 5)
try:
    s.peek()
except AttributeError as e:
    print("AttributeError:", e)
print(vars(__Hidden()), Point.__slots__, Point(3, 4).x(), Point(3, 4)._Point__x)
print(Caller().call(), Caller().named())
print(asyncio.run(a.slowly()))
print([n for n in dir(a) if "Account" in n])
