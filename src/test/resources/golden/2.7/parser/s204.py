# coding: utf-8
x = u'aâ‚b'
