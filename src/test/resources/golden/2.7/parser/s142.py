'abc'
from __future__ import unicode_literals
x = 'd' b'e'
