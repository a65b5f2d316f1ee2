f(type b())
