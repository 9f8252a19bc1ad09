from .a import b
from ... import c
from .... a import b
