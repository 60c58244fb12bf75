"""Runs moto's server with the workshop's corrections: ``python -m workshop_emulator -H HOST -p PORT``."""

import sys

from . import apply


def main() -> None:
    """Applies the corrections, then hands the command line to moto's server entry point."""
    apply()
    from moto.server import main as moto_main

    moto_main(sys.argv[1:])


if __name__ == "__main__":
    main()
