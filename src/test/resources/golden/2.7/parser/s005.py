@d
class C(A, B,): pass
