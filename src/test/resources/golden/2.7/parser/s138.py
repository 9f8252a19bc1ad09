from __future__ import print_function as p
print
