# coding: utf-8
x = u'\é\x1'
