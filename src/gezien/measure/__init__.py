"""Validated questionnaires: definitions as data files, one scoring engine, JSON commands.

This package is plain Python (no Django), so the command line and the tests can use it alone.
"""
