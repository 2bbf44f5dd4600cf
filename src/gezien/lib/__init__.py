"""Plain shared building blocks for every app. Nothing here imports Django or an app."""
