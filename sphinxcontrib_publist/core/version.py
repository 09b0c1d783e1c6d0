"""The package version, in one place: the build cache is keyed on it."""

__version__ = "0.1.0"
