from __future__ import unicode_literals
'a' + b'b'
