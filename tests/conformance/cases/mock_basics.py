# unittest.mock: Mock, MagicMock, patch (decorator, context manager, object, dict), side effects, call records and assert_* messages
import json
import os
from unittest import mock
from unittest.mock import ANY, MagicMock, Mock, PropertyMock, call, patch, sentinel


class Client:
    def get(self, url, timeout=5):
        raise RuntimeError("network")

    def close(self):
        pass


def fetch_all(client, urls):
    return [client.get(u) for u in urls]


def show(label, thunk):
    try:
        result = thunk()
    except AssertionError as e:
        print(f"{label}: AssertionError: {e}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {result!r}")


m = Mock()
m.get.return_value = {"ok": True}
print(fetch_all(m, ["a", "b"]))
print(m.get.call_count, m.get.call_args, m.get.call_args_list)
print(m.mock_calls)
print(m.method_calls)
m.get.assert_called_with("b")
m.get.assert_any_call("a")
m.get.assert_has_calls([call("a"), call("b")])
show("called once", lambda: m.get.assert_called_once())
show("called once with", lambda: m.get.assert_called_once_with("a"))
show("not called", lambda: m.get.assert_not_called())
show("any call", lambda: m.get.assert_any_call("zzz"))
show("has calls", lambda: m.get.assert_has_calls([call("b"), call("a")]))
show("called with", lambda: m.close.assert_called_with())
show("called", lambda: m.close.assert_called())
print(m.get.call_args.args, m.get.call_args.kwargs)
print(call("a") == call("a"), call("a") == call("b"), m.get.call_args == call("b"))
print(call(ANY, x=1) == call(3, x=1))
m.reset_mock()
print(m.get.call_count, m.mock_calls)

effects = Mock(side_effect=[1, ValueError("second"), 3])
show("effect 1", effects)
show("effect 2", effects)
show("effect 3", effects)
show("effect 4", effects)
doubled = Mock(side_effect=lambda x: x * 2)
print(doubled(21))

spec = Mock(spec=Client)
spec.get("u")
show("spec missing", lambda: spec.post)
print(isinstance(spec, Client))
strict = Mock(spec_set=["a"])
show("spec_set", lambda: setattr(strict, "b", 1))

mm = MagicMock()
mm.__len__.return_value = 4
mm.__getitem__.side_effect = lambda k: k * 10
mm.__iter__.return_value = iter([1, 2])
print(len(mm), mm[3], list(mm), bool(mm), 5 in mm)
with mm as entered:
    print(entered is mm.__enter__.return_value)
print(mm.__exit__.call_args)
print(int(mm), float(mm), str(mm).startswith("<MagicMock"))

with patch("json.dumps", return_value="patched") as fake:
    print(json.dumps({"a": 1}), fake.call_args)
print(json.dumps({"a": 1}))

with patch.object(Client, "get", return_value="stubbed") as fake_get:
    print(Client().get("x"), fake_get.call_count)
show("unpatched", lambda: Client().get("x"))


@patch("os.getcwd", return_value="/elsewhere")
@patch.object(Client, "close")
def decorated(fake_close, fake_getcwd):
    Client().close()
    return os.getcwd(), fake_close.called, fake_getcwd.called


print(decorated())
print(os.getcwd())

settings = {"debug": False, "level": 1}
with patch.dict(settings, {"debug": True}, clear=False):
    print(settings)
print(settings)
with patch.dict(os.environ, {"MODE": "test"}):
    print(os.environ.get("MODE"))
print(os.environ.get("MODE"))

with patch.object(Client, "name", new_callable=PropertyMock, create=True) as prop:
    prop.return_value = "prop!"
    print(Client().name)

print(sentinel.token is sentinel.token, sentinel.token)
named = Mock(name="worker")
print(repr(named.child.grandchild).split(" id=")[0])
configured = Mock(**{"run.return_value": 7, "stop.side_effect": KeyError("k")})
print(configured.run())
show("configured", configured.stop)
parent = Mock()
parent.attach_mock(Mock(return_value=1), "child")
parent.child(5)
print(parent.mock_calls)
show("bad patch", lambda: patch("json.nothere").start())
show("bad target", lambda: patch("nodots"))
