from . import print_function
print(1, sep='')
