"""Gezien: one starting point for adults living with the late effects of childhood
emotional neglect and abuse."""

__version__ = "0.1.0"
