f(ca b())
f(type b())
