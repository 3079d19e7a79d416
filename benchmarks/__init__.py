"""Benchmarks of graphkit at growing corpus sizes: ``python -m benchmarks.run --help``."""
