"""Find help: what bothers you and what you prefer, turned into fitting kinds of help."""
