"""One module per ``afterview`` command, each exposing ``command``."""
