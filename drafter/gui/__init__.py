"""Drafter's desktop GUI (PySide6). Only this package imports Qt; it calls the core's verbs."""
