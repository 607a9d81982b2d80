"""Yichuang (一窗): the counter application for comprehensive intake windows."""

__version__ = "0.1.0"
