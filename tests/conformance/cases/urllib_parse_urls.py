# urllib.parse as crawlers and API clients use it: split/parse/join URLs, netloc fields, query strings, quoting and unquoting
from urllib.parse import (urlparse, urlsplit, urlunparse, urljoin, urldefrag, urlencode,
                          quote, quote_plus, unquote, unquote_plus, parse_qs, parse_qsl)

u = urlparse("https://user:pw@Example.COM:8443/a/b;params?q=1&q=2&x=#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password, u.path, u.params)
print(u.geturl(), u._replace(fragment="").geturl())
print(urlsplit("http://127.0.0.1:80/p?x"), urlsplit("mailto:ann@example.com"))
print(urlunparse(("http", "h", "/p", "", "a=1", "f")))
base = "http://example.com/docs/guide/index.html"
for link in ["intro.html", "../api/", "/root", "//cdn.example.com/x.js", "?page=2", "#top", "https://other.org/"]:
    print(f"{link!r:28} -> {urljoin(base, link)}")
print(urldefrag("http://h/p#sec"))
print(urlencode({"q": "async io", "page": 2, "tags": ["a", "b"]}), urlencode({"tags": ["a", "b"]}, doseq=True))
print(quote("a b/c?d=é"), quote("a b/c", safe=""), quote_plus("x y+z&"))
print(unquote("caf%C3%A9%20%2F%zz%4"), unquote_plus("a+b%2Bc"))
print(parse_qs("a=1&b=&a=3"), parse_qs("a=1&b=", keep_blank_values=True), parse_qsl("k=v&x=%20y"))
try:
    urlsplit("http://h:port/")
    urlsplit("http://h:port/").port
except ValueError as e:
    print("ValueError:", e)
