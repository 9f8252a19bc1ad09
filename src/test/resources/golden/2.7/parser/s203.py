# coding: utf-8
x = u'Ã'
