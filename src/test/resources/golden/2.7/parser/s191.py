# c
x = (
