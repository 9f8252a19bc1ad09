"""A Python 2 package carried into a jar as .pyo caches."""
