# coding: utf-8
x = u'à€€'
