def f():
!
