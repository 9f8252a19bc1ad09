class A(): pass
class B(object,): x = 1
