class A:
    """A class."""
    attr = 1

    def method(self):
        return super().method()


class B(A, metaclass=type):
    @property
    def p(self):
        return self.__private
