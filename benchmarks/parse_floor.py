"""The parse floor: a Python process that only loads the given records with CSafeLoader.

Usage: python parse_floor.py PATH... (folders are searched for *.yaml)
"""

import os
import sys

import yaml


def main() -> None:
    for given in sys.argv[1:]:
        if os.path.isdir(given):
            names = sorted(os.path.join(given, n) for n in os.listdir(given) if n.endswith(".yaml"))
        else:
            names = [given]
        for name in names:
            with open(name, "rb") as f:
                try:
                    yaml.load(f, Loader=yaml.CSafeLoader)
                except (yaml.YAMLError, ValueError):
                    pass  # some records are broken on purpose (2026-02-30 fails here)


if __name__ == "__main__":
    main()
