# http.HTTPStatus and HTTPMethod: members, phrase/description, repr/str/format, lookups and errors, as API clients print them
import http
from http import HTTPStatus, HTTPMethod

print(len(HTTPStatus), list(HTTPStatus)[:3])
print(HTTPStatus.OK, repr(HTTPStatus.NOT_FOUND), str(HTTPStatus.CREATED), f"{HTTPStatus.ACCEPTED:>5}|")
print(HTTPStatus(404).phrase, "/", HTTPStatus(404).description)
print(HTTPStatus["IM_A_TEAPOT"].value, HTTPStatus.IM_A_TEAPOT.phrase, HTTPStatus.EARLY_HINTS.description == "")
print(HTTPStatus.OK == 200, HTTPStatus.OK + 1, isinstance(HTTPStatus.OK, int), HTTPStatus.OK.name)
print(sorted({HTTPStatus.OK: "a", 500: "b"}.items()))
print([s.name for s in HTTPStatus if 300 <= s < 304])
print({s.value // 100 for s in HTTPStatus})
try:
    HTTPStatus(299)
except ValueError as e:
    print("ValueError:", e)
try:
    HTTPStatus.OK.phrase = "fine"
    print("set", HTTPStatus.OK.phrase)
except AttributeError as e:
    print("AttributeError:", e)
print(HTTPMethod.GET, repr(HTTPMethod.POST), HTTPMethod.PATCH.description)
print(HTTPMethod("PUT") is HTTPMethod.PUT, HTTPMethod.GET == "GET", [m.value for m in HTTPMethod][:4])
print(http.__all__, type(HTTPStatus.OK).__mro__[1:])
status = HTTPStatus.SERVICE_UNAVAILABLE
match status:
    case HTTPStatus.OK | HTTPStatus.CREATED:
        print("fine")
    case HTTPStatus.SERVICE_UNAVAILABLE:
        print(f"retry later: {status.value} {status.phrase}")
