callback(lambda f: f.result()):
