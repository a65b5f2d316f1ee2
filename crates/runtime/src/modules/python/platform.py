# Loopscope's platform, written for Loopscope after CPython 3.11's platform.py.
# A program runs on a fixed, documented machine (README): the machine that
# records the oracle's output — Linux 6.18.44-fc-v1147 on x86_64, host name
# "vm", glibc 2.36 — running the CPython build sys.version names. Nothing is
# read from the host, and, as there is no file system,
# freedesktop_os_release() fails as CPython's does without /etc/os-release.

import collections
import functools
import itertools
import sys

_SYSTEM = "Linux"
_NODE = "vm"
_RELEASE = "6.18.44-fc-v1147"
_VERSION = "#1 SMP PREEMPT_DYNAMIC @0"
_MACHINE = "x86_64"
_LIBC = ("glibc", "2.36")


class uname_result(
    collections.namedtuple(
        "uname_result_base",
        "system node release version machine")
        ):
    _fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

    @functools.cached_property
    def processor(self):
        return ''

    def __iter__(self):
        return itertools.chain(
            super().__iter__(),
            (self.processor,)
        )

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return len(tuple(iter(self)))


_uname_cache = uname_result(_SYSTEM, _NODE, _RELEASE, _VERSION, _MACHINE)


def uname():
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    return uname().processor


def architecture(executable=sys.executable, bits='', linkage=''):
    return '64bit', 'ELF'


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return _LIBC


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def platform(aliased=False, terse=False):
    return '-'.join((_SYSTEM, _RELEASE, _MACHINE, 'with', ''.join(_LIBC)))


# sys.version is "3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]".
def _sys_version():
    version, rest = sys.version.split(' (', 1)
    build, compiler = rest.split(') [', 1)
    buildno, builddate = build.split(', ', 1)
    return version, (buildno, builddate.replace(',', '')), compiler[:-1]


def python_implementation():
    return 'CPython'


def python_version():
    return _sys_version()[0]


def python_version_tuple():
    return tuple(_sys_version()[0].split('.'))


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    return _sys_version()[1]


def python_compiler():
    return _sys_version()[2]


def freedesktop_os_release():
    raise FileNotFoundError(
        2, "Unable to read files /etc/os-release, /usr/lib/os-release")
