"""The MkDocs side of Afterview: a thin plugin over ``afterview.pages``."""
