# -*- coding: utf-8 -*-
x = u'é' 'é'
