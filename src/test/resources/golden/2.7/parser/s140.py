from os import print_function
print 1
