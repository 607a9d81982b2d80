"""Reference district-platform endpoint that stations sync to."""
