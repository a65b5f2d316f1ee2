a = 'single'
b = "double"
c = '''triple
single'''
d = """triple
double"""
e = r'raw \n'
f = R"raw \d"
g = b'bytes'
h = B"BYTES"
i = rb'\x00'
j = Br"\n"
k = u'unicode'
l = U"UNICODE"
m = ''
n = ""
o = """"""
p = 'it\'s'
q = "say \"hi\""
