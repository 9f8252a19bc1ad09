# coding: cp1252
x = '€\n' u'€' ur'\€'
