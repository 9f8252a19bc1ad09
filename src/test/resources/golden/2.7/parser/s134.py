# coding: utf-8
x = u'\é' ur'\é' 'é' u'\u00e9\t'
