# -*- coding: latin-1 -*-
x = u'é'
