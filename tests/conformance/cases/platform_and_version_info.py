# platform describes the documented machine (the oracle's); sys.version_info is a named tuple.
import sys, platform
print(sys.version_info, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info))
print(platform.system(), platform.machine(), platform.python_version(), platform.python_version_tuple(), platform.uname())
print(platform.python_implementation(), platform.platform(), platform.architecture(), platform.python_compiler(), platform.python_build())
print(len(platform.uname()), platform.uname()[5] == '', list(platform.uname()), platform.uname().processor == '')
print(f"Python {platform.python_version()} on {platform.system()} {platform.release()} ({platform.node()})")
print(sys.executable, sys.path[1:], type(sys.path).__name__)
