"""Run the command line as ``python -m afterview``."""

from afterview.cli import main

main()
