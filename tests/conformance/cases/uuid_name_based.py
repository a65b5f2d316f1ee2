# uuid.uuid3 and uuid.uuid5: name-based UUIDs from MD5 and SHA-1
import uuid

for ns in (uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500):
    u3 = uuid.uuid3(ns, "python.org")
    u5 = uuid.uuid5(ns, "python.org")
    print(u3, u3.version, u5, u5.version, u5.variant)
print(uuid.uuid5(uuid.NAMESPACE_DNS, "ünïcode").hex)
print(repr(uuid.uuid3(uuid.NAMESPACE_URL, "")))
