"""Plain, Django-free helpers every app may use; nothing here imports an app."""
