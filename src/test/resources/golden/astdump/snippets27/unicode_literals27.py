from __future__ import unicode_literals
x = "a", b"b", "\xff"
