"""A research kit for studying press coverage: corpus → text → analyses → report."""

__version__ = "0.1.0"
