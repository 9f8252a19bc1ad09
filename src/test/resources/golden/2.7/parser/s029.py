global a, b
assert x, y
import a.b.c as d, e
from . import (a, b,)
from ..x import *
