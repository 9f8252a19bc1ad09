x = 1 if 08else 2
x = 1 if 0777else 2
y = 08e1 + 09.5 + 08j
