from __future__ import annotations
import os
import os.path
import a.b.c as d
import x, y as z
from os import path
from os.path import join as j, exists
from collections import (
    OrderedDict,
    defaultdict as dd,
)
from . import sibling
from .. import parent
from .mod import name
from ...pkg.mod import thing
from m import *
from m import (a, b)
