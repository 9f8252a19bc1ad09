"""A tiny Python 2 module."""
import os

GREETING = "hello"


def greet(name, punctuation="!"):
    assert name, "a name is needed"
    return GREETING + ", " + name + punctuation


if __name__ == "__main__":
    print greet(os.environ.get("USER", "world"))
