# property (getter, setter, deleter), classmethod, staticmethod, decorators
# in general, and a descriptor class with __get__/__set__ and __set_name__.
def logged(func):
    def wrapper(*args, **kwargs):
        print("call", func.__name__)
        return func(*args, **kwargs)

    return wrapper


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def freezing():
        return 0

    @classmethod
    def boiling(cls):
        return cls(100)

    @logged
    def report(self):
        return f"{self.celsius}C"


t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.freezing(), t.freezing(), Temperature.boiling().celsius)
t.celsius = 30
print(t.celsius, t.report())
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_celsius"))
print(type(Temperature.__dict__["celsius"]).__name__, isinstance(Temperature.freezing, type(len)))


class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)


class Order:
    quantity = Positive()
    price = Positive()

    def __init__(self, quantity, price):
        self.quantity = quantity
        self.price = price


o = Order(3, 5)
print(o.quantity * o.price, sorted(vars(o)), type(Order.quantity).__name__)
try:
    o.price = -1
except ValueError as e:
    print("ValueError:", e)
