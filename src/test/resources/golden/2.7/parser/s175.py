import a, b.c
from a.b import c as d, e
