"""A tiny example module."""
import os

GREETING = "hello"


def greet(name, punctuation="!"):
    return GREETING + ", " + name + punctuation


if __name__ == "__main__":
    print(greet(os.environ.get("USER", "world")))
